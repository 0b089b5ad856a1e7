import type { ResponseItem } from '../model/index.ts';
import { isContextMessage } from './prompt/index.ts';

/** What the model is asked to do when a thread's history is compacted (our own words). */
export const COMPACTION_PROMPT = `You are handing this conversation over to another instance of yourself that will continue the work without seeing the conversation so far. Write a handover note for it.

Include:
- the user's goal and every requirement or preference they stated;
- what has been done so far: decisions made, files changed, commands run and what they showed;
- what is still open, and the next concrete steps;
- anything that must not be forgotten (names, paths, values, errors seen).

Be complete but brief. Write only the note.`;

/**
 * Put before the note in the new history, so the model knows where it came from (our own words).
 * Counted by the token estimate after a compaction; see `src/core/token-parity.test.ts`.
 */
export const HANDOVER_PREFIX = `An earlier part of this conversation was condensed to save context. The note below was written by you before that happened; continue from it.`;

/** The request input for a compaction: the whole history, then the request to summarise it. */
export function compactionInput(history: readonly ResponseItem[], prompt: string): ResponseItem[] {
  return [...history, { type: 'message', role: 'user', content: [{ type: 'input_text', text: prompt }] }];
}

/**
 * The history after compaction: what the user said (the model keeps the user's own words), then
 * the handover note. The thread's initial context is added again at the next turn.
 */
export function replacementHistory(history: readonly ResponseItem[], summary: string): ResponseItem[] {
  const kept: ResponseItem[] = [];
  for (const item of history) {
    if (item.type !== 'message' || item.role !== 'user' || isContextMessage(item)) continue;
    kept.push(item);
  }
  kept.push({ type: 'message', role: 'user', content: [{ type: 'input_text', text: `${HANDOVER_PREFIX}\n${summary}` }] });
  return kept;
}

const approxTokens = (text: string) => Math.ceil(Buffer.byteLength(text) / 4);

/**
 * A rough token count of what the next request will carry, the reference's way: about 4 bytes a
 * token, counted for the instructions and for each history item on its own.
 */
export function estimateTokens(instructions: string, history: readonly ResponseItem[]): number {
  let tokens = approxTokens(instructions);
  for (const item of history) tokens += approxTokens(JSON.stringify(item));
  return tokens;
}

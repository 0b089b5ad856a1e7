/**
 * `request_user_input`: the model asks the user one to three multiple-choice questions. In Plan
 * mode (or Default mode with `features.default_mode_request_user_input`) the thread's clients get
 * `item/tool/requestUserInput`, and their answers go back to the model as JSON; elsewhere the
 * model is told the tool is unavailable. Texts are the reference's.
 */
import { Type } from '@sinclair/typebox';
import { decode } from '../protocol/decode.ts';
import type { ModeKind } from '../protocol/index.ts';
import { RequestUserInputQuestion } from '../protocol/v1/core.ts';
import { toolOutput, type ToolHandler } from './registry.ts';

const ARGS = Type.Object({ questions: Type.Array(RequestUserInputQuestion) }, { title: 'RequestUserInputArgs' });

interface Question {
  id: string;
  header: string;
  question: string;
  isSecret?: boolean;
  options?: Array<{ label: string; description: string }> | null;
}

const MODE_NAMES: Record<ModeKind, string> = { default: 'Default', plan: 'Plan' };

export function requestUserInputHandler(allowedInDefaultMode: boolean): ToolHandler {
  return async (call, ctx) => {
    const mode = ctx.collaborationMode;
    if (mode !== 'plan' && !allowedInDefaultMode) return toolOutput(call, `request_user_input is unavailable in ${MODE_NAMES[mode]} mode`);
    const questions = parseQuestions(call.input);
    if (typeof questions === 'string') return toolOutput(call, questions);

    const answer = await ctx.ask(
      'item/tool/requestUserInput',
      {
        itemId: call.callId,
        // The client always offers a free-text answer besides the options.
        questions: questions.map((q) => ({ id: q.id, header: q.header, question: q.question, isOther: true, isSecret: q.isSecret ?? false, options: q.options ?? null })),
      },
      { flag: 'waitingOnUserInput' },
    );
    if (answer.kind === 'error') return toolOutput(call, 'request_user_input was cancelled before receiving a response');
    return toolOutput(call, JSON.stringify({ answers: answersOf(answer.result) }));
  };
}

function parseQuestions(input: string): Question[] | string {
  let value: unknown;
  try {
    value = JSON.parse(input);
  } catch (err) {
    return `failed to parse function arguments: ${(err as Error).message}`;
  }
  const decoded = decode(ARGS, value);
  if (!decoded.ok) return `failed to parse function arguments: ${decoded.message}`;
  const { questions } = value as { questions: Question[] };
  if (questions.some((q) => !q.options?.length)) return 'request_user_input requires non-empty options for every question';
  return questions;
}

/** The answers as the reference passes them on: each question's list of strings, nothing else. */
function answersOf(result: unknown): Record<string, { answers: string[] }> {
  const raw = (result as { answers?: unknown } | null)?.answers;
  const out: Record<string, { answers: string[] }> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [id, entry] of Object.entries(raw)) {
    const answers = (entry as { answers?: unknown } | null)?.answers;
    if (Array.isArray(answers)) out[id] = { answers: answers.filter((a): a is string => typeof a === 'string') };
  }
  return out;
}

import type { ResponseItem } from '../../model/index.ts';

/**
 * How the context this module writes into user messages begins. The reference marks them the
 * same way and leaves such messages out when it rebuilds a thread's turns from history; keeping
 * the markers lets either server read the other's threads.
 */
export const AGENTS_MD_PREFIX = '# AGENTS.md instructions for ';
export const ENVIRONMENT_CONTEXT_OPEN = '<environment_context>';
export const SKILL_OPEN = '<skill>';
export const TURN_ABORTED_OPEN = '<turn_aborted>';

const MARKERS = [AGENTS_MD_PREFIX, ENVIRONMENT_CONTEXT_OPEN, SKILL_OPEN, TURN_ABORTED_OPEN];

/** A user-role message that is context the server added, not something the user typed. */
export function isContextMessage(item: ResponseItem): boolean {
  if (item.type !== 'message' || item.role !== 'user') return false;
  const first = item.content[0];
  return first?.type === 'input_text' && MARKERS.some((m) => first.text.startsWith(m));
}

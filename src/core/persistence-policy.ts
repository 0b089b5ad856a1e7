import type { ThreadItem } from '../protocol/index.ts';

/**
 * Which items a thread stores, as the reference decides what its rollout keeps: conversation items
 * always; tool items (commands, file changes, MCP and dynamic tool calls, web searches, viewed
 * images…) only when the thread was started with `persistExtendedHistory`. What is not stored is
 * not in `thread/read` or `thread/resume` either, there as here.
 */
const ALWAYS_STORED: ReadonlySet<ThreadItem['type']> = new Set([
  'userMessage',
  'agentMessage',
  'reasoning',
  'plan',
  'contextCompaction',
  'enteredReviewMode',
  'exitedReviewMode',
]);

export function storesItem(item: ThreadItem, extendedHistory: boolean): boolean {
  return extendedHistory || ALWAYS_STORED.has(item.type);
}

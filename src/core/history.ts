import type { ResponseItem } from '../model/index.ts';
import type { ThreadEntry } from '../store/types.ts';

/** The model's history from a thread's entries: everything said, restarted by each compaction. */
export function foldHistory(entries: readonly ThreadEntry[]): ResponseItem[] {
  let history: ResponseItem[] = [];
  for (const entry of entries) {
    if (entry.kind === 'response') history.push(entry.item);
    else if (entry.kind === 'compacted') history = [...entry.replacement];
  }
  return history;
}

/**
 * A history without a developer message has not been given the thread's initial context yet: a
 * new thread, or one whose history was just compacted (the reference injects it again then).
 */
export function needsInitialContext(history: readonly ResponseItem[]): boolean {
  return !history.some((item) => item.type === 'message' && item.role === 'developer');
}

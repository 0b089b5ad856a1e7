/**
 * The turns a client sees (`thread/read`, `thread/resume`) from a thread's entries, as the
 * reference rebuilds them: items it creates itself are numbered `item-1`, `item-2`… across the
 * whole thread in order, while tool items keep their call id and plan items their own id (and
 * take no number). A turn that never ended is reported interrupted (its process died), unless it
 * is the one still running.
 */
import type { ThreadItem, Turn } from '../protocol/index.ts';
import type { ThreadEntry } from '../store/types.ts';

const NUMBERED_TYPES: ReadonlySet<ThreadItem['type']> = new Set([
  'userMessage',
  'agentMessage',
  'reasoning',
  'contextCompaction',
  'enteredReviewMode',
  'exitedReviewMode',
]);

export function foldTurns(entries: readonly ThreadEntry[], opts: { activeTurnId?: string } = {}): Turn[] {
  const turns: Turn[] = [];
  const byId = new Map<string, Turn>();
  let next = 1;
  for (const entry of entries) {
    if (entry.kind === 'turnStarted') {
      const turn: Turn = { id: entry.turnId, items: [], status: 'inProgress', error: null };
      turns.push(turn);
      byId.set(entry.turnId, turn);
      continue;
    }
    const turn = byId.get(entry.turnId);
    if (!turn) continue;
    if (entry.kind === 'item') {
      turn.items.push(NUMBERED_TYPES.has(entry.item.type) ? { ...entry.item, id: `item-${next++}` } : entry.item);
    } else if (entry.kind === 'turnEnded') {
      turn.status = entry.status;
      turn.error = entry.error;
    }
  }
  for (const turn of turns) {
    if (turn.status === 'inProgress' && turn.id !== opts.activeTurnId) turn.status = 'interrupted';
  }
  return turns;
}

/**
 * The turns a client sees (`thread/read`, `thread/resume`) from a thread's entries, as the
 * reference rebuilds them: items it creates itself are numbered `item-1`, `item-2`… across the
 * whole thread in order, while tool items keep their call id and plan items their own id (and
 * take no number). An item completed again (Plan mode's plan item, once per model response) keeps
 * its first place with its last content; a plan item without text is left out. A turn that never
 * ended is reported interrupted (its process died), unless it is the one still running.
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
      if (NUMBERED_TYPES.has(entry.item.type)) turn.items.push({ ...entry.item, id: `item-${next++}` });
      else if (!(entry.item.type === 'plan' && entry.item.text === '')) upsert(turn.items, entry.item);
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

function upsert(items: ThreadItem[], item: ThreadItem): void {
  const at = items.findIndex((i) => i.id === item.id);
  if (at >= 0) items[at] = item;
  else items.push(item);
}

/**
 * Folds a rollout's events into thread entries with the turn boundaries the reference's
 * `thread/read` shows:
 *
 * - `task_started` opens an explicit turn (its id is the reference's turn id); `task_complete`
 *   completes it unless an error failed it or it was interrupted; `turn_aborted` interrupts it.
 *   An explicit turn left open gets no `turnEnded` (a crash), unless an error had failed it.
 * - Items without an open turn (files older than explicit turns) open an implicit turn with a new
 *   id, which counts as completed (or failed) when the next user message or turn replaces it.
 * - `thread_rolled_back` drops the last N turns, entries and model history alike.
 * - Response items go to the open turn; those written between turns (the initial context before
 *   the first turn, a fork's context after the copied history) belong to the next turn, or to the
 *   last one when none follows.
 */
import type { ResponseItem, TokenUsage } from '../../model/index.ts';
import type { ThreadItem, TurnError } from '../../protocol/index.ts';
import type { ThreadEntry, TurnEndStatus } from '../types.ts';
import { NUMBERED } from './event-items.ts';

type ItemEntry = Extract<ThreadEntry, { kind: 'item' }>;

interface BuiltTurn {
  id: string;
  explicit: boolean;
  sawCompaction: boolean;
  status: 'inProgress' | TurnEndStatus;
  error: TurnError | null;
  /** The status and error the last `turnEnded` entry stated. */
  stated: string | null;
  entries: ThreadEntry[];
  items: ItemEntry[];
}

export class TurnBuilder {
  private readonly turns: BuiltTurn[] = [];
  private current: BuiltTurn | null = null;
  private pending: ResponseItem[] = [];
  private at = 0;

  /** `newTurnId` names implicit turns. */
  constructor(private readonly newTurnId: () => string) {}

  /** The time (unix seconds) of the line being read, for the entries it makes. */
  setTime(at: number): void {
    this.at = at;
  }

  turnStarted(turnId: string): void {
    this.finishCurrent();
    this.current = this.open(turnId, true);
  }

  turnComplete(turnId: string): void {
    const turn = this.find(turnId) ?? this.current;
    if (!turn) return;
    if (turn.status === 'inProgress') turn.status = 'completed';
    this.state(turn);
    if (turn === this.current) this.finishCurrent();
  }

  turnAborted(turnId: string | null): void {
    const turn = (turnId === null ? undefined : this.find(turnId)) ?? this.current;
    if (!turn) return;
    turn.status = 'interrupted';
    this.state(turn);
  }

  error(error: TurnError): void {
    if (!this.current) return;
    this.current.status = 'failed';
    this.current.error = error;
  }

  rolledBack(numTurns: number): void {
    this.finishCurrent();
    this.turns.splice(Math.max(0, this.turns.length - numTurns));
  }

  userMessage(item: ThreadItem): void {
    const open = this.current;
    if (open && !open.explicit && !(open.sawCompaction && open.items.length === 0)) this.finishCurrent();
    this.add(this.ensureTurn(), item);
  }

  /** An item of the open turn (opening an implicit one if needed). */
  item(item: ThreadItem): void {
    this.add(this.ensureTurn(), item);
  }

  /** An item of the named turn, even a finished one; dropped when no such turn exists. */
  itemOfTurn(turnId: string, item: ThreadItem): boolean {
    const turn = turnId === '' ? this.ensureTurn() : this.find(turnId);
    if (turn) this.add(turn, item);
    return turn !== undefined;
  }

  /** Reasoning text extends the turn's last item when that is reasoning too. */
  reasoning(part: 'summary' | 'content', text: string): void {
    const turn = this.ensureTurn();
    const last = turn.items.at(-1)?.item;
    if (last?.type === 'reasoning') last[part]?.push(text);
    else this.add(turn, { type: 'reasoning', id: NUMBERED, summary: part === 'summary' ? [text] : [], content: part === 'content' ? [text] : [] });
  }

  compacted(replacement: ResponseItem[] | null): void {
    const turn = this.ensureTurn();
    turn.sawCompaction = true;
    if (replacement) turn.entries.push({ kind: 'compacted', turnId: turn.id, replacement });
  }

  /** The thread's token usage after a response, kept so a resumed thread counts on from it. */
  tokens(last: TokenUsage, total: TokenUsage): void {
    if (this.current) this.current.entries.push({ kind: 'tokens', turnId: this.current.id, last, total });
  }

  response(item: ResponseItem): void {
    if (this.current) this.current.entries.push({ kind: 'response', turnId: this.current.id, item });
    else this.pending.push(item);
  }

  finish(): ThreadEntry[] {
    this.finishCurrent();
    const last = this.turns.at(-1);
    if (last) for (const item of this.pending) last.entries.push({ kind: 'response', turnId: last.id, item });
    return this.turns.flatMap((t) => t.entries);
  }

  private open(id: string, explicit: boolean): BuiltTurn {
    const turn: BuiltTurn = {
      id,
      explicit,
      sawCompaction: false,
      // The reference counts an implicit turn as completed from the start.
      status: explicit ? 'inProgress' : 'completed',
      error: null,
      stated: null,
      entries: [{ kind: 'turnStarted', turnId: id, at: this.at }],
      items: [],
    };
    for (const item of this.pending) turn.entries.push({ kind: 'response', turnId: id, item });
    this.pending = [];
    return turn;
  }

  private ensureTurn(): BuiltTurn {
    return (this.current ??= this.open(this.newTurnId(), false));
  }

  private find(turnId: string): BuiltTurn | undefined {
    return this.current?.id === turnId ? this.current : this.turns.find((t) => t.id === turnId);
  }

  private finishCurrent(): void {
    const turn = this.current;
    if (!turn) return;
    this.current = null;
    this.state(turn);
    this.turns.push(turn);
  }

  /** Writes a `turnEnded` when the turn's outcome is known and differs from what was written. */
  private state(turn: BuiltTurn): void {
    if (turn.status === 'inProgress') return;
    const stated = JSON.stringify([turn.status, turn.error]);
    if (stated === turn.stated) return;
    turn.stated = stated;
    turn.entries.push({ kind: 'turnEnded', turnId: turn.id, status: turn.status, error: turn.error, at: this.at });
  }

  /** Tool items keep their call id; a second event for the same call replaces the first item. */
  private add(turn: BuiltTurn, item: ThreadItem): void {
    const existing = item.id === NUMBERED ? undefined : turn.items.find((e) => e.item.id === item.id);
    if (existing) {
      existing.item = item;
      return;
    }
    const entry: ItemEntry = { kind: 'item', turnId: turn.id, item };
    turn.entries.push(entry);
    turn.items.push(entry);
  }
}

/**
 * When to look at the reference's files again. Their folders' mtimes would not say: the reference
 * appends to a rollout in place, which changes no folder. So a pass (one walk, a stat per file)
 * runs at most once per interval.
 */
import type { Logger } from '../../log/index.ts';
import type { ReferenceLedger, SyncResult } from '../types.ts';
import { syncReferenceRollouts } from './sync.ts';

/**
 * Short enough that a thread just written with the reference shows in the next thread/list, long
 * enough that paging through a list never walks the folders more than once.
 */
export const REFRESH_INTERVAL_MS = 5000;

export class ReferenceSync {
  /** When the last pass ended; none yet, so the first call always runs. */
  private last = -Infinity;

  constructor(
    private readonly codexHome: string,
    private readonly log: Logger,
    private readonly intervalMs = REFRESH_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A pass, unless the last one ended less than the interval ago (then null). */
  refresh(ledger: ReferenceLedger): SyncResult | null {
    if (this.now() - this.last < this.intervalMs) return null;
    const result = syncReferenceRollouts(ledger, this.codexHome, this.log);
    this.last = this.now();
    return result;
  }
}

import type { RateLimitSnapshot, ResponseItem, TokenUsage } from '../model/index.ts';
import type { ThreadActiveFlag, ThreadStatus } from '../protocol/index.ts';
import type { Connection } from '../rpc/connection.ts';
import type { ThreadRecord } from '../store/types.ts';
import type { ActiveTurn } from './active-turn.ts';
import type { TurnContext } from './prompt/index.ts';
import type { ThreadRules } from './thread-rules.ts';
import type { ThreadSettings } from './thread-settings.ts';

export interface TokenTotals {
  total: TokenUsage;
  last: TokenUsage;
}

/**
 * A thread that lives in this process: its record, settings, the model's history, who listens
 * to it, and the turn in progress. Only the engine mutates it.
 */
export class LoadedThread {
  readonly subscribers = new Set<Connection>();
  activeTurn: ActiveTurn | null = null;
  /** The last turn failed; the status stays `systemError` until the next turn starts. */
  failed = false;
  /** Waiting-on flags with how many requests hold each (approvals, user input). */
  readonly waiting = new Map<ThreadActiveFlag, number>();
  /** The execpolicy rules of this session (see ThreadManager.rulesOf). */
  rules: ThreadRules | null = null;
  /** What the user approved "for the session": approval keys of commands and patched paths. */
  readonly sessionApprovals = new Set<string>();
  tokens: TokenTotals | null = null;
  /** The settings the model was last told about, to tell it what changed at the next turn. */
  toldContext: TurnContext | null = null;
  /** The account's limits as the last model response reported them. */
  rateLimits: RateLimitSnapshot | null = null;
  /** Status last announced with thread/status/changed, so only changes are sent. */
  announcedStatus: string;

  constructor(
    public record: ThreadRecord,
    public settings: ThreadSettings,
    /** What the model sees, in order (compaction replaces it). */
    public history: ResponseItem[],
    readonly ephemeral: boolean,
    /** Written to the store (a thread is stored at its first turn, as the reference writes its rollout). */
    public stored: boolean,
  ) {
    this.announcedStatus = JSON.stringify(this.status());
  }

  get id(): string {
    return this.record.id;
  }

  status(): ThreadStatus {
    if (this.activeTurn) {
      const activeFlags = [...this.waiting.entries()].filter(([, n]) => n > 0).map(([flag]) => flag);
      return { type: 'active', activeFlags };
    }
    return this.failed ? { type: 'systemError' } : { type: 'idle' };
  }

  /** Sends a thread-scoped notification to every subscribed connection. */
  notify(method: string, params: unknown): void {
    for (const conn of this.subscribers) conn.notify(method, params);
  }
}

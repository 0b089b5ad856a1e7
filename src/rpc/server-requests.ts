import type { Connection } from './connection.ts';

/** A server-to-client request still waiting for its first answer. */
export interface PendingServerRequest {
  readonly id: number;
  readonly method: string;
  readonly params: unknown;
  /** The thread it belongs to, so it can be replayed to a client that joins the thread. */
  readonly threadId: string | null;
}

export type ServerRequestOutcome =
  | { kind: 'result'; result: unknown }
  | { kind: 'error'; error: unknown }
  /** Withdrawn by the server (turn ended, interrupted) before any client answered. */
  | { kind: 'cleared' };

interface Entry extends PendingServerRequest {
  settle(outcome: ServerRequestOutcome): void;
}

/**
 * Server-to-client requests share one id space per process, counting from 0 as the reference
 * does, independent of client request ids. The first answer wins; answers to ids never issued or
 * already settled are dropped (the reference ignores them silently; we log them).
 */
export class ServerRequests {
  private nextId = 0;
  private readonly pending = new Map<number, Entry>();

  send(
    targets: Iterable<Connection>,
    method: string,
    params: unknown,
    threadId: string | null = null,
  ): { id: number; outcome: Promise<ServerRequestOutcome> } {
    const id = this.nextId++;
    let settle!: (o: ServerRequestOutcome) => void;
    const outcome = new Promise<ServerRequestOutcome>((resolve) => (settle = resolve));
    this.pending.set(id, { id, method, params, threadId, settle });
    for (const conn of targets) conn.request(id, method, params);
    return { id, outcome };
  }

  /** Routes a client's response; returns false when no request with that id is pending. */
  answer(id: unknown, response: { result?: unknown; error?: unknown }): boolean {
    if (typeof id !== 'number') return false;
    const entry = this.pending.get(id);
    if (!entry) return false;
    this.pending.delete(id);
    entry.settle('error' in response && response.error !== undefined
      ? { kind: 'error', error: response.error }
      : { kind: 'result', result: response.result });
    return true;
  }

  /** Withdraws a pending request; returns false if it was already answered. */
  clear(id: number): boolean {
    const entry = this.pending.get(id);
    if (!entry) return false;
    this.pending.delete(id);
    entry.settle({ kind: 'cleared' });
    return true;
  }

  pendingForThread(threadId: string): PendingServerRequest[] {
    return [...this.pending.values()].filter((e) => e.threadId === threadId);
  }

  /** Sends a still-pending request again, with its original id, to a client that joined late. */
  replay(conn: Connection, request: PendingServerRequest): void {
    if (this.pending.has(request.id)) conn.request(request.id, request.method, request.params);
  }
}

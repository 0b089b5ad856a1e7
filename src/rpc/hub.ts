import type { Connection } from './connection.ts';

/** Every open connection, for notifications that go to all initialized clients. */
export class Hub {
  private readonly connections = new Set<Connection>();

  add(conn: Connection): void {
    this.connections.add(conn);
  }

  remove(conn: Connection): void {
    this.connections.delete(conn);
  }

  get size(): number {
    return this.connections.size;
  }

  /** Sends to every initialized connection (each applies its own opt-outs). */
  broadcast(method: string, params?: unknown): void {
    for (const conn of this.connections) if (conn.initialized) conn.notify(method, params);
  }
}

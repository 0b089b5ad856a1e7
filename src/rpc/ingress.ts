import type { Connection } from './connection.ts';

/** Messages a connection may have waiting or in progress before new requests are refused. */
export const INGRESS_CAPACITY = 1024;
/** Messages taken from one connection before the others get their turn. */
const BATCH = 32;

interface Queue {
  conn: Connection;
  texts: string[];
  head: number;
}

/**
 * Bounded, fair intake of incoming messages. Each connection has its own queue; queues are
 * drained round-robin a batch at a time, yielding to the event loop between rounds, so a client
 * that floods the server delays only itself. A message arriving at a full queue is refused at
 * once (`onOverflow`, which answers requests with "Server overloaded; retry later.").
 */
export class Ingress {
  private readonly queues = new Map<Connection, Queue>();
  private scheduled = false;

  constructor(
    private readonly process: (conn: Connection, text: string) => void,
    private readonly onOverflow: (conn: Connection, text: string) => void,
  ) {}

  push(conn: Connection, text: string): void {
    let q = this.queues.get(conn);
    if (!q) {
      q = { conn, texts: [], head: 0 };
      this.queues.set(conn, q);
    }
    if (q.texts.length - q.head + conn.inFlight >= INGRESS_CAPACITY) {
      this.onOverflow(conn, text);
      return;
    }
    q.texts.push(text);
    this.schedule();
  }

  /** Forgets a closed connection's unprocessed messages. */
  drop(conn: Connection): void {
    this.queues.delete(conn);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    for (const q of this.queues.values()) {
      const end = Math.min(q.texts.length, q.head + BATCH);
      while (q.head < end) {
        const text = q.texts[q.head]!;
        q.head++;
        this.process(q.conn, text);
      }
      if (q.head === q.texts.length) {
        this.queues.delete(q.conn);
      } else if (q.head > 4096) {
        q.texts = q.texts.slice(q.head);
        q.head = 0;
      }
    }
    if (this.queues.size) this.schedule();
  }
}

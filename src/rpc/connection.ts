import type { Channel } from '../transport/channel.ts';
import { toWireError } from './errors.ts';

export type RequestId = string | number;

/** What `initialize` fixed for this connection; capabilities never change afterwards. */
export interface Session {
  clientName: string;
  clientVersion: string;
  experimentalApi: boolean;
  optOut: ReadonlySet<string>;
}

let nextConnectionId = 1;

/**
 * One client connection: its handshake state and the only way anything is written to it.
 * Every outgoing message is a plain object without a `jsonrpc` member, as the reference writes them.
 */
export class Connection {
  readonly id = nextConnectionId++;
  session: Session | null = null;
  closed = false;
  /** Requests received and not yet answered; bounded by the dispatcher. */
  inFlight = 0;

  constructor(readonly channel: Channel) {}

  get initialized(): boolean {
    return this.session !== null;
  }

  respond(id: RequestId, result: unknown): void {
    this.write({ id, result });
  }

  respondError(id: RequestId, err: unknown): void {
    this.write({ error: toWireError(err), id });
  }

  /** Sends a notification unless the client opted out of this method at `initialize`. */
  notify(method: string, params?: unknown): void {
    if (this.session?.optOut.has(method)) return;
    this.write(params === undefined ? { method } : { method, params });
  }

  /** Sends a server-to-client request; correlation is the caller's business (see ServerRequests). */
  request(id: number, method: string, params: unknown): void {
    this.write({ id, method, params });
  }

  close(): void {
    this.channel.close();
  }

  private write(message: object): void {
    if (this.closed) return;
    this.channel.send(JSON.stringify(message));
  }
}

import type { Connection, RequestId } from './connection.ts';

/** What a request handler gets besides its decoded params. */
export interface RequestContext<App> {
  app: App;
  conn: Connection;
  requestId: RequestId;
  /**
   * Runs `fn` right after the response is written: notifications a request causes follow its
   * response on the wire, as clients of the reference expect.
   */
  after(fn: () => void): void;
}

/** Returns the result, or throws an RpcError; a sync return is answered immediately. */
export type Handler<App, P = any, R = unknown> = (params: P, ctx: RequestContext<App>) => R | Promise<R>;

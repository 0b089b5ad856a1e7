import type { TSchema } from '@sinclair/typebox';
import { decode, MISSING_PARAMS_MESSAGE, UNIT_PARAMS_SCHEMA } from '../protocol/decode.ts';
import type { ClientRequestSpec } from '../protocol/index.ts';
import { CLIENT_REQUESTS, experimentalFieldUse } from '../protocol/index.ts';
import type { Connection, RequestId } from './connection.ts';
import { RpcError } from './errors.ts';
import type { Handler, RequestContext } from './handler.ts';
import type { ServerRequests } from './server-requests.ts';

const SPECS = new Map<string, ClientRequestSpec>(CLIENT_REQUESTS.map((s) => [s.method, s]));
const UNKNOWN_METHOD_LIST = CLIENT_REQUESTS.map((s) => `\`${s.method}\``).join(', ');

export interface DispatchLog {
  warn(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

export interface DispatcherDeps<App> {
  app: App;
  handlers: Readonly<Record<string, Handler<App> | undefined>>;
  serverRequests: ServerRequests;
  log: DispatchLog;
}

const isRequestId = (id: unknown): id is RequestId =>
  typeof id === 'string' || (typeof id === 'number' && Number.isSafeInteger(id));

/**
 * Turns one incoming message text into work: parse → classify → decode params (serde-style
 * messages) → handshake gate → experimental gate → handler → reply. The order matches the
 * reference: params are decoded before the initialization check, so a malformed request before
 * `initialize` reports its decoding error rather than "Not initialized".
 */
export class Dispatcher<App> {
  constructor(private readonly deps: DispatcherDeps<App>) {}

  /** Answers a message that could not be queued: requests learn the server is overloaded. */
  refuse(conn: Connection, text: string): void {
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    const id = (msg as { id?: unknown } | null)?.id;
    if (typeof (msg as { method?: unknown }).method === 'string' && isRequestId(id)) conn.respondError(id, RpcError.overloaded());
  }

  handle(conn: Connection, text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch (err) {
      // The schema has no null id, so like the reference we cannot answer; the log says why.
      this.deps.log.warn('dropped unparseable message', { conn: conn.id, error: (err as Error).message });
      return;
    }
    if (message === null || typeof message !== 'object' || Array.isArray(message)) {
      this.deps.log.warn('dropped message that is not a JSON object', { conn: conn.id });
      return;
    }
    const msg = message as Record<string, unknown>;
    if ('method' in msg) {
      if (typeof msg.method !== 'string') {
        this.deps.log.warn('dropped message with a non-string method', { conn: conn.id });
      } else if (!('id' in msg)) {
        this.notification(conn, msg.method);
      } else if (!isRequestId(msg.id)) {
        this.deps.log.warn('dropped request with an invalid id', { conn: conn.id, method: msg.method });
      } else {
        this.request(conn, msg.id, msg.method, msg.params);
      }
    } else if ('id' in msg && ('result' in msg || 'error' in msg)) {
      if (!this.deps.serverRequests.answer(msg.id, msg)) {
        this.deps.log.warn('dropped response to an unknown server request id', { conn: conn.id, id: msg.id });
      }
    } else {
      this.deps.log.warn('dropped message that is neither request, notification nor response', { conn: conn.id });
    }
  }

  private notification(conn: Connection, method: string): void {
    // `initialized` is accepted but not required by the reference; other notifications are unknown.
    if (method !== 'initialized') this.deps.log.debug('ignored client notification', { conn: conn.id, method });
  }

  private request(conn: Connection, id: RequestId, method: string, rawParams: unknown): void {
    let params: unknown;
    let handler: Handler<App>;
    try {
      const spec = SPECS.get(method);
      if (!spec) throw RpcError.invalidRequest(`unknown variant \`${method}\`, expected one of ${UNKNOWN_METHOD_LIST}`);
      params = decodeParams(spec.params, rawParams);
      if (method === 'initialize') {
        if (conn.initialized) throw RpcError.alreadyInitialized();
      } else if (!conn.session) {
        throw RpcError.notInitialized();
      } else if (!conn.session.experimentalApi) {
        if (spec.experimental) throw RpcError.experimentalRequired(method);
        const field = params ? experimentalFieldUse(spec, params as Record<string, unknown>) : null;
        if (field) throw RpcError.experimentalRequired(field);
      }
      const found = this.deps.handlers[method];
      if (!found) throw RpcError.notImplemented(method);
      handler = found;
    } catch (err) {
      conn.respondError(id, err);
      return;
    }
    this.run(conn, id, method, handler, params);
  }

  private run(conn: Connection, id: RequestId, method: string, handler: Handler<App>, params: unknown): void {
    const after: Array<() => void> = [];
    const ctx: RequestContext<App> = { app: this.deps.app, conn, requestId: id, after: (fn) => after.push(fn) };
    const succeed = (result: unknown) => {
      conn.respond(id, result);
      for (const fn of after) fn();
    };
    const fail = (err: unknown) => {
      if (!(err instanceof RpcError)) this.deps.log.warn('request failed', { conn: conn.id, method, error: String(err) });
      conn.respondError(id, err);
    };
    let outcome: unknown;
    try {
      outcome = handler(params, ctx);
    } catch (err) {
      fail(err);
      return;
    }
    if (!(outcome instanceof Promise)) {
      // Synchronous handlers answer at once, which keeps their replies in request order.
      succeed(outcome);
      return;
    }
    conn.inFlight++;
    outcome.then(succeed, fail).finally(() => conn.inFlight--);
  }
}

/** Applies the reference's params-presence rules, then decodes. */
function decodeParams(schema: TSchema | null, raw: unknown): unknown {
  if (schema === null) {
    const unit = decode(UNIT_PARAMS_SCHEMA, raw ?? null);
    if (!unit.ok) throw RpcError.invalidRequest(unit.message);
    return undefined;
  }
  if (raw === undefined || raw === null) throw RpcError.invalidRequest(MISSING_PARAMS_MESSAGE);
  const result = decode(schema, raw);
  if (!result.ok) throw RpcError.invalidRequest(result.message);
  return result.value;
}

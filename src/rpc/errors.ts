/**
 * Errors are values with a kind. Handlers and the dispatcher raise `RpcError`s; the connection maps
 * them to JSON-RPC error objects in one place (`toWireError`). Codes and message texts follow the
 * reference server, which answers nearly every client mistake with -32600.
 */
export type ErrorKind =
  | 'notInitialized'
  | 'alreadyInitialized'
  /** Params or envelope failed to decode; `message` is the serde-style detail. */
  | 'invalidRequest'
  /** A domain-level refusal the client caused (unknown thread, bad cursor, …). */
  | 'badRequest'
  | 'experimentalRequired'
  | 'notImplemented'
  | 'overloaded'
  | 'internal';

export const ERROR_CODES: Record<ErrorKind, number> = {
  notInitialized: -32600,
  alreadyInitialized: -32600,
  invalidRequest: -32600,
  badRequest: -32600,
  experimentalRequired: -32600,
  notImplemented: -32601,
  overloaded: -32001,
  internal: -32603,
};

export class RpcError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'RpcError';
  }

  static notInitialized(): RpcError {
    return new RpcError('notInitialized', 'Not initialized');
  }
  static alreadyInitialized(): RpcError {
    return new RpcError('alreadyInitialized', 'Already initialized');
  }
  /** `detail` is the decoder's message, e.g. "missing field `threadId`". */
  static invalidRequest(detail: string): RpcError {
    return new RpcError('invalidRequest', `Invalid request: ${detail}`);
  }
  /** `data` carries machine-readable detail where the reference sends some (config writes). */
  static badRequest(message: string, data?: unknown): RpcError {
    return new RpcError('badRequest', message, data);
  }
  static experimentalRequired(descriptor: string): RpcError {
    return new RpcError('experimentalRequired', `${descriptor} requires experimentalApi capability`);
  }
  static notImplemented(method: string): RpcError {
    return new RpcError('notImplemented', `${method} is not implemented by this server yet`);
  }
  static overloaded(): RpcError {
    return new RpcError('overloaded', 'Server overloaded; retry later.');
  }
  static internal(message: string): RpcError {
    return new RpcError('internal', message);
  }
}

export interface WireError {
  code: number;
  message: string;
  data?: unknown;
}

/** The only mapping from failures to JSON-RPC error objects. Anything unexpected is internal. */
export function toWireError(err: unknown): WireError {
  if (err instanceof RpcError) {
    const wire: WireError = { code: ERROR_CODES[err.kind], message: err.message };
    if (err.data !== undefined) wire.data = err.data;
    return wire;
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: ERROR_CODES.internal, message: message || 'internal error' };
}

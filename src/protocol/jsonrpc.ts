/**
 * The JSON-RPC envelope. The server never writes `"jsonrpc":"2.0"` and does not require it on input,
 * so it is absent here too.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Json, Opt, i64 } from './schema-kit.ts';

export const RequestId = Type.Union([Type.String(), i64()], { $id: 'RequestId' });
export type RequestId = Static<typeof RequestId>;

export const JSONRPCErrorError = Type.Object({
  code: i64(),
  message: Type.String(),
  data: Type.Optional(Json()),
}, { $id: 'JSONRPCErrorError' });
export type JSONRPCErrorError = Static<typeof JSONRPCErrorError>;

export const JSONRPCError = Type.Object({ id: RequestId, error: JSONRPCErrorError }, { $id: 'JSONRPCError' });
export type JSONRPCError = Static<typeof JSONRPCError>;

export const JSONRPCNotification = Type.Object({
  method: Type.String(),
  params: Type.Optional(Json()),
}, { $id: 'JSONRPCNotification' });
export type JSONRPCNotification = Static<typeof JSONRPCNotification>;

export const W3cTraceContext = Type.Object({
  traceparent: Opt(Type.String()),
  tracestate: Opt(Type.String()),
}, { $id: 'W3cTraceContext' });
export type W3cTraceContext = Static<typeof W3cTraceContext>;

export const JSONRPCRequest = Type.Object({
  id: RequestId,
  method: Type.String(),
  params: Type.Optional(Json()),
  trace: Opt(W3cTraceContext),
}, { $id: 'JSONRPCRequest' });
export type JSONRPCRequest = Static<typeof JSONRPCRequest>;

export const JSONRPCResponse = Type.Object({ id: RequestId, result: Json() }, { $id: 'JSONRPCResponse' });
export type JSONRPCResponse = Static<typeof JSONRPCResponse>;

export const JSONRPCMessage = Type.Union([JSONRPCRequest, JSONRPCNotification, JSONRPCResponse, JSONRPCError], {
  $id: 'JSONRPCMessage',
});
export type JSONRPCMessage = Static<typeof JSONRPCMessage>;

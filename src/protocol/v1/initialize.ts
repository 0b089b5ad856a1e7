/**
 * The handshake. Its per-type schema files live under `v1/` in the reference layout.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Opt } from '../schema-kit.ts';

export const ClientInfo = Type.Object({
  name: Type.String(),
  title: Opt(Type.String()),
  version: Type.String(),
}, { $id: 'ClientInfo' });
export type ClientInfo = Static<typeof ClientInfo>;

export const InitializeCapabilities = Type.Object({
  experimentalApi: Type.Optional(Type.Boolean({ default: false })),
  optOutNotificationMethods: Opt(Type.Array(Type.String())),
}, { $id: 'InitializeCapabilities' });
export type InitializeCapabilities = Static<typeof InitializeCapabilities>;

export const InitializeParams = Type.Object({
  clientInfo: ClientInfo,
  capabilities: Opt(InitializeCapabilities),
}, { $id: 'InitializeParams' });
export type InitializeParams = Static<typeof InitializeParams>;

export const InitializeResponse = Type.Object({ userAgent: Type.String() }, { $id: 'InitializeResponse' });
export type InitializeResponse = Static<typeof InitializeResponse>;

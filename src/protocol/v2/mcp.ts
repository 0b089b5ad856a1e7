/**
 * MCP server status, OAuth login and reload.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Dict, Json, Nullable, Opt, StrEnum, i64, u32 } from '../schema-kit.ts';

export const McpServerOauthLoginParams = Type.Object({
  name: Type.String(),
  scopes: Type.Optional(Nullable(Type.Array(Type.String()), { serdeSeqDefault: true })),
  timeoutSecs: Type.Optional(Nullable(i64(), { serdeSeqDefault: true })),
}, { $id: 'McpServerOauthLoginParams' });
export type McpServerOauthLoginParams = Static<typeof McpServerOauthLoginParams>;

export const ListMcpServerStatusParams = Type.Object({
  cursor: Opt(Type.String()),
  limit: Opt(u32()),
}, { $id: 'ListMcpServerStatusParams' });
export type ListMcpServerStatusParams = Static<typeof ListMcpServerStatusParams>;

export const McpServerOauthLoginResponse = Type.Object({
  authorizationUrl: Type.String(),
}, { $id: 'McpServerOauthLoginResponse' });
export type McpServerOauthLoginResponse = Static<typeof McpServerOauthLoginResponse>;

export const McpServerRefreshResponse = Type.Object({}, { $id: 'McpServerRefreshResponse' });
export type McpServerRefreshResponse = Static<typeof McpServerRefreshResponse>;

export const McpAuthStatus = StrEnum(['unsupported', 'notLoggedIn', 'bearerToken', 'oAuth'], { $id: 'McpAuthStatus' });
export type McpAuthStatus = Static<typeof McpAuthStatus>;

export const Tool = Type.Object({
  name: Type.String(),
  title: Opt(Type.String()),
  description: Opt(Type.String()),
  inputSchema: Json(),
  outputSchema: Type.Optional(Json()),
  annotations: Type.Optional(Json()),
  icons: Opt(Type.Array(Json())),
  _meta: Type.Optional(Json()),
}, { $id: 'Tool' });
export type Tool = Static<typeof Tool>;

export const Resource = Type.Object({
  annotations: Type.Optional(Json()),
  description: Opt(Type.String()),
  mimeType: Opt(Type.String()),
  name: Type.String(),
  size: Opt(i64()),
  title: Opt(Type.String()),
  uri: Type.String(),
  icons: Opt(Type.Array(Json())),
  _meta: Type.Optional(Json()),
}, { $id: 'Resource' });
export type Resource = Static<typeof Resource>;

export const ResourceTemplate = Type.Object({
  annotations: Type.Optional(Json()),
  uriTemplate: Type.String(),
  name: Type.String(),
  title: Opt(Type.String()),
  description: Opt(Type.String()),
  mimeType: Opt(Type.String()),
}, { $id: 'ResourceTemplate' });
export type ResourceTemplate = Static<typeof ResourceTemplate>;

export const McpServerStatus = Type.Object({
  name: Type.String(),
  tools: Dict(Tool),
  resources: Type.Array(Resource),
  resourceTemplates: Type.Array(ResourceTemplate),
  authStatus: McpAuthStatus,
}, { $id: 'McpServerStatus' });
export type McpServerStatus = Static<typeof McpServerStatus>;

export const ListMcpServerStatusResponse = Type.Object({
  data: Type.Array(McpServerStatus),
  nextCursor: Opt(Type.String()),
}, { $id: 'ListMcpServerStatusResponse' });
export type ListMcpServerStatusResponse = Static<typeof ListMcpServerStatusResponse>;

export const McpServerOauthLoginCompletedNotification = Type.Object(
  { name: Type.String(), success: Type.Boolean(), error: Opt(Type.String()) },
  { $id: 'McpServerOauthLoginCompletedNotification' },
);
export type McpServerOauthLoginCompletedNotification = Static<typeof McpServerOauthLoginCompletedNotification>;

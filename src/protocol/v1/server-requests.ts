/**
 * The remaining server requests: user-input questions, dynamic tool calls, ChatGPT token refresh.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Dict, Json, OneOf, Opt, StrEnum } from '../schema-kit.ts';
import { DynamicToolCallOutputContentItem } from '../v2/item.ts';

export const ChatgptAuthTokensRefreshReason = OneOf([StrEnum(['unauthorized'])], {
  $id: 'ChatgptAuthTokensRefreshReason',
});
export type ChatgptAuthTokensRefreshReason = Static<typeof ChatgptAuthTokensRefreshReason>;

export const ChatgptAuthTokensRefreshParams = Type.Object({
  reason: ChatgptAuthTokensRefreshReason,
  previousAccountId: Opt(Type.String()),
}, { $id: 'ChatgptAuthTokensRefreshParams' });
export type ChatgptAuthTokensRefreshParams = Static<typeof ChatgptAuthTokensRefreshParams>;

export const DynamicToolCallParams = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  callId: Type.String(),
  tool: Type.String(),
  arguments: Json(),
}, { $id: 'DynamicToolCallParams' });
export type DynamicToolCallParams = Static<typeof DynamicToolCallParams>;

export const ToolRequestUserInputOption = Type.Object({
  label: Type.String(),
  description: Type.String(),
}, { $id: 'ToolRequestUserInputOption' });
export type ToolRequestUserInputOption = Static<typeof ToolRequestUserInputOption>;

export const ToolRequestUserInputQuestion = Type.Object({
  id: Type.String(),
  header: Type.String(),
  question: Type.String(),
  isOther: Type.Optional(Type.Boolean({ default: false })),
  isSecret: Type.Optional(Type.Boolean({ default: false })),
  options: Opt(Type.Array(ToolRequestUserInputOption)),
}, { $id: 'ToolRequestUserInputQuestion' });
export type ToolRequestUserInputQuestion = Static<typeof ToolRequestUserInputQuestion>;

export const ToolRequestUserInputParams = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  itemId: Type.String(),
  questions: Type.Array(ToolRequestUserInputQuestion),
}, { $id: 'ToolRequestUserInputParams' });
export type ToolRequestUserInputParams = Static<typeof ToolRequestUserInputParams>;

export const ToolRequestUserInputAnswer = Type.Object({
  answers: Type.Array(Type.String()),
}, { $id: 'ToolRequestUserInputAnswer' });
export type ToolRequestUserInputAnswer = Static<typeof ToolRequestUserInputAnswer>;

export const ToolRequestUserInputResponse = Type.Object({
  answers: Dict(ToolRequestUserInputAnswer),
}, { $id: 'ToolRequestUserInputResponse' });
export type ToolRequestUserInputResponse = Static<typeof ToolRequestUserInputResponse>;

export const DynamicToolCallResponse = Type.Object({
  contentItems: Type.Array(DynamicToolCallOutputContentItem),
  success: Type.Boolean(),
}, { $id: 'DynamicToolCallResponse' });
export type DynamicToolCallResponse = Static<typeof DynamicToolCallResponse>;

export const ChatgptAuthTokensRefreshResponse = Type.Object({
  accessToken: Type.String(),
  chatgptAccountId: Type.String(),
  chatgptPlanType: Opt(Type.String()),
}, { $id: 'ChatgptAuthTokensRefreshResponse' });
export type ChatgptAuthTokensRefreshResponse = Static<typeof ChatgptAuthTokensRefreshResponse>;

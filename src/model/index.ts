/** The model provider client the engine uses; everything else in src/model is internal. */
export { ModelError, reconnectingError } from './errors.ts';
export type { ModelErrorDetails, ModelErrorKind } from './errors.ts';
export type { ModelEvent, TokenUsage } from './events.ts';
export type { Login } from './provider.ts';
export type { CreditsSnapshot, RateLimitSnapshot, RateLimitWindow } from './rate-limits.ts';
export type { ResponsesRequest, TurnHeaders } from './request.ts';
export { parseResponseItem, toWireItem } from './response-items.ts';
export type {
  ContentItem,
  FunctionCallOutputBody,
  FunctionCallOutputContentItem,
  GhostCommit,
  ImageDetail,
  LocalShellExecAction,
  LocalShellStatus,
  MessagePhase,
  ReasoningContent,
  ReasoningSummary,
  ResponseItem,
  WebSearchAction,
} from './response-items.ts';
export { streamResponses } from './responses-client.ts';
export type { StreamOptions } from './responses-client.ts';

/**
 * Payloads of server notifications that are not owned by a method family above.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Opt, StrEnum, i64 } from '../schema-kit.ts';
import { RequestId } from '../jsonrpc.ts';
import { RateLimitSnapshot } from './account.ts';
import { ThreadItem } from './item.ts';
import { ResponseItem } from './response-item.ts';
import { AuthMode, PlanType, TextRange } from './shared.ts';
import { Thread, ThreadStatus } from './thread.ts';
import { Turn, TurnError } from './turn.ts';

export const ErrorNotification = Type.Object({
  error: TurnError,
  willRetry: Type.Boolean(),
  threadId: Type.String(),
  turnId: Type.String(),
}, { $id: 'ErrorNotification' });
export type ErrorNotification = Static<typeof ErrorNotification>;

export const ThreadStartedNotification = Type.Object({ thread: Thread }, { $id: 'ThreadStartedNotification' });
export type ThreadStartedNotification = Static<typeof ThreadStartedNotification>;

export const ThreadStatusChangedNotification = Type.Object({
  threadId: Type.String(),
  status: ThreadStatus,
}, { $id: 'ThreadStatusChangedNotification' });
export type ThreadStatusChangedNotification = Static<typeof ThreadStatusChangedNotification>;

export const ThreadArchivedNotification = Type.Object({
  threadId: Type.String(),
}, { $id: 'ThreadArchivedNotification' });
export type ThreadArchivedNotification = Static<typeof ThreadArchivedNotification>;

export const ThreadUnarchivedNotification = Type.Object({
  threadId: Type.String(),
}, { $id: 'ThreadUnarchivedNotification' });
export type ThreadUnarchivedNotification = Static<typeof ThreadUnarchivedNotification>;

export const ThreadClosedNotification = Type.Object({ threadId: Type.String() }, { $id: 'ThreadClosedNotification' });
export type ThreadClosedNotification = Static<typeof ThreadClosedNotification>;

export const ThreadNameUpdatedNotification = Type.Object({
  threadId: Type.String(),
  threadName: Opt(Type.String()),
}, { $id: 'ThreadNameUpdatedNotification' });
export type ThreadNameUpdatedNotification = Static<typeof ThreadNameUpdatedNotification>;

export const TokenUsageBreakdown = Type.Object({
  totalTokens: i64(),
  inputTokens: i64(),
  cachedInputTokens: i64(),
  outputTokens: i64(),
  reasoningOutputTokens: i64(),
}, { $id: 'TokenUsageBreakdown' });
export type TokenUsageBreakdown = Static<typeof TokenUsageBreakdown>;

export const ThreadTokenUsage = Type.Object({
  total: TokenUsageBreakdown,
  last: TokenUsageBreakdown,
  modelContextWindow: Opt(i64()),
}, { $id: 'ThreadTokenUsage' });
export type ThreadTokenUsage = Static<typeof ThreadTokenUsage>;

export const ThreadTokenUsageUpdatedNotification = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  tokenUsage: ThreadTokenUsage,
}, { $id: 'ThreadTokenUsageUpdatedNotification' });
export type ThreadTokenUsageUpdatedNotification = Static<typeof ThreadTokenUsageUpdatedNotification>;

export const TurnStartedNotification = Type.Object({
  threadId: Type.String(),
  turn: Turn,
}, { $id: 'TurnStartedNotification' });
export type TurnStartedNotification = Static<typeof TurnStartedNotification>;

export const TurnCompletedNotification = Type.Object({
  threadId: Type.String(),
  turn: Turn,
}, { $id: 'TurnCompletedNotification' });
export type TurnCompletedNotification = Static<typeof TurnCompletedNotification>;

export const TurnDiffUpdatedNotification = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  diff: Type.String(),
}, { $id: 'TurnDiffUpdatedNotification' });
export type TurnDiffUpdatedNotification = Static<typeof TurnDiffUpdatedNotification>;

export const TurnPlanStepStatus = StrEnum(['pending', 'inProgress', 'completed'], { $id: 'TurnPlanStepStatus' });
export type TurnPlanStepStatus = Static<typeof TurnPlanStepStatus>;

export const TurnPlanStep = Type.Object({ step: Type.String(), status: TurnPlanStepStatus }, { $id: 'TurnPlanStep' });
export type TurnPlanStep = Static<typeof TurnPlanStep>;

export const TurnPlanUpdatedNotification = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  explanation: Opt(Type.String()),
  plan: Type.Array(TurnPlanStep),
}, { $id: 'TurnPlanUpdatedNotification' });
export type TurnPlanUpdatedNotification = Static<typeof TurnPlanUpdatedNotification>;

export const ItemStartedNotification = Type.Object({
  item: ThreadItem,
  threadId: Type.String(),
  turnId: Type.String(),
}, { $id: 'ItemStartedNotification' });
export type ItemStartedNotification = Static<typeof ItemStartedNotification>;

export const ItemCompletedNotification = Type.Object({
  item: ThreadItem,
  threadId: Type.String(),
  turnId: Type.String(),
}, { $id: 'ItemCompletedNotification' });
export type ItemCompletedNotification = Static<typeof ItemCompletedNotification>;

export const RawResponseItemCompletedNotification = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  item: ResponseItem,
}, { $id: 'RawResponseItemCompletedNotification' });
export type RawResponseItemCompletedNotification = Static<typeof RawResponseItemCompletedNotification>;

export const AgentMessageDeltaNotification = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  itemId: Type.String(),
  delta: Type.String(),
}, { $id: 'AgentMessageDeltaNotification' });
export type AgentMessageDeltaNotification = Static<typeof AgentMessageDeltaNotification>;

export const PlanDeltaNotification = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  itemId: Type.String(),
  delta: Type.String(),
}, { $id: 'PlanDeltaNotification' });
export type PlanDeltaNotification = Static<typeof PlanDeltaNotification>;

export const CommandExecutionOutputDeltaNotification = Type.Object(
  { threadId: Type.String(), turnId: Type.String(), itemId: Type.String(), delta: Type.String() },
  { $id: 'CommandExecutionOutputDeltaNotification' },
);
export type CommandExecutionOutputDeltaNotification = Static<typeof CommandExecutionOutputDeltaNotification>;

export const TerminalInteractionNotification = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  itemId: Type.String(),
  processId: Type.String(),
  stdin: Type.String(),
}, { $id: 'TerminalInteractionNotification' });
export type TerminalInteractionNotification = Static<typeof TerminalInteractionNotification>;

export const FileChangeOutputDeltaNotification = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  itemId: Type.String(),
  delta: Type.String(),
}, { $id: 'FileChangeOutputDeltaNotification' });
export type FileChangeOutputDeltaNotification = Static<typeof FileChangeOutputDeltaNotification>;

export const ServerRequestResolvedNotification = Type.Object({
  threadId: Type.String(),
  requestId: RequestId,
}, { $id: 'ServerRequestResolvedNotification' });
export type ServerRequestResolvedNotification = Static<typeof ServerRequestResolvedNotification>;

export const McpToolCallProgressNotification = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  itemId: Type.String(),
  message: Type.String(),
}, { $id: 'McpToolCallProgressNotification' });
export type McpToolCallProgressNotification = Static<typeof McpToolCallProgressNotification>;

export const AccountUpdatedNotification = Type.Object({
  authMode: Opt(AuthMode),
  planType: Opt(PlanType),
}, { $id: 'AccountUpdatedNotification' });
export type AccountUpdatedNotification = Static<typeof AccountUpdatedNotification>;

export const AccountRateLimitsUpdatedNotification = Type.Object({
  rateLimits: RateLimitSnapshot,
}, { $id: 'AccountRateLimitsUpdatedNotification' });
export type AccountRateLimitsUpdatedNotification = Static<typeof AccountRateLimitsUpdatedNotification>;

export const ReasoningSummaryTextDeltaNotification = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  itemId: Type.String(),
  delta: Type.String(),
  summaryIndex: i64(),
}, { $id: 'ReasoningSummaryTextDeltaNotification' });
export type ReasoningSummaryTextDeltaNotification = Static<typeof ReasoningSummaryTextDeltaNotification>;

export const ReasoningSummaryPartAddedNotification = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  itemId: Type.String(),
  summaryIndex: i64(),
}, { $id: 'ReasoningSummaryPartAddedNotification' });
export type ReasoningSummaryPartAddedNotification = Static<typeof ReasoningSummaryPartAddedNotification>;

export const ReasoningTextDeltaNotification = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  itemId: Type.String(),
  delta: Type.String(),
  contentIndex: i64(),
}, { $id: 'ReasoningTextDeltaNotification' });
export type ReasoningTextDeltaNotification = Static<typeof ReasoningTextDeltaNotification>;

export const ContextCompactedNotification = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
}, { $id: 'ContextCompactedNotification' });
export type ContextCompactedNotification = Static<typeof ContextCompactedNotification>;

export const DeprecationNoticeNotification = Type.Object({
  summary: Type.String(),
  details: Opt(Type.String()),
}, { $id: 'DeprecationNoticeNotification' });
export type DeprecationNoticeNotification = Static<typeof DeprecationNoticeNotification>;

export const ConfigWarningNotification = Type.Object({
  summary: Type.String(),
  details: Opt(Type.String()),
  path: Opt(Type.String()),
  range: Opt(TextRange),
}, { $id: 'ConfigWarningNotification' });
export type ConfigWarningNotification = Static<typeof ConfigWarningNotification>;

export const AccountLoginCompletedNotification = Type.Object({
  loginId: Opt(Type.String()),
  success: Type.Boolean(),
  error: Opt(Type.String()),
}, { $id: 'AccountLoginCompletedNotification' });
export type AccountLoginCompletedNotification = Static<typeof AccountLoginCompletedNotification>;

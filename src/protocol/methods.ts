/**
 * The method tables: every method of the protocol with its payload schemas, in the order of the
 * reference's `ClientRequest` / `ServerNotification` / `ServerRequest` / `ClientNotification` unions.
 * The order is part of the contract (the unknown-method error lists client methods in it), and the
 * emitters build those union definitions from these tables.
 */
import { Kind, type TSchema } from '@sinclair/typebox';
import {
  ApplyPatchApprovalParams,
  ApplyPatchApprovalResponse,
  CommandExecutionRequestApprovalParams,
  CommandExecutionRequestApprovalResponse,
  ExecCommandApprovalParams,
  ExecCommandApprovalResponse,
  FileChangeRequestApprovalParams,
  FileChangeRequestApprovalResponse,
  PermissionsRequestApprovalParams,
  PermissionsRequestApprovalResponse,
} from './v1/approvals.ts';
import {
  FuzzyFileSearchParams,
  FuzzyFileSearchResponse,
  FuzzyFileSearchSessionCompletedNotification,
  FuzzyFileSearchSessionStartParams,
  FuzzyFileSearchSessionStartResponse,
  FuzzyFileSearchSessionStopParams,
  FuzzyFileSearchSessionStopResponse,
  FuzzyFileSearchSessionUpdateParams,
  FuzzyFileSearchSessionUpdateResponse,
  FuzzyFileSearchSessionUpdatedNotification,
} from './v1/fuzzy-file-search.ts';
import { InitializeParams, InitializeResponse } from './v1/initialize.ts';
import {
  GetAuthStatusParams,
  GetAuthStatusResponse,
  GetConversationSummaryParams,
  GetConversationSummaryResponse,
  GitDiffToRemoteParams,
  GitDiffToRemoteResponse,
} from './v1/legacy.ts';
import { McpServerElicitationRequestParams, McpServerElicitationRequestResponse } from './v1/mcp-elicitation.ts';
import {
  ChatgptAuthTokensRefreshParams,
  ChatgptAuthTokensRefreshResponse,
  DynamicToolCallParams,
  DynamicToolCallResponse,
  ToolRequestUserInputParams,
  ToolRequestUserInputResponse,
} from './v1/server-requests.ts';
import {
  CancelLoginAccountParams,
  CancelLoginAccountResponse,
  FeedbackUploadParams,
  FeedbackUploadResponse,
  GetAccountParams,
  GetAccountRateLimitsResponse,
  GetAccountResponse,
  LoginAccountParams,
  LoginAccountResponse,
  LogoutAccountResponse,
} from './v2/account.ts';
import {
  AppListUpdatedNotification,
  AppsListParams,
  AppsListResponse,
  PluginInstallParams,
  PluginInstallResponse,
  PluginListParams,
  PluginListResponse,
  PluginUninstallParams,
  PluginUninstallResponse,
} from './v2/apps.ts';
import {
  CommandExecOutputDeltaNotification,
  CommandExecParams,
  CommandExecResizeParams,
  CommandExecResizeResponse,
  CommandExecResponse,
  CommandExecTerminateParams,
  CommandExecTerminateResponse,
  CommandExecWriteParams,
  CommandExecWriteResponse,
} from './v2/command-exec.ts';
import {
  ConfigBatchWriteParams,
  ConfigReadParams,
  ConfigReadResponse,
  ConfigRequirementsReadResponse,
  ConfigValueWriteParams,
  ConfigWriteResponse,
  ExternalAgentConfigDetectParams,
  ExternalAgentConfigDetectResponse,
  ExternalAgentConfigImportParams,
  ExternalAgentConfigImportResponse,
} from './v2/config.ts';
import {
  ListMcpServerStatusParams,
  ListMcpServerStatusResponse,
  McpServerOauthLoginCompletedNotification,
  McpServerOauthLoginParams,
  McpServerOauthLoginResponse,
  McpServerRefreshResponse,
} from './v2/mcp.ts';
import {
  CollaborationModeListParams,
  CollaborationModeListResponse,
  ExperimentalFeatureListParams,
  ExperimentalFeatureListResponse,
  MockExperimentalMethodParams,
  MockExperimentalMethodResponse,
  ModelListParams,
  ModelListResponse,
  ModelReroutedNotification,
} from './v2/model.ts';
import {
  AccountLoginCompletedNotification,
  AccountRateLimitsUpdatedNotification,
  AccountUpdatedNotification,
  AgentMessageDeltaNotification,
  CommandExecutionOutputDeltaNotification,
  ConfigWarningNotification,
  ContextCompactedNotification,
  DeprecationNoticeNotification,
  ErrorNotification,
  FileChangeOutputDeltaNotification,
  ItemCompletedNotification,
  ItemStartedNotification,
  McpToolCallProgressNotification,
  PlanDeltaNotification,
  RawResponseItemCompletedNotification,
  ReasoningSummaryPartAddedNotification,
  ReasoningSummaryTextDeltaNotification,
  ReasoningTextDeltaNotification,
  ServerRequestResolvedNotification,
  TerminalInteractionNotification,
  ThreadArchivedNotification,
  ThreadClosedNotification,
  ThreadNameUpdatedNotification,
  ThreadStartedNotification,
  ThreadStatusChangedNotification,
  ThreadTokenUsageUpdatedNotification,
  ThreadUnarchivedNotification,
  TurnCompletedNotification,
  TurnDiffUpdatedNotification,
  TurnPlanUpdatedNotification,
  TurnStartedNotification,
} from './v2/notifications.ts';
import {
  ThreadRealtimeAppendAudioParams,
  ThreadRealtimeAppendAudioResponse,
  ThreadRealtimeAppendTextParams,
  ThreadRealtimeAppendTextResponse,
  ThreadRealtimeClosedNotification,
  ThreadRealtimeErrorNotification,
  ThreadRealtimeItemAddedNotification,
  ThreadRealtimeOutputAudioDeltaNotification,
  ThreadRealtimeStartParams,
  ThreadRealtimeStartResponse,
  ThreadRealtimeStartedNotification,
  ThreadRealtimeStopParams,
  ThreadRealtimeStopResponse,
} from './v2/realtime.ts';
import { ReviewStartParams, ReviewStartResponse } from './v2/review.ts';
import {
  SkillsChangedNotification,
  SkillsConfigWriteParams,
  SkillsConfigWriteResponse,
  SkillsListParams,
  SkillsListResponse,
  SkillsRemoteReadParams,
  SkillsRemoteReadResponse,
  SkillsRemoteWriteParams,
  SkillsRemoteWriteResponse,
} from './v2/skills.ts';
import {
  ThreadArchiveParams,
  ThreadArchiveResponse,
  ThreadBackgroundTerminalsCleanParams,
  ThreadBackgroundTerminalsCleanResponse,
  ThreadCompactStartParams,
  ThreadCompactStartResponse,
  ThreadForkParams,
  ThreadForkResponse,
  ThreadListParams,
  ThreadListResponse,
  ThreadLoadedListParams,
  ThreadLoadedListResponse,
  ThreadMetadataUpdateParams,
  ThreadMetadataUpdateResponse,
  ThreadReadParams,
  ThreadReadResponse,
  ThreadResumeParams,
  ThreadResumeResponse,
  ThreadRollbackParams,
  ThreadRollbackResponse,
  ThreadSetNameParams,
  ThreadSetNameResponse,
  ThreadStartParams,
  ThreadStartResponse,
  ThreadUnarchiveParams,
  ThreadUnarchiveResponse,
  ThreadUnsubscribeParams,
  ThreadUnsubscribeResponse,
} from './v2/thread-methods.ts';
import {
  TurnInterruptParams,
  TurnInterruptResponse,
  TurnStartParams,
  TurnStartResponse,
  TurnSteerParams,
  TurnSteerResponse,
} from './v2/turn.ts';
import {
  WindowsSandboxSetupCompletedNotification,
  WindowsSandboxSetupStartParams,
  WindowsSandboxSetupStartResponse,
  WindowsWorldWritableWarningNotification,
} from './v2/windows-sandbox.ts';

export interface ClientRequestSpec {
  readonly method: string;
  /** `null`: the method is declared without params (serde unit), e.g. `account/logout`. */
  readonly params: TSchema | null;
  readonly result: TSchema;
  /** The whole method needs the `experimentalApi` capability. */
  readonly experimental?: boolean;
  /** Served, but absent from the reference's schema unions (legacy v1 methods). */
  readonly omitFromSchema?: boolean;
}

export interface NotificationSpec {
  readonly method: string;
  /** `null`: the notification carries no params. */
  readonly params: TSchema | null;
  /** Sent, but absent from the reference's schema union (`rawResponseItem/completed`). */
  readonly omitFromSchema?: boolean;
}

export interface ServerRequestSpec {
  readonly method: string;
  readonly params: TSchema;
  readonly result: TSchema;
}

export const CLIENT_REQUESTS: readonly ClientRequestSpec[] = [
  { method: 'initialize', params: InitializeParams, result: InitializeResponse },
  { method: 'thread/start', params: ThreadStartParams, result: ThreadStartResponse },
  { method: 'thread/resume', params: ThreadResumeParams, result: ThreadResumeResponse },
  { method: 'thread/fork', params: ThreadForkParams, result: ThreadForkResponse },
  { method: 'thread/archive', params: ThreadArchiveParams, result: ThreadArchiveResponse },
  { method: 'thread/unsubscribe', params: ThreadUnsubscribeParams, result: ThreadUnsubscribeResponse },
  { method: 'thread/name/set', params: ThreadSetNameParams, result: ThreadSetNameResponse },
  { method: 'thread/metadata/update', params: ThreadMetadataUpdateParams, result: ThreadMetadataUpdateResponse },
  { method: 'thread/unarchive', params: ThreadUnarchiveParams, result: ThreadUnarchiveResponse },
  { method: 'thread/compact/start', params: ThreadCompactStartParams, result: ThreadCompactStartResponse },
  { method: 'thread/backgroundTerminals/clean', params: ThreadBackgroundTerminalsCleanParams, result: ThreadBackgroundTerminalsCleanResponse, experimental: true },
  { method: 'thread/rollback', params: ThreadRollbackParams, result: ThreadRollbackResponse },
  { method: 'thread/list', params: ThreadListParams, result: ThreadListResponse },
  { method: 'thread/loaded/list', params: ThreadLoadedListParams, result: ThreadLoadedListResponse },
  { method: 'thread/read', params: ThreadReadParams, result: ThreadReadResponse },
  { method: 'skills/list', params: SkillsListParams, result: SkillsListResponse },
  { method: 'plugin/list', params: PluginListParams, result: PluginListResponse },
  { method: 'skills/remote/list', params: SkillsRemoteReadParams, result: SkillsRemoteReadResponse },
  { method: 'skills/remote/export', params: SkillsRemoteWriteParams, result: SkillsRemoteWriteResponse },
  { method: 'app/list', params: AppsListParams, result: AppsListResponse },
  { method: 'skills/config/write', params: SkillsConfigWriteParams, result: SkillsConfigWriteResponse },
  { method: 'plugin/install', params: PluginInstallParams, result: PluginInstallResponse },
  { method: 'plugin/uninstall', params: PluginUninstallParams, result: PluginUninstallResponse },
  { method: 'turn/start', params: TurnStartParams, result: TurnStartResponse },
  { method: 'turn/steer', params: TurnSteerParams, result: TurnSteerResponse },
  { method: 'turn/interrupt', params: TurnInterruptParams, result: TurnInterruptResponse },
  { method: 'thread/realtime/start', params: ThreadRealtimeStartParams, result: ThreadRealtimeStartResponse, experimental: true },
  { method: 'thread/realtime/appendAudio', params: ThreadRealtimeAppendAudioParams, result: ThreadRealtimeAppendAudioResponse, experimental: true },
  { method: 'thread/realtime/appendText', params: ThreadRealtimeAppendTextParams, result: ThreadRealtimeAppendTextResponse, experimental: true },
  { method: 'thread/realtime/stop', params: ThreadRealtimeStopParams, result: ThreadRealtimeStopResponse, experimental: true },
  { method: 'review/start', params: ReviewStartParams, result: ReviewStartResponse },
  { method: 'model/list', params: ModelListParams, result: ModelListResponse },
  { method: 'experimentalFeature/list', params: ExperimentalFeatureListParams, result: ExperimentalFeatureListResponse },
  { method: 'collaborationMode/list', params: CollaborationModeListParams, result: CollaborationModeListResponse, experimental: true },
  { method: 'mock/experimentalMethod', params: MockExperimentalMethodParams, result: MockExperimentalMethodResponse, experimental: true },
  { method: 'mcpServer/oauth/login', params: McpServerOauthLoginParams, result: McpServerOauthLoginResponse },
  { method: 'config/mcpServer/reload', params: null, result: McpServerRefreshResponse },
  { method: 'mcpServerStatus/list', params: ListMcpServerStatusParams, result: ListMcpServerStatusResponse },
  { method: 'windowsSandbox/setupStart', params: WindowsSandboxSetupStartParams, result: WindowsSandboxSetupStartResponse },
  { method: 'account/login/start', params: LoginAccountParams, result: LoginAccountResponse },
  { method: 'account/login/cancel', params: CancelLoginAccountParams, result: CancelLoginAccountResponse },
  { method: 'account/logout', params: null, result: LogoutAccountResponse },
  { method: 'account/rateLimits/read', params: null, result: GetAccountRateLimitsResponse },
  { method: 'feedback/upload', params: FeedbackUploadParams, result: FeedbackUploadResponse },
  { method: 'command/exec', params: CommandExecParams, result: CommandExecResponse },
  { method: 'command/exec/write', params: CommandExecWriteParams, result: CommandExecWriteResponse },
  { method: 'command/exec/terminate', params: CommandExecTerminateParams, result: CommandExecTerminateResponse },
  { method: 'command/exec/resize', params: CommandExecResizeParams, result: CommandExecResizeResponse },
  { method: 'config/read', params: ConfigReadParams, result: ConfigReadResponse },
  { method: 'externalAgentConfig/detect', params: ExternalAgentConfigDetectParams, result: ExternalAgentConfigDetectResponse },
  { method: 'externalAgentConfig/import', params: ExternalAgentConfigImportParams, result: ExternalAgentConfigImportResponse },
  { method: 'config/value/write', params: ConfigValueWriteParams, result: ConfigWriteResponse },
  { method: 'config/batchWrite', params: ConfigBatchWriteParams, result: ConfigWriteResponse },
  { method: 'configRequirements/read', params: null, result: ConfigRequirementsReadResponse },
  { method: 'account/read', params: GetAccountParams, result: GetAccountResponse },
  { method: 'getConversationSummary', params: GetConversationSummaryParams, result: GetConversationSummaryResponse, omitFromSchema: true },
  { method: 'gitDiffToRemote', params: GitDiffToRemoteParams, result: GitDiffToRemoteResponse, omitFromSchema: true },
  { method: 'getAuthStatus', params: GetAuthStatusParams, result: GetAuthStatusResponse, omitFromSchema: true },
  { method: 'fuzzyFileSearch', params: FuzzyFileSearchParams, result: FuzzyFileSearchResponse },
  { method: 'fuzzyFileSearch/sessionStart', params: FuzzyFileSearchSessionStartParams, result: FuzzyFileSearchSessionStartResponse, experimental: true },
  { method: 'fuzzyFileSearch/sessionUpdate', params: FuzzyFileSearchSessionUpdateParams, result: FuzzyFileSearchSessionUpdateResponse, experimental: true },
  { method: 'fuzzyFileSearch/sessionStop', params: FuzzyFileSearchSessionStopParams, result: FuzzyFileSearchSessionStopResponse, experimental: true },
];

export const SERVER_NOTIFICATIONS: readonly NotificationSpec[] = [
  { method: 'error', params: ErrorNotification },
  { method: 'thread/started', params: ThreadStartedNotification },
  { method: 'thread/status/changed', params: ThreadStatusChangedNotification },
  { method: 'thread/archived', params: ThreadArchivedNotification },
  { method: 'thread/unarchived', params: ThreadUnarchivedNotification },
  { method: 'thread/closed', params: ThreadClosedNotification },
  { method: 'skills/changed', params: SkillsChangedNotification },
  { method: 'thread/name/updated', params: ThreadNameUpdatedNotification },
  { method: 'thread/tokenUsage/updated', params: ThreadTokenUsageUpdatedNotification },
  { method: 'turn/started', params: TurnStartedNotification },
  { method: 'turn/completed', params: TurnCompletedNotification },
  { method: 'turn/diff/updated', params: TurnDiffUpdatedNotification },
  { method: 'turn/plan/updated', params: TurnPlanUpdatedNotification },
  { method: 'item/started', params: ItemStartedNotification },
  { method: 'item/completed', params: ItemCompletedNotification },
  { method: 'rawResponseItem/completed', params: RawResponseItemCompletedNotification, omitFromSchema: true },
  { method: 'item/agentMessage/delta', params: AgentMessageDeltaNotification },
  { method: 'item/plan/delta', params: PlanDeltaNotification },
  { method: 'command/exec/outputDelta', params: CommandExecOutputDeltaNotification },
  { method: 'item/commandExecution/outputDelta', params: CommandExecutionOutputDeltaNotification },
  { method: 'item/commandExecution/terminalInteraction', params: TerminalInteractionNotification },
  { method: 'item/fileChange/outputDelta', params: FileChangeOutputDeltaNotification },
  { method: 'serverRequest/resolved', params: ServerRequestResolvedNotification },
  { method: 'item/mcpToolCall/progress', params: McpToolCallProgressNotification },
  { method: 'mcpServer/oauthLogin/completed', params: McpServerOauthLoginCompletedNotification },
  { method: 'account/updated', params: AccountUpdatedNotification },
  { method: 'account/rateLimits/updated', params: AccountRateLimitsUpdatedNotification },
  { method: 'app/list/updated', params: AppListUpdatedNotification },
  { method: 'item/reasoning/summaryTextDelta', params: ReasoningSummaryTextDeltaNotification },
  { method: 'item/reasoning/summaryPartAdded', params: ReasoningSummaryPartAddedNotification },
  { method: 'item/reasoning/textDelta', params: ReasoningTextDeltaNotification },
  { method: 'thread/compacted', params: ContextCompactedNotification },
  { method: 'model/rerouted', params: ModelReroutedNotification },
  { method: 'deprecationNotice', params: DeprecationNoticeNotification },
  { method: 'configWarning', params: ConfigWarningNotification },
  { method: 'fuzzyFileSearch/sessionUpdated', params: FuzzyFileSearchSessionUpdatedNotification },
  { method: 'fuzzyFileSearch/sessionCompleted', params: FuzzyFileSearchSessionCompletedNotification },
  { method: 'thread/realtime/started', params: ThreadRealtimeStartedNotification },
  { method: 'thread/realtime/itemAdded', params: ThreadRealtimeItemAddedNotification },
  { method: 'thread/realtime/outputAudio/delta', params: ThreadRealtimeOutputAudioDeltaNotification },
  { method: 'thread/realtime/error', params: ThreadRealtimeErrorNotification },
  { method: 'thread/realtime/closed', params: ThreadRealtimeClosedNotification },
  { method: 'windows/worldWritableWarning', params: WindowsWorldWritableWarningNotification },
  { method: 'windowsSandbox/setupCompleted', params: WindowsSandboxSetupCompletedNotification },
  { method: 'account/login/completed', params: AccountLoginCompletedNotification },
];

export const SERVER_REQUESTS: readonly ServerRequestSpec[] = [
  { method: 'item/commandExecution/requestApproval', params: CommandExecutionRequestApprovalParams, result: CommandExecutionRequestApprovalResponse },
  { method: 'item/fileChange/requestApproval', params: FileChangeRequestApprovalParams, result: FileChangeRequestApprovalResponse },
  { method: 'item/tool/requestUserInput', params: ToolRequestUserInputParams, result: ToolRequestUserInputResponse },
  { method: 'mcpServer/elicitation/request', params: McpServerElicitationRequestParams, result: McpServerElicitationRequestResponse },
  { method: 'item/permissions/requestApproval', params: PermissionsRequestApprovalParams, result: PermissionsRequestApprovalResponse },
  { method: 'item/tool/call', params: DynamicToolCallParams, result: DynamicToolCallResponse },
  { method: 'account/chatgptAuthTokens/refresh', params: ChatgptAuthTokensRefreshParams, result: ChatgptAuthTokensRefreshResponse },
  { method: 'applyPatchApproval', params: ApplyPatchApprovalParams, result: ApplyPatchApprovalResponse },
  { method: 'execCommandApproval', params: ExecCommandApprovalParams, result: ExecCommandApprovalResponse },
];

export const CLIENT_NOTIFICATIONS: readonly NotificationSpec[] = [
  { method: 'initialized', params: null },
];

/**
 * The descriptor of the first experimental field (or enum variant) that `params` actually uses, or
 * null. Like the reference, a field counts only when it carries content: absent, `null`, `false`,
 * an empty list and an empty map all pass the gate. Fields are checked in declaration order.
 */
export function experimentalFieldUse(spec: ClientRequestSpec, params: Record<string, unknown>): string | null {
  return spec.params ? experimentalUse(spec.params, params) : null;
}

function experimentalUse(schema: TSchema, value: Record<string, unknown>): string | null {
  if (schema.anyOf) {
    const variant = (schema.anyOf as TSchema[]).find((v) => selects(v, value));
    return variant ? (variant.experimental ?? experimentalUse(variant, value)) : null;
  }
  for (const [name, field] of Object.entries((schema.properties ?? {}) as Record<string, TSchema>)) {
    if (typeof field.experimental === 'string' && carriesContent(field, value[name])) return field.experimental;
  }
  return null;
}

/** Whether `value` picks this variant of a tagged union: its tag field holds the variant's name. */
function selects(variant: TSchema, value: Record<string, unknown>): boolean {
  for (const [name, field] of Object.entries((variant.properties ?? {}) as Record<string, TSchema>)) {
    const names = field.enum as unknown[] | undefined;
    if (names?.length === 1 && variant.required?.includes(name)) return value[name] === names[0];
  }
  return false;
}

function carriesContent(schema: TSchema, value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && isMap(schema)) return Object.keys(value).length > 0;
  return true;
}

function isMap(schema: TSchema): boolean {
  if (schema[Kind] === 'Record') return true;
  return ((schema.anyOf ?? []) as TSchema[]).some((s) => s[Kind] === 'Record');
}

/**
 * Core types shared with the legacy event stream (`EventMsg`): token usage, MCP startup, reviews,
 * realtime events, collaboration agents. Keys are snake_case as core writes them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Default, Json, Nullable, OneOf, Opt, StrEnum, Tagged, f32, i32, i64, u16, u32, u64 } from '../schema-kit.ts';
import { UserInput } from '../v2/item.ts';
import { ResponsesApiWebSearchAction } from '../v2/response-item.ts';
import { AbsolutePathBuf, MessagePhase, ThreadId } from '../v2/shared.ts';
import { MacOsAutomationPermission, MacOsPreferencesPermission } from './approvals.ts';

export const AgentMessageContent = Tagged('type', { Text: { text: Type.String() } }, { $id: 'AgentMessageContent' });
export type AgentMessageContent = Static<typeof AgentMessageContent>;

export const AgentStatus = OneOf([
  StrEnum(['pending_init']),
  StrEnum(['running']),
  Type.Object({ completed: Nullable(Type.String()) }, { additionalProperties: false }),
  Type.Object({ errored: Type.String() }, { additionalProperties: false }),
  StrEnum(['shutdown']),
  StrEnum(['not_found']),
], { $id: 'AgentStatus' });
export type AgentStatus = Static<typeof AgentStatus>;

export const CallToolResult = Type.Object({
  content: Type.Array(Json()),
  structuredContent: Type.Optional(Json()),
  isError: Opt(Type.Boolean()),
  _meta: Type.Optional(Json()),
}, { $id: 'CallToolResult' });
export type CallToolResult = Static<typeof CallToolResult>;

export const CollabAgentRef = Type.Object({
  thread_id: ThreadId,
  agent_nickname: Opt(Type.String()),
  agent_role: Opt(Type.String()),
}, { $id: 'CollabAgentRef' });
export type CollabAgentRef = Static<typeof CollabAgentRef>;

export const CollabAgentStatusEntry = Type.Object({
  thread_id: ThreadId,
  agent_nickname: Opt(Type.String()),
  agent_role: Opt(Type.String()),
  status: AgentStatus,
}, { $id: 'CollabAgentStatusEntry' });
export type CollabAgentStatusEntry = Static<typeof CollabAgentStatusEntry>;

export const CustomPrompt = Type.Object({
  name: Type.String(),
  path: Type.String(),
  content: Type.String(),
  description: Opt(Type.String()),
  argument_hint: Opt(Type.String()),
}, { $id: 'CustomPrompt' });
export type CustomPrompt = Static<typeof CustomPrompt>;

export const Duration = Type.Object({ nanos: u32(), secs: u64() }, { $id: 'Duration' });
export type Duration = Static<typeof Duration>;

export const ElicitationRequest = Tagged(
  'mode',
  {
    form: { _meta: Type.Optional(Json()), message: Type.String(), requested_schema: Json() },
    url: { _meta: Type.Optional(Json()), message: Type.String(), url: Type.String(), elicitation_id: Type.String() },
  },
  { $id: 'ElicitationRequest' },
);
export type ElicitationRequest = Static<typeof ElicitationRequest>;

export const ExecApprovalRequestSkillMetadata = Type.Object({
  path_to_skills_md: Type.String(),
}, { $id: 'ExecApprovalRequestSkillMetadata' });
export type ExecApprovalRequestSkillMetadata = Static<typeof ExecApprovalRequestSkillMetadata>;

export const ExecCommandSource = StrEnum(['agent', 'user_shell', 'unified_exec_startup', 'unified_exec_interaction'], {
  $id: 'ExecCommandSource',
});
export type ExecCommandSource = Static<typeof ExecCommandSource>;

export const ExecCommandStatus = StrEnum(['completed', 'failed', 'declined'], { $id: 'ExecCommandStatus' });
export type ExecCommandStatus = Static<typeof ExecCommandStatus>;

export const ExecOutputStream = StrEnum(['stdout', 'stderr'], { $id: 'ExecOutputStream' });
export type ExecOutputStream = Static<typeof ExecOutputStream>;

export const FileSystemPermissions = Type.Object({
  read: Opt(Type.Array(AbsolutePathBuf)),
  write: Opt(Type.Array(AbsolutePathBuf)),
}, { $id: 'FileSystemPermissions' });
export type FileSystemPermissions = Static<typeof FileSystemPermissions>;

export const HistoryEntry = Type.Object({
  conversation_id: Type.String(),
  ts: u64(),
  text: Type.String(),
}, { $id: 'HistoryEntry' });
export type HistoryEntry = Static<typeof HistoryEntry>;

export const MacOsSeatbeltProfileExtensions = Type.Object({
  macos_preferences: Type.Optional(Default(MacOsPreferencesPermission, 'read_only')),
  macos_automation: Type.Optional(Default(MacOsAutomationPermission, 'none')),
  macos_accessibility: Type.Optional(Type.Boolean({ default: false })),
  macos_calendar: Type.Optional(Type.Boolean({ default: false })),
}, { $id: 'MacOsSeatbeltProfileExtensions' });
export type MacOsSeatbeltProfileExtensions = Static<typeof MacOsSeatbeltProfileExtensions>;

export const McpInvocation = Type.Object({
  server: Type.String(),
  tool: Type.String(),
  arguments: Type.Optional(Json('{}')),
}, { $id: 'McpInvocation' });
export type McpInvocation = Static<typeof McpInvocation>;

export const McpStartupFailure = Type.Object({
  server: Type.String(),
  error: Type.String(),
}, { $id: 'McpStartupFailure' });
export type McpStartupFailure = Static<typeof McpStartupFailure>;

export const McpStartupStatus = Tagged(
  'state',
  { starting: {}, ready: {}, failed: { error: Type.String() }, cancelled: {} },
  { $id: 'McpStartupStatus' },
);
export type McpStartupStatus = Static<typeof McpStartupStatus>;

export const NetworkPermissions = Type.Object({ enabled: Opt(Type.Boolean()) }, { $id: 'NetworkPermissions' });
export type NetworkPermissions = Static<typeof NetworkPermissions>;

export const PermissionProfile = Type.Object({
  network: Opt(NetworkPermissions),
  file_system: Opt(FileSystemPermissions),
  macos: Opt(MacOsSeatbeltProfileExtensions),
}, { $id: 'PermissionProfile' });
export type PermissionProfile = Static<typeof PermissionProfile>;

export const StepStatus = StrEnum(['pending', 'in_progress', 'completed'], { $id: 'StepStatus' });
export type StepStatus = Static<typeof StepStatus>;

export const PlanItemArg = Type.Object(
  { step: Type.String(), status: StepStatus },
  { $id: 'PlanItemArg', additionalProperties: false },
);
export type PlanItemArg = Static<typeof PlanItemArg>;

export const RealtimeAudioFrame = Type.Object({
  data: Type.String(),
  sample_rate: u32(),
  num_channels: u16(),
  samples_per_channel: Opt(u32()),
}, { $id: 'RealtimeAudioFrame' });
export type RealtimeAudioFrame = Static<typeof RealtimeAudioFrame>;

export const RealtimeHandoffMessage = Type.Object({
  role: Type.String(),
  text: Type.String(),
}, { $id: 'RealtimeHandoffMessage' });
export type RealtimeHandoffMessage = Static<typeof RealtimeHandoffMessage>;

export const RealtimeHandoffRequested = Type.Object({
  handoff_id: Type.String(),
  item_id: Type.String(),
  input_transcript: Type.String(),
  messages: Type.Array(RealtimeHandoffMessage),
}, { $id: 'RealtimeHandoffRequested' });
export type RealtimeHandoffRequested = Static<typeof RealtimeHandoffRequested>;

export const RealtimeEvent = OneOf([
  Type.Object({
    SessionUpdated: Type.Object({ session_id: Type.String(), instructions: Opt(Type.String()) }),
  }, { additionalProperties: false }),
  Type.Object({ AudioOut: RealtimeAudioFrame }, { additionalProperties: false }),
  Type.Object({ ConversationItemAdded: Json() }, { additionalProperties: false }),
  Type.Object({ ConversationItemDone: Type.Object({ item_id: Type.String() }) }, { additionalProperties: false }),
  Type.Object({ HandoffRequested: RealtimeHandoffRequested }, { additionalProperties: false }),
  Type.Object({ Error: Type.String() }, { additionalProperties: false }),
], { $id: 'RealtimeEvent' });
export type RealtimeEvent = Static<typeof RealtimeEvent>;

export const RejectConfig = Type.Object({
  sandbox_approval: Type.Boolean(),
  rules: Type.Boolean(),
  mcp_elicitations: Type.Boolean(),
}, { $id: 'RejectConfig' });
export type RejectConfig = Static<typeof RejectConfig>;

export const RequestUserInputQuestionOption = Type.Object({
  label: Type.String(),
  description: Type.String(),
}, { $id: 'RequestUserInputQuestionOption' });
export type RequestUserInputQuestionOption = Static<typeof RequestUserInputQuestionOption>;

export const RequestUserInputQuestion = Type.Object({
  id: Type.String(),
  header: Type.String(),
  question: Type.String(),
  isOther: Type.Optional(Type.Boolean({ default: false })),
  isSecret: Type.Optional(Type.Boolean({ default: false })),
  options: Opt(Type.Array(RequestUserInputQuestionOption)),
}, { $id: 'RequestUserInputQuestion' });
export type RequestUserInputQuestion = Static<typeof RequestUserInputQuestion>;

export const Result_of_CallToolResult_or_String = OneOf([
  Type.Object({ Ok: CallToolResult }),
  Type.Object({ Err: Type.String() }),
], { $id: 'Result_of_CallToolResult_or_String' });
export type Result_of_CallToolResult_or_String = Static<typeof Result_of_CallToolResult_or_String>;

export const ReviewLineRange = Type.Object({ start: u32(), end: u32() }, { $id: 'ReviewLineRange' });
export type ReviewLineRange = Static<typeof ReviewLineRange>;

export const ReviewCodeLocation = Type.Object({
  absolute_file_path: Type.String(),
  line_range: ReviewLineRange,
}, { $id: 'ReviewCodeLocation' });
export type ReviewCodeLocation = Static<typeof ReviewCodeLocation>;

export const ReviewFinding = Type.Object({
  title: Type.String(),
  body: Type.String(),
  confidence_score: f32(),
  priority: i32(),
  code_location: ReviewCodeLocation,
}, { $id: 'ReviewFinding' });
export type ReviewFinding = Static<typeof ReviewFinding>;

export const ReviewOutputEvent = Type.Object({
  findings: Type.Array(ReviewFinding),
  overall_correctness: Type.String(),
  overall_explanation: Type.String(),
  overall_confidence_score: f32(),
}, { $id: 'ReviewOutputEvent' });
export type ReviewOutputEvent = Static<typeof ReviewOutputEvent>;

export const SessionNetworkProxyRuntime = Type.Object({
  http_addr: Type.String(),
  socks_addr: Type.String(),
}, { $id: 'SessionNetworkProxyRuntime' });
export type SessionNetworkProxyRuntime = Static<typeof SessionNetworkProxyRuntime>;

export const TokenUsage = Type.Object({
  input_tokens: i64(),
  cached_input_tokens: i64(),
  output_tokens: i64(),
  reasoning_output_tokens: i64(),
  total_tokens: i64(),
}, { $id: 'TokenUsage' });
export type TokenUsage = Static<typeof TokenUsage>;

export const TokenUsageInfo = Type.Object({
  total_token_usage: TokenUsage,
  last_token_usage: TokenUsage,
  model_context_window: Opt(i64()),
}, { $id: 'TokenUsageInfo' });
export type TokenUsageInfo = Static<typeof TokenUsageInfo>;

export const TurnAbortReason = StrEnum(['interrupted', 'replaced', 'review_ended'], { $id: 'TurnAbortReason' });
export type TurnAbortReason = Static<typeof TurnAbortReason>;

export const TurnItem = Tagged(
  'type',
  {
    UserMessage: { id: Type.String(), content: Type.Array(UserInput) },
    AgentMessage: { id: Type.String(), content: Type.Array(AgentMessageContent), phase: Opt(MessagePhase) },
    Plan: { id: Type.String(), text: Type.String() },
    Reasoning: {
      id: Type.String(),
      summary_text: Type.Array(Type.String()),
      raw_content: Type.Optional(Type.Array(Type.String(), { default: [] })),
    },
    WebSearch: { id: Type.String(), query: Type.String(), action: ResponsesApiWebSearchAction },
    ImageGeneration: {
      id: Type.String(),
      status: Type.String(),
      revised_prompt: Opt(Type.String()),
      result: Type.String(),
      saved_path: Opt(Type.String()),
    },
    ContextCompaction: { id: Type.String() },
  },
  { $id: 'TurnItem' },
);
export type TurnItem = Static<typeof TurnItem>;

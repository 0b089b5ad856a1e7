/**
 * Thread items (`item/started`, `item/completed`, turns read from disk) and the input a user sends.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Dict, Json, Nullable, Opt, StrEnum, Tagged, i32, i64 } from '../schema-kit.ts';
import { MessagePhase, TextElement } from './shared.ts';

export const UserInput = Tagged(
  'type',
  {
    text: { text: Type.String(), text_elements: Type.Optional(Type.Array(TextElement, { default: [] })) },
    image: { url: Type.String() },
    localImage: { path: Type.String({ serdeExpected: 'path string' }) },
    skill: { name: Type.String(), path: Type.String({ serdeExpected: 'path string' }) },
    mention: { name: Type.String(), path: Type.String() },
  },
  { $id: 'UserInput' },
);
export type UserInput = Static<typeof UserInput>;

export const CollabAgentStatus = StrEnum(['pendingInit', 'running', 'completed', 'errored', 'shutdown', 'notFound'], {
  $id: 'CollabAgentStatus',
});
export type CollabAgentStatus = Static<typeof CollabAgentStatus>;

export const CollabAgentState = Type.Object({
  status: CollabAgentStatus,
  message: Opt(Type.String()),
}, { $id: 'CollabAgentState' });
export type CollabAgentState = Static<typeof CollabAgentState>;

export const CollabAgentTool = StrEnum(['spawnAgent', 'sendInput', 'resumeAgent', 'wait', 'closeAgent'], {
  $id: 'CollabAgentTool',
});
export type CollabAgentTool = Static<typeof CollabAgentTool>;

export const CollabAgentToolCallStatus = StrEnum(['inProgress', 'completed', 'failed'], {
  $id: 'CollabAgentToolCallStatus',
});
export type CollabAgentToolCallStatus = Static<typeof CollabAgentToolCallStatus>;

export const CommandAction = Tagged(
  'type',
  {
    read: { command: Type.String(), name: Type.String(), path: Type.String() },
    listFiles: { command: Type.String(), path: Opt(Type.String()) },
    search: { command: Type.String(), query: Opt(Type.String()), path: Opt(Type.String()) },
    unknown: { command: Type.String() },
  },
  { $id: 'CommandAction' },
);
export type CommandAction = Static<typeof CommandAction>;

export const CommandExecutionStatus = StrEnum(['inProgress', 'completed', 'failed', 'declined'], {
  $id: 'CommandExecutionStatus',
});
export type CommandExecutionStatus = Static<typeof CommandExecutionStatus>;

export const DynamicToolCallOutputContentItem = Tagged(
  'type',
  { inputText: { text: Type.String() }, inputImage: { imageUrl: Type.String() } },
  { $id: 'DynamicToolCallOutputContentItem' },
);
export type DynamicToolCallOutputContentItem = Static<typeof DynamicToolCallOutputContentItem>;

export const DynamicToolCallStatus = StrEnum(['inProgress', 'completed', 'failed'], { $id: 'DynamicToolCallStatus' });
export type DynamicToolCallStatus = Static<typeof DynamicToolCallStatus>;

export const PatchChangeKind = Tagged(
  'type',
  { add: {}, delete: {}, update: { move_path: Opt(Type.String()) } },
  { $id: 'PatchChangeKind' },
);
export type PatchChangeKind = Static<typeof PatchChangeKind>;

export const FileUpdateChange = Type.Object({
  path: Type.String(),
  kind: PatchChangeKind,
  diff: Type.String(),
}, { $id: 'FileUpdateChange' });
export type FileUpdateChange = Static<typeof FileUpdateChange>;

export const McpToolCallError = Type.Object({ message: Type.String() }, { $id: 'McpToolCallError' });
export type McpToolCallError = Static<typeof McpToolCallError>;

export const McpToolCallResult = Type.Object({
  content: Type.Array(Json()),
  structuredContent: Type.Optional(Json()),
}, { $id: 'McpToolCallResult' });
export type McpToolCallResult = Static<typeof McpToolCallResult>;

export const McpToolCallStatus = StrEnum(['inProgress', 'completed', 'failed'], { $id: 'McpToolCallStatus' });
export type McpToolCallStatus = Static<typeof McpToolCallStatus>;

export const PatchApplyStatus = StrEnum(['inProgress', 'completed', 'failed', 'declined'], { $id: 'PatchApplyStatus' });
export type PatchApplyStatus = Static<typeof PatchApplyStatus>;

export const WebSearchAction = Tagged(
  'type',
  {
    search: { query: Opt(Type.String()), queries: Opt(Type.Array(Type.String())) },
    openPage: { url: Opt(Type.String()) },
    findInPage: { url: Opt(Type.String()), pattern: Opt(Type.String()) },
    other: {},
  },
  { $id: 'WebSearchAction' },
);
export type WebSearchAction = Static<typeof WebSearchAction>;

export const ThreadItem = Tagged(
  'type',
  {
    userMessage: { id: Type.String(), content: Type.Array(UserInput) },
    agentMessage: {
      id: Type.String(),
      text: Type.String(),
      phase: Type.Optional(Nullable(MessagePhase, { default: null })),
    },
    plan: { id: Type.String(), text: Type.String() },
    reasoning: {
      id: Type.String(),
      summary: Type.Optional(Type.Array(Type.String(), { default: [] })),
      content: Type.Optional(Type.Array(Type.String(), { default: [] })),
    },
    commandExecution: {
      id: Type.String(),
      command: Type.String(),
      cwd: Type.String(),
      processId: Opt(Type.String()),
      status: CommandExecutionStatus,
      commandActions: Type.Array(CommandAction),
      aggregatedOutput: Opt(Type.String()),
      exitCode: Opt(i32()),
      durationMs: Opt(i64()),
    },
    fileChange: { id: Type.String(), changes: Type.Array(FileUpdateChange), status: PatchApplyStatus },
    mcpToolCall: {
      id: Type.String(),
      server: Type.String(),
      tool: Type.String(),
      status: McpToolCallStatus,
      arguments: Json(),
      result: Opt(McpToolCallResult),
      error: Opt(McpToolCallError),
      durationMs: Opt(i64()),
    },
    dynamicToolCall: {
      id: Type.String(),
      tool: Type.String(),
      arguments: Json(),
      status: DynamicToolCallStatus,
      contentItems: Opt(Type.Array(DynamicToolCallOutputContentItem)),
      success: Opt(Type.Boolean()),
      durationMs: Opt(i64()),
    },
    collabAgentToolCall: {
      id: Type.String(),
      tool: CollabAgentTool,
      status: CollabAgentToolCallStatus,
      senderThreadId: Type.String(),
      receiverThreadIds: Type.Array(Type.String()),
      prompt: Opt(Type.String()),
      agentsStates: Dict(CollabAgentState),
    },
    webSearch: { id: Type.String(), query: Type.String(), action: Opt(WebSearchAction) },
    imageView: { id: Type.String(), path: Type.String() },
    imageGeneration: {
      id: Type.String(),
      status: Type.String(),
      revisedPrompt: Opt(Type.String()),
      result: Type.String(),
    },
    enteredReviewMode: { id: Type.String(), review: Type.String() },
    exitedReviewMode: { id: Type.String(), review: Type.String() },
    contextCompaction: { id: Type.String() },
  },
  { $id: 'ThreadItem' },
);
export type ThreadItem = Static<typeof ThreadItem>;

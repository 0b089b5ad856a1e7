/**
 * Params and results of the `thread/*` methods.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Dict, Experimental, Json, Nullable, Opt, StrEnum, u32 } from '../schema-kit.ts';
import { ResponseItem } from './response-item.ts';
import { AskForApproval, Personality, ReasoningEffort, SandboxMode, SandboxPolicy, ServiceTier } from './shared.ts';
import { DynamicToolSpec, Thread } from './thread.ts';

export const ThreadStartParams = Type.Object({
  model: Opt(Type.String()),
  modelProvider: Opt(Type.String()),
  serviceTier: Type.Optional(Nullable(ServiceTier, { serdeSeqDefault: true })),
  cwd: Opt(Type.String()),
  approvalPolicy: Opt(AskForApproval),
  sandbox: Opt(SandboxMode),
  config: Opt(Dict(Json())),
  serviceName: Opt(Type.String()),
  baseInstructions: Opt(Type.String()),
  developerInstructions: Opt(Type.String()),
  personality: Opt(Personality),
  ephemeral: Opt(Type.Boolean()),
  dynamicTools: Experimental('thread/start.dynamicTools', Opt(Type.Array(DynamicToolSpec))),
  mockExperimentalField: Experimental('thread/start.mockExperimentalField', Opt(Type.String())),
  experimentalRawEvents: Experimental(
    'thread/start.experimentalRawEvents',
    Type.Optional(Type.Boolean({ default: false })),
  ),
  persistExtendedHistory: Experimental(
    'thread/start.persistFullHistory',
    Type.Optional(Type.Boolean({ default: false })),
  ),
}, { $id: 'ThreadStartParams' });
export type ThreadStartParams = Static<typeof ThreadStartParams>;

export const ThreadResumeParams = Type.Object({
  threadId: Type.String(),
  history: Experimental('thread/resume.history', Opt(Type.Array(ResponseItem))),
  path: Experimental('thread/resume.path', Opt(Type.String({ serdeExpected: 'path string' }))),
  model: Opt(Type.String()),
  modelProvider: Opt(Type.String()),
  serviceTier: Type.Optional(Nullable(ServiceTier, { serdeSeqDefault: true })),
  cwd: Opt(Type.String()),
  approvalPolicy: Opt(AskForApproval),
  sandbox: Opt(SandboxMode),
  config: Opt(Dict(Json())),
  baseInstructions: Opt(Type.String()),
  developerInstructions: Opt(Type.String()),
  personality: Opt(Personality),
  persistExtendedHistory: Experimental(
    'thread/resume.persistFullHistory',
    Type.Optional(Type.Boolean({ default: false })),
  ),
}, { $id: 'ThreadResumeParams' });
export type ThreadResumeParams = Static<typeof ThreadResumeParams>;

export const ThreadForkParams = Type.Object({
  threadId: Type.String(),
  path: Experimental('thread/fork.path', Opt(Type.String({ serdeExpected: 'path string' }))),
  model: Opt(Type.String()),
  modelProvider: Opt(Type.String()),
  serviceTier: Type.Optional(Nullable(ServiceTier, { serdeSeqDefault: true })),
  cwd: Opt(Type.String()),
  approvalPolicy: Opt(AskForApproval),
  sandbox: Opt(SandboxMode),
  config: Opt(Dict(Json())),
  baseInstructions: Opt(Type.String()),
  developerInstructions: Opt(Type.String()),
  persistExtendedHistory: Experimental(
    'thread/fork.persistFullHistory',
    Type.Optional(Type.Boolean({ default: false })),
  ),
}, { $id: 'ThreadForkParams' });
export type ThreadForkParams = Static<typeof ThreadForkParams>;

export const ThreadArchiveParams = Type.Object({ threadId: Type.String() }, { $id: 'ThreadArchiveParams' });
export type ThreadArchiveParams = Static<typeof ThreadArchiveParams>;

export const ThreadUnsubscribeParams = Type.Object({ threadId: Type.String() }, { $id: 'ThreadUnsubscribeParams' });
export type ThreadUnsubscribeParams = Static<typeof ThreadUnsubscribeParams>;

export const ThreadSetNameParams = Type.Object({
  threadId: Type.String(),
  name: Type.String(),
}, { $id: 'ThreadSetNameParams' });
export type ThreadSetNameParams = Static<typeof ThreadSetNameParams>;

export const ThreadMetadataGitInfoUpdateParams = Type.Object({
  sha: Type.Optional(Nullable(Type.String(), { serdeSeqDefault: true })),
  branch: Type.Optional(Nullable(Type.String(), { serdeSeqDefault: true })),
  originUrl: Type.Optional(Nullable(Type.String(), { serdeSeqDefault: true })),
}, { $id: 'ThreadMetadataGitInfoUpdateParams' });
export type ThreadMetadataGitInfoUpdateParams = Static<typeof ThreadMetadataGitInfoUpdateParams>;

export const ThreadMetadataUpdateParams = Type.Object({
  threadId: Type.String(),
  gitInfo: Opt(ThreadMetadataGitInfoUpdateParams),
}, { $id: 'ThreadMetadataUpdateParams' });
export type ThreadMetadataUpdateParams = Static<typeof ThreadMetadataUpdateParams>;

export const ThreadUnarchiveParams = Type.Object({ threadId: Type.String() }, { $id: 'ThreadUnarchiveParams' });
export type ThreadUnarchiveParams = Static<typeof ThreadUnarchiveParams>;

export const ThreadCompactStartParams = Type.Object({ threadId: Type.String() }, { $id: 'ThreadCompactStartParams' });
export type ThreadCompactStartParams = Static<typeof ThreadCompactStartParams>;

export const ThreadBackgroundTerminalsCleanParams = Type.Object({
  threadId: Type.String(),
}, { $id: 'ThreadBackgroundTerminalsCleanParams' });
export type ThreadBackgroundTerminalsCleanParams = Static<typeof ThreadBackgroundTerminalsCleanParams>;

export const ThreadRollbackParams = Type.Object({
  threadId: Type.String(),
  numTurns: u32(),
}, { $id: 'ThreadRollbackParams' });
export type ThreadRollbackParams = Static<typeof ThreadRollbackParams>;

export const ThreadSortKey = StrEnum(['created_at', 'updated_at'], { $id: 'ThreadSortKey' });
export type ThreadSortKey = Static<typeof ThreadSortKey>;

export const ThreadSourceKind = StrEnum([
  'cli',
  'vscode',
  'exec',
  'appServer',
  'subAgent',
  'subAgentReview',
  'subAgentCompact',
  'subAgentThreadSpawn',
  'subAgentOther',
  'unknown',
], { $id: 'ThreadSourceKind' });
export type ThreadSourceKind = Static<typeof ThreadSourceKind>;

export const ThreadListParams = Type.Object({
  cursor: Opt(Type.String()),
  limit: Opt(u32()),
  sortKey: Opt(ThreadSortKey),
  modelProviders: Opt(Type.Array(Type.String())),
  sourceKinds: Opt(Type.Array(ThreadSourceKind)),
  archived: Opt(Type.Boolean()),
  cwd: Opt(Type.String()),
  searchTerm: Opt(Type.String()),
}, { $id: 'ThreadListParams' });
export type ThreadListParams = Static<typeof ThreadListParams>;

export const ThreadLoadedListParams = Type.Object({
  cursor: Opt(Type.String()),
  limit: Opt(u32()),
}, { $id: 'ThreadLoadedListParams' });
export type ThreadLoadedListParams = Static<typeof ThreadLoadedListParams>;

export const ThreadReadParams = Type.Object({
  threadId: Type.String(),
  includeTurns: Type.Optional(Type.Boolean({ default: false })),
}, { $id: 'ThreadReadParams' });
export type ThreadReadParams = Static<typeof ThreadReadParams>;

export const ThreadStartResponse = Type.Object({
  thread: Thread,
  model: Type.String(),
  modelProvider: Type.String(),
  serviceTier: Opt(ServiceTier),
  cwd: Type.String(),
  approvalPolicy: AskForApproval,
  sandbox: SandboxPolicy,
  reasoningEffort: Opt(ReasoningEffort),
}, { $id: 'ThreadStartResponse' });
export type ThreadStartResponse = Static<typeof ThreadStartResponse>;

export const ThreadResumeResponse = Type.Object({
  thread: Thread,
  model: Type.String(),
  modelProvider: Type.String(),
  serviceTier: Opt(ServiceTier),
  cwd: Type.String(),
  approvalPolicy: AskForApproval,
  sandbox: SandboxPolicy,
  reasoningEffort: Opt(ReasoningEffort),
}, { $id: 'ThreadResumeResponse' });
export type ThreadResumeResponse = Static<typeof ThreadResumeResponse>;

export const ThreadForkResponse = Type.Object({
  thread: Thread,
  model: Type.String(),
  modelProvider: Type.String(),
  serviceTier: Opt(ServiceTier),
  cwd: Type.String(),
  approvalPolicy: AskForApproval,
  sandbox: SandboxPolicy,
  reasoningEffort: Opt(ReasoningEffort),
}, { $id: 'ThreadForkResponse' });
export type ThreadForkResponse = Static<typeof ThreadForkResponse>;

export const ThreadArchiveResponse = Type.Object({}, { $id: 'ThreadArchiveResponse' });
export type ThreadArchiveResponse = Static<typeof ThreadArchiveResponse>;

export const ThreadUnsubscribeStatus = StrEnum(['notLoaded', 'notSubscribed', 'unsubscribed'], {
  $id: 'ThreadUnsubscribeStatus',
});
export type ThreadUnsubscribeStatus = Static<typeof ThreadUnsubscribeStatus>;

export const ThreadUnsubscribeResponse = Type.Object({
  status: ThreadUnsubscribeStatus,
}, { $id: 'ThreadUnsubscribeResponse' });
export type ThreadUnsubscribeResponse = Static<typeof ThreadUnsubscribeResponse>;

export const ThreadSetNameResponse = Type.Object({}, { $id: 'ThreadSetNameResponse' });
export type ThreadSetNameResponse = Static<typeof ThreadSetNameResponse>;

export const ThreadMetadataUpdateResponse = Type.Object({ thread: Thread }, { $id: 'ThreadMetadataUpdateResponse' });
export type ThreadMetadataUpdateResponse = Static<typeof ThreadMetadataUpdateResponse>;

export const ThreadUnarchiveResponse = Type.Object({ thread: Thread }, { $id: 'ThreadUnarchiveResponse' });
export type ThreadUnarchiveResponse = Static<typeof ThreadUnarchiveResponse>;

export const ThreadCompactStartResponse = Type.Object({}, { $id: 'ThreadCompactStartResponse' });
export type ThreadCompactStartResponse = Static<typeof ThreadCompactStartResponse>;

export const ThreadBackgroundTerminalsCleanResponse = Type.Object({
}, { $id: 'ThreadBackgroundTerminalsCleanResponse' });
export type ThreadBackgroundTerminalsCleanResponse = Static<typeof ThreadBackgroundTerminalsCleanResponse>;

export const ThreadRollbackResponse = Type.Object({ thread: Thread }, { $id: 'ThreadRollbackResponse' });
export type ThreadRollbackResponse = Static<typeof ThreadRollbackResponse>;

export const ThreadListResponse = Type.Object({
  data: Type.Array(Thread),
  nextCursor: Opt(Type.String()),
}, { $id: 'ThreadListResponse' });
export type ThreadListResponse = Static<typeof ThreadListResponse>;

export const ThreadLoadedListResponse = Type.Object({
  data: Type.Array(Type.String()),
  nextCursor: Opt(Type.String()),
}, { $id: 'ThreadLoadedListResponse' });
export type ThreadLoadedListResponse = Static<typeof ThreadLoadedListResponse>;

export const ThreadReadResponse = Type.Object({ thread: Thread }, { $id: 'ThreadReadResponse' });
export type ThreadReadResponse = Static<typeof ThreadReadResponse>;

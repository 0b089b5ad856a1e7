/**
 * The thread object as every thread method and notification returns it.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Json, Nullable, OneOf, Opt, StrEnum, Tagged, i32, i64 } from '../schema-kit.ts';
import { ThreadId } from './shared.ts';
import { Turn } from './turn.ts';

export const DynamicToolSpec = Type.Object({
  name: Type.String(),
  description: Type.String(),
  inputSchema: Json(),
}, { $id: 'DynamicToolSpec' });
export type DynamicToolSpec = Static<typeof DynamicToolSpec>;

export const GitInfo = Type.Object({
  sha: Opt(Type.String()),
  branch: Opt(Type.String()),
  originUrl: Opt(Type.String()),
}, { $id: 'GitInfo' });
export type GitInfo = Static<typeof GitInfo>;

export const SubAgentSource = OneOf(
  [
    StrEnum(['review', 'compact', 'memory_consolidation']),
    Type.Object({
      thread_spawn: Type.Object({
        parent_thread_id: ThreadId,
        depth: i32(),
        agent_nickname: Type.Optional(Nullable(Type.String(), { default: null })),
        agent_role: Type.Optional(Nullable(Type.String(), { default: null })),
      }),
    }, { additionalProperties: false }),
    Type.Object({ other: Type.String() }, { additionalProperties: false }),
  ],
  { $id: 'SubAgentSource', serdeVariants: ['review', 'compact', 'thread_spawn', 'memory_consolidation', 'other'] },
);
export type SubAgentSource = Static<typeof SubAgentSource>;

export const SessionSource = OneOf(
  [
    StrEnum(['cli', 'vscode', 'exec', 'appServer', 'unknown']),
    Type.Object({ subAgent: SubAgentSource }, { additionalProperties: false }),
  ],
  { $id: 'SessionSource', serdeVariants: ['cli', 'vscode', 'exec', 'appServer', 'subAgent', 'unknown'] },
);
export type SessionSource = Static<typeof SessionSource>;

export const ThreadActiveFlag = StrEnum(['waitingOnApproval', 'waitingOnUserInput'], { $id: 'ThreadActiveFlag' });
export type ThreadActiveFlag = Static<typeof ThreadActiveFlag>;

export const ThreadStatus = Tagged(
  'type',
  { notLoaded: {}, idle: {}, systemError: {}, active: { activeFlags: Type.Array(ThreadActiveFlag) } },
  { $id: 'ThreadStatus' },
);
export type ThreadStatus = Static<typeof ThreadStatus>;

export const Thread = Type.Object({
  id: Type.String(),
  preview: Type.String(),
  ephemeral: Type.Boolean(),
  modelProvider: Type.String(),
  createdAt: i64(),
  updatedAt: i64(),
  status: ThreadStatus,
  path: Opt(Type.String()),
  cwd: Type.String(),
  cliVersion: Type.String(),
  source: SessionSource,
  agentNickname: Opt(Type.String()),
  agentRole: Opt(Type.String()),
  gitInfo: Opt(GitInfo),
  name: Opt(Type.String()),
  turns: Type.Array(Turn),
}, { $id: 'Thread' });
export type Thread = Static<typeof Thread>;

/**
 * Legacy v1 client requests that 0.113.0 still serves (`getConversationSummary`, `gitDiffToRemote`,
 * `getAuthStatus`). The reference leaves them out of its JSON Schema bundle, so the emitters print
 * these types as TypeScript only.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Opt } from '../schema-kit.ts';
import { AuthMode, ThreadId } from '../v2/shared.ts';
import { SessionSource } from '../v2/thread.ts';

export const GetConversationSummaryParams = Type.Union(
  [Type.Object({ rolloutPath: Type.String() }), Type.Object({ conversationId: ThreadId })],
  { $id: 'GetConversationSummaryParams' },
);
export type GetConversationSummaryParams = Static<typeof GetConversationSummaryParams>;

export const ConversationGitInfo = Type.Object(
  { sha: Nullable(Type.String()), branch: Nullable(Type.String()), origin_url: Nullable(Type.String()) },
  { $id: 'ConversationGitInfo' },
);
export type ConversationGitInfo = Static<typeof ConversationGitInfo>;

export const ConversationSummary = Type.Object(
  {
    conversationId: ThreadId,
    path: Type.String(),
    preview: Type.String(),
    timestamp: Nullable(Type.String()),
    updatedAt: Nullable(Type.String()),
    modelProvider: Type.String(),
    cwd: Type.String(),
    cliVersion: Type.String(),
    source: SessionSource,
    gitInfo: Nullable(ConversationGitInfo),
  },
  { $id: 'ConversationSummary' },
);
export type ConversationSummary = Static<typeof ConversationSummary>;

export const GetConversationSummaryResponse = Type.Object({ summary: ConversationSummary }, { $id: 'GetConversationSummaryResponse' });
export type GetConversationSummaryResponse = Static<typeof GetConversationSummaryResponse>;

export const GitDiffToRemoteParams = Type.Object({ cwd: Type.String() }, { $id: 'GitDiffToRemoteParams' });
export type GitDiffToRemoteParams = Static<typeof GitDiffToRemoteParams>;

export const GitDiffToRemoteResponse = Type.Object({ sha: Type.String(), diff: Type.String() }, { $id: 'GitDiffToRemoteResponse' });
export type GitDiffToRemoteResponse = Static<typeof GitDiffToRemoteResponse>;

export const GetAuthStatusParams = Type.Object(
  { includeToken: Opt(Type.Boolean()), refreshToken: Opt(Type.Boolean()) },
  { $id: 'GetAuthStatusParams' },
);
export type GetAuthStatusParams = Static<typeof GetAuthStatusParams>;

export const GetAuthStatusResponse = Type.Object(
  { authMethod: Nullable(AuthMode), authToken: Nullable(Type.String()), requiresOpenaiAuth: Nullable(Type.Boolean()) },
  { $id: 'GetAuthStatusResponse' },
);
export type GetAuthStatusResponse = Static<typeof GetAuthStatusResponse>;

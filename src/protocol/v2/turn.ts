/**
 * Turns and the `turn/*` methods.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Experimental, Json, Nullable, OneOf, Opt, StrEnum, u16 } from '../schema-kit.ts';
import { ThreadItem, UserInput } from './item.ts';
import {
  AskForApproval,
  CollaborationMode,
  Personality,
  ReasoningEffort,
  ReasoningSummary,
  SandboxPolicy,
  ServiceTier,
} from './shared.ts';

export const TurnStartParams = Type.Object({
  threadId: Type.String(),
  input: Type.Array(UserInput),
  cwd: Opt(Type.String({ serdeExpected: 'path string' })),
  approvalPolicy: Opt(AskForApproval),
  sandboxPolicy: Opt(SandboxPolicy),
  model: Opt(Type.String()),
  serviceTier: Type.Optional(Nullable(ServiceTier, { serdeSeqDefault: true })),
  effort: Opt(ReasoningEffort),
  summary: Opt(ReasoningSummary),
  personality: Opt(Personality),
  outputSchema: Type.Optional(Json('{}')),
  collaborationMode: Experimental('turn/start.collaborationMode', Opt(CollaborationMode)),
}, { $id: 'TurnStartParams' });
export type TurnStartParams = Static<typeof TurnStartParams>;

export const TurnSteerParams = Type.Object({
  threadId: Type.String(),
  input: Type.Array(UserInput),
  expectedTurnId: Type.String(),
}, { $id: 'TurnSteerParams' });
export type TurnSteerParams = Static<typeof TurnSteerParams>;

export const TurnInterruptParams = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
}, { $id: 'TurnInterruptParams' });
export type TurnInterruptParams = Static<typeof TurnInterruptParams>;

export const CodexErrorInfo = OneOf(
  [
    StrEnum([
      'contextWindowExceeded',
      'usageLimitExceeded',
      'serverOverloaded',
      'internalServerError',
      'unauthorized',
      'badRequest',
      'threadRollbackFailed',
      'sandboxError',
      'other',
    ]),
    Type.Object({ httpConnectionFailed: Type.Object({ httpStatusCode: Opt(u16()) }) }, { additionalProperties: false }),
    Type.Object({
      responseStreamConnectionFailed: Type.Object({ httpStatusCode: Opt(u16()) }),
    }, { additionalProperties: false }),
    Type.Object({
      responseStreamDisconnected: Type.Object({ httpStatusCode: Opt(u16()) }),
    }, { additionalProperties: false }),
    Type.Object({
      responseTooManyFailedAttempts: Type.Object({ httpStatusCode: Opt(u16()) }),
    }, { additionalProperties: false }),
  ],
  {
    $id: 'CodexErrorInfo',
    serdeVariants: [
      'contextWindowExceeded',
      'usageLimitExceeded',
      'serverOverloaded',
      'httpConnectionFailed',
      'responseStreamConnectionFailed',
      'internalServerError',
      'unauthorized',
      'badRequest',
      'threadRollbackFailed',
      'sandboxError',
      'responseStreamDisconnected',
      'responseTooManyFailedAttempts',
      'other',
    ],
  },
);
export type CodexErrorInfo = Static<typeof CodexErrorInfo>;

export const TurnStatus = StrEnum(['completed', 'interrupted', 'failed', 'inProgress'], { $id: 'TurnStatus' });
export type TurnStatus = Static<typeof TurnStatus>;

export const TurnError = Type.Object({
  message: Type.String(),
  codexErrorInfo: Opt(CodexErrorInfo),
  additionalDetails: Type.Optional(Nullable(Type.String(), { default: null })),
}, { $id: 'TurnError' });
export type TurnError = Static<typeof TurnError>;

export const Turn = Type.Object({
  id: Type.String(),
  items: Type.Array(ThreadItem),
  status: TurnStatus,
  error: Opt(TurnError),
}, { $id: 'Turn' });
export type Turn = Static<typeof Turn>;

export const TurnStartResponse = Type.Object({ turn: Turn }, { $id: 'TurnStartResponse' });
export type TurnStartResponse = Static<typeof TurnStartResponse>;

export const TurnSteerResponse = Type.Object({ turnId: Type.String() }, { $id: 'TurnSteerResponse' });
export type TurnSteerResponse = Static<typeof TurnSteerResponse>;

export const TurnInterruptResponse = Type.Object({}, { $id: 'TurnInterruptResponse' });
export type TurnInterruptResponse = Static<typeof TurnInterruptResponse>;

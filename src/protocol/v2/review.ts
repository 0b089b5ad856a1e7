/**
 * `review/start`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Opt, StrEnum, Tagged } from '../schema-kit.ts';
import { Turn } from './turn.ts';

export const ReviewDelivery = StrEnum(['inline', 'detached'], { $id: 'ReviewDelivery' });
export type ReviewDelivery = Static<typeof ReviewDelivery>;

export const ReviewTarget = Tagged(
  'type',
  {
    uncommittedChanges: {},
    baseBranch: { branch: Type.String() },
    commit: { sha: Type.String(), title: Opt(Type.String()) },
    custom: { instructions: Type.String() },
  },
  { $id: 'ReviewTarget' },
);
export type ReviewTarget = Static<typeof ReviewTarget>;

export const ReviewStartParams = Type.Object({
  threadId: Type.String(),
  target: ReviewTarget,
  delivery: Type.Optional(Nullable(ReviewDelivery, { default: null })),
}, { $id: 'ReviewStartParams' });
export type ReviewStartParams = Static<typeof ReviewStartParams>;

export const ReviewStartResponse = Type.Object({
  turn: Turn,
  reviewThreadId: Type.String(),
}, { $id: 'ReviewStartResponse' });
export type ReviewStartResponse = Static<typeof ReviewStartResponse>;

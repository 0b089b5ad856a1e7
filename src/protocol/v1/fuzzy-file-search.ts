/**
 * `fuzzyFileSearch` and its experimental session variant. Result entries keep the snake_case
 * `file_name` of the reference.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Opt, u32 } from '../schema-kit.ts';

export const FuzzyFileSearchParams = Type.Object({
  query: Type.String(),
  roots: Type.Array(Type.String()),
  cancellationToken: Opt(Type.String()),
}, { $id: 'FuzzyFileSearchParams' });
export type FuzzyFileSearchParams = Static<typeof FuzzyFileSearchParams>;

export const FuzzyFileSearchSessionStartParams = Type.Object({
  sessionId: Type.String(),
  roots: Type.Array(Type.String()),
}, { $id: 'FuzzyFileSearchSessionStartParams' });
export type FuzzyFileSearchSessionStartParams = Static<typeof FuzzyFileSearchSessionStartParams>;

export const FuzzyFileSearchSessionStopParams = Type.Object({
  sessionId: Type.String(),
}, { $id: 'FuzzyFileSearchSessionStopParams' });
export type FuzzyFileSearchSessionStopParams = Static<typeof FuzzyFileSearchSessionStopParams>;

export const FuzzyFileSearchSessionUpdateParams = Type.Object({
  sessionId: Type.String(),
  query: Type.String(),
}, { $id: 'FuzzyFileSearchSessionUpdateParams' });
export type FuzzyFileSearchSessionUpdateParams = Static<typeof FuzzyFileSearchSessionUpdateParams>;

export const FuzzyFileSearchResult = Type.Object({
  root: Type.String(),
  path: Type.String(),
  file_name: Type.String(),
  score: u32(),
  indices: Opt(Type.Array(u32())),
}, { $id: 'FuzzyFileSearchResult' });
export type FuzzyFileSearchResult = Static<typeof FuzzyFileSearchResult>;

export const FuzzyFileSearchSessionCompletedNotification = Type.Object(
  { sessionId: Type.String() },
  { $id: 'FuzzyFileSearchSessionCompletedNotification' },
);
export type FuzzyFileSearchSessionCompletedNotification = Static<typeof FuzzyFileSearchSessionCompletedNotification>;

export const FuzzyFileSearchSessionUpdatedNotification = Type.Object(
  { sessionId: Type.String(), query: Type.String(), files: Type.Array(FuzzyFileSearchResult) },
  { $id: 'FuzzyFileSearchSessionUpdatedNotification' },
);
export type FuzzyFileSearchSessionUpdatedNotification = Static<typeof FuzzyFileSearchSessionUpdatedNotification>;

export const FuzzyFileSearchResponse = Type.Object({
  files: Type.Array(FuzzyFileSearchResult),
}, { $id: 'FuzzyFileSearchResponse' });
export type FuzzyFileSearchResponse = Static<typeof FuzzyFileSearchResponse>;

export const FuzzyFileSearchSessionStartResponse = Type.Object({}, { $id: 'FuzzyFileSearchSessionStartResponse' });
export type FuzzyFileSearchSessionStartResponse = Static<typeof FuzzyFileSearchSessionStartResponse>;

export const FuzzyFileSearchSessionUpdateResponse = Type.Object({}, { $id: 'FuzzyFileSearchSessionUpdateResponse' });
export type FuzzyFileSearchSessionUpdateResponse = Static<typeof FuzzyFileSearchSessionUpdateResponse>;

export const FuzzyFileSearchSessionStopResponse = Type.Object({}, { $id: 'FuzzyFileSearchSessionStopResponse' });
export type FuzzyFileSearchSessionStopResponse = Static<typeof FuzzyFileSearchSessionStopResponse>;

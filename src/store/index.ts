export { openThreadStore, storeFile } from './open.ts';
export type { StoreOptions } from './open.ts';
export { StoreError } from './types.ts';
export type {
  StoreErrorKind,
  SyncResult,
  ThreadEntry,
  ThreadPage,
  ThreadQuery,
  ThreadRecord,
  ThreadSortKey,
  ThreadStore,
  TurnEndStatus,
} from './types.ts';

import type { ResponseItem, TokenUsage } from '../model/index.ts';
import type { GitInfo, SessionSource, ThreadItem, TurnError } from '../protocol/index.ts';

/**
 * What the store keeps about a thread besides its entries: everything `thread/list` shows, so a
 * page of threads never needs their entries.
 */
export interface ThreadRecord {
  id: string;
  /** Unix seconds, as the protocol reports them. */
  createdAt: number;
  updatedAt: number;
  cwd: string;
  modelProvider: string;
  source: SessionSource;
  cliVersion: string;
  name: string | null;
  /** The first user message's text; "" until there is one. */
  preview: string;
  gitInfo: GitInfo | null;
  agentNickname: string | null;
  agentRole: string | null;
  archived: boolean;
  /**
   * The rollout path reported to clients: `$CODEX_HOME/sessions/YYYY/MM/DD/rollout-<local time>-<id>.jsonl`,
   * or `$CODEX_HOME/archived_sessions/rollout-….jsonl` while archived (the reference's layout).
   * For threads imported from the reference it is the real file.
   */
  path: string;
  forkedFromId: string | null;
  /** The engine's per-thread settings (model, policies, instructions…); opaque to the store. */
  settings: unknown;
}

export type TurnEndStatus = 'completed' | 'interrupted' | 'failed';

/**
 * One durable fact of a thread, appended in order. The store does not interpret entries beyond
 * `kind` and `turnId`; the engine folds them into turns (for clients) and into the model's history.
 */
export type ThreadEntry =
  | { kind: 'turnStarted'; turnId: string; at: number }
  /** A completed item, exactly as sent in `item/completed`. */
  | { kind: 'item'; turnId: string; item: ThreadItem }
  /** Something the model sees in later requests (its own output, tool results, user input). */
  | { kind: 'response'; turnId: string; item: ResponseItem }
  /** Replaces all earlier model history with `replacement` (context compaction). */
  | { kind: 'compacted'; turnId: string; replacement: ResponseItem[] }
  /** The thread's token usage after a model response: totals survive a restart, as in the reference. */
  | { kind: 'tokens'; turnId: string; last: TokenUsage; total: TokenUsage }
  | { kind: 'turnEnded'; turnId: string; status: TurnEndStatus; error: TurnError | null; at: number };

export type ThreadSortKey = 'created_at' | 'updated_at';

export interface ThreadQuery {
  /** 0 gives an empty page (with a null `nextCursor`). */
  limit: number;
  /**
   * Opaque, from a previous page's `nextCursor` for the same `sortKey`; anything else throws an
   * `invalidCursor` StoreError whose message is the reference's `invalid cursor: <cursor>`.
   */
  cursor: string | null;
  sortKey: ThreadSortKey;
  /** true: only archived threads; false: only the others. */
  archived: boolean;
  /** Empty or absent: every provider. */
  modelProviders?: readonly string[];
  /**
   * Source kinds as the protocol's ThreadSourceKind values; empty or absent: every kind (the
   * reference's default of interactive sources only is the caller's to apply). `subAgent` selects
   * every sub-agent, `subAgentOther` only `{subAgent: {other}}`, as in the reference.
   */
  sourceKinds?: readonly string[];
  /** Exact match. */
  cwd?: string;
  /** Case-sensitive substring of the thread's name or preview. */
  searchTerm?: string;
}

export interface ThreadPage {
  /** Newest first by the sort key; ties in order of id, descending. */
  records: ThreadRecord[];
  /** Null on the last page: a cursor never leads to an empty page. */
  nextCursor: string | null;
}

export type StoreErrorKind =
  /** The database file is damaged; it has been moved aside (see `message`). */
  | 'corrupt'
  /** Written by a newer Weft; refused rather than downgraded. */
  | 'newerVersion'
  /** Another process holds the thread, or kept the whole database locked past the 5 s wait. */
  | 'busy'
  | 'invalidCursor'
  | 'notFound'
  /** The disk refused a write (full, read-only, permissions). */
  | 'io';

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/**
 * Durable threads. Synchronous by design: SQLite calls take microseconds, and a synchronous API
 * makes "durable before the notification is sent" a matter of statement order: once a write
 * returns, it survives the process being killed.
 *
 * Every method may throw a StoreError: `io` when the disk refuses (the store keeps serving what
 * it can and later calls may succeed), `corrupt` when the file turned out damaged mid-call (it
 * has been moved aside; the next call works on a new, empty database), `busy` when another
 * process holds the database's write lock for too long.
 */
export interface ThreadStore {
  /**
   * Creates a thread (it becomes visible to `listThreads`), optionally with its first entries, in
   * one transaction. An id that exists already is an error. Needs no claim: nobody else can hold
   * a thread that did not exist.
   */
  insertThread(record: ThreadRecord, entries?: readonly ThreadEntry[]): void;
  /**
   * Updates the fields given (undefined values are skipped); `updatedAt` is not bumped unless
   * given. Needs no claim (names, archiving…). Unknown thread: `notFound`.
   */
  updateThread(id: string, patch: Partial<Omit<ThreadRecord, 'id' | 'createdAt'>>): void;
  getThread(id: string): ThreadRecord | null;
  listThreads(query: ThreadQuery): ThreadPage;
  /**
   * Appends entries in one transaction, optionally updating the record in the same transaction.
   * The thread must be claimed by this store (a programming error otherwise); unknown: `notFound`.
   */
  appendEntries(
    threadId: string,
    entries: readonly ThreadEntry[],
    patch?: Partial<Omit<ThreadRecord, 'id' | 'createdAt'>>,
  ): void;
  /** In the order appended; unknown thread: `notFound`. */
  readEntries(threadId: string): ThreadEntry[];
  /** Removes every entry of these turns (rollback). The thread must be claimed, as for appends. */
  deleteTurns(threadId: string, turnIds: readonly string[]): void;
  /**
   * Marks the thread as written by this process until `release`, `close` or process death (a
   * dead holder's claim is taken over); while another live process holds it, fails with a `busy`
   * StoreError. Claiming again is a no-op; the thread need not exist yet.
   */
  claim(threadId: string): void;
  release(threadId: string): void;
  /**
   * Imports the threads the reference (codex-cli) wrote or changed since the last look (see
   * import/sync.ts). Cheap enough to call before every `thread/list`: it walks the reference's
   * folders at most once per REFRESH_INTERVAL_MS and returns null when it did not. What it cannot
   * import, and database failures, are logged rather than thrown.
   */
  refreshReferenceThreads(): SyncResult | null;
  /** Releases this store's claims and closes the file; later calls throw. */
  close(): void;
}

/** What one pass over the reference's files did. */
export interface SyncResult {
  /** Threads inserted, or replaced because their file changed. */
  imported: number;
  /** New or changed files left out: unreadable, holding a thread that is Weft's now, or loaded (tried again later). */
  skipped: number;
}

/** A file of the reference's as last looked at. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * What became of a thread offered to `importReferenceThread`. After any outcome but `inUse`, the
 * file counts as looked at (it is stamped).
 * - imported: inserted, or it replaced the earlier import of the same thread;
 * - current: this very file (same stamp) was imported meanwhile, by another process;
 * - weftThread: Weft created a thread with this id itself; it is kept;
 * - continued: imported before, then written to by Weft (a turn, a rollback); Weft's is kept;
 * - inUse: loaded by a Weft process right now; left unstamped, to be tried at a later pass.
 */
export type ImportOutcome = 'imported' | 'current' | 'weftThread' | 'continued' | 'inUse';

/** The store's bookkeeping of what it imported from the reference's files (see import/). */
export interface ReferenceLedger {
  /** Every file looked at so far, by path. */
  referenceStamps(): Map<string, FileStamp>;
  /** Records that a file was looked at, so it is not read again until it changes. */
  stampReferenceFile(stamp: FileStamp): void;
  /** Drops the stamps of files that are gone: one that comes back (moved back by the reference, mtime and all) is read again. */
  forgetReferenceFiles(paths: readonly string[]): void;
  /**
   * In one transaction: inserts the thread or replaces its earlier import (keeping our name when
   * `record.name` is null), and stamps the file, unless the outcome says otherwise.
   */
  importReferenceThread(record: ThreadRecord, entries: readonly ThreadEntry[], stamp: FileStamp): ImportOutcome;
  /** Renames imported threads, in one transaction; ids of other threads are ignored. */
  nameReferenceThreads(names: ReadonlyMap<string, string>): void;
}

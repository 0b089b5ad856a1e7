/**
 * ThreadStore on SQLite. Every call runs through `run`, which turns disk failures into StoreErrors
 * and, when the file turns out to be damaged, moves it aside so the next call starts a fresh one:
 * the server keeps running whatever happens to the file.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { claim, release } from './claims.ts';
import { connect, setUp, type Connection, type Driver } from './connection.ts';
import { classify, isCorruption } from './errors.ts';
import type { ReferenceSync } from './import/refresh.ts';
import { listThreads } from './list.ts';
import type { StoreOptions } from './open.ts';
import { inodeOf, moveAside } from './quarantine.ts';
import { adopt, forgetFiles, importThread, nameThreads, referenceStamps, stampFile } from './reference-ledger.ts';
import { fromEntryRow, fromRow, patchColumns, toRow, type EntryRow, type ThreadPatch, type ThreadRow } from './rows.ts';
import { INSERT_THREAD, insertEntries, notFound, OF_THREAD, rid } from './sql.ts';
import {
  StoreError,
  type FileStamp,
  type ImportOutcome,
  type ReferenceLedger,
  type SyncResult,
  type ThreadEntry,
  type ThreadPage,
  type ThreadQuery,
  type ThreadRecord,
  type ThreadStore,
} from './types.ts';

export class SqliteThreadStore implements ThreadStore, ReferenceLedger {
  private conn: Connection | null;
  /** Threads this store has claimed: the only ones whose entries it may write. */
  private readonly claimed = new Set<string>();
  private closed = false;

  constructor(
    private readonly driver: Driver,
    readonly file: string,
    private readonly opts: StoreOptions,
    private readonly reference: ReferenceSync,
  ) {
    this.conn = this.open();
  }

  insertThread(record: ThreadRecord, entries: readonly ThreadEntry[] = []): void {
    this.run((c) =>
      c.write(() => {
        const { lastInsertRowid } = c.stmt(INSERT_THREAD).run(toRow(record));
        insertEntries(c, Number(lastInsertRowid), entries);
      }),
    );
  }

  updateThread(id: string, patch: ThreadPatch): void {
    this.run((c) => updateRecord(c, id, patch));
  }

  getThread(id: string): ThreadRecord | null {
    return this.run((c) => {
      const row = c.stmt('SELECT * FROM threads WHERE id = ?').get(id) as ThreadRow | undefined;
      return row ? fromRow(row) : null;
    });
  }

  listThreads(query: ThreadQuery): ThreadPage {
    return this.run((c) => listThreads(c, query));
  }

  appendEntries(threadId: string, entries: readonly ThreadEntry[], patch?: ThreadPatch): void {
    this.mustHold(threadId);
    this.run((c) =>
      c.write(() => {
        insertEntries(c, rid(c, threadId), entries);
        adopt(c, threadId);
        if (patch) updateRecord(c, threadId, patch);
      }),
    );
  }

  readEntries(threadId: string): ThreadEntry[] {
    return this.run((c) => {
      const rows = c.stmt(`SELECT turn_id, kind, body FROM entries WHERE ${OF_THREAD} ORDER BY key`).all({
        thread: rid(c, threadId),
      });
      return (rows as EntryRow[]).map(fromEntryRow);
    });
  }

  deleteTurns(threadId: string, turnIds: readonly string[]): void {
    this.mustHold(threadId);
    this.run((c) =>
      c.write(() => {
        c.stmt(`DELETE FROM entries WHERE ${OF_THREAD} AND turn_id IN (SELECT value FROM json_each(@turns))`)
          .run({ thread: rid(c, threadId), turns: JSON.stringify(turnIds) });
        adopt(c, threadId);
      }),
    );
  }

  refreshReferenceThreads(): SyncResult | null {
    if (this.closed) throw new Error('the thread store is closed');
    return this.reference.refresh(this);
  }

  referenceStamps(): Map<string, FileStamp> {
    return this.run(referenceStamps);
  }

  stampReferenceFile(stamp: FileStamp): void {
    this.run((c) => stampFile(c, stamp));
  }

  forgetReferenceFiles(paths: readonly string[]): void {
    this.run((c) => forgetFiles(c, paths));
  }

  importReferenceThread(record: ThreadRecord, entries: readonly ThreadEntry[], stamp: FileStamp): ImportOutcome {
    return this.run((c) => c.write(() => importThread(c, record, entries, stamp)));
  }

  nameReferenceThreads(names: ReadonlyMap<string, string>): void {
    this.run((c) => c.write(() => nameThreads(c, names)));
  }

  claim(threadId: string): void {
    const dead = this.run((c) => claim(c, threadId));
    if (dead) this.opts.log?.info(`took over thread ${threadId} from Weft process ${dead.pid}, which no longer runs`);
    this.claimed.add(threadId);
  }

  release(threadId: string): void {
    this.run((c) => release(c, [threadId]));
    this.claimed.delete(threadId);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const conn = this.conn;
    this.conn = null;
    if (!conn) return;
    try {
      release(conn, [...this.claimed]);
    } finally {
      conn.close();
    }
  }

  private mustHold(threadId: string): void {
    if (!this.claimed.has(threadId)) {
      throw new Error(`thread ${threadId} is not claimed by this process: claim it before writing its entries`);
    }
  }

  private run<T>(fn: (conn: Connection) => T): T {
    if (this.closed) throw new Error('the thread store is closed');
    let conn = (this.conn ??= this.reopen());
    // WAL mode keeps writing to a file that was renamed away: check that ours is still the file.
    if (inodeOf(this.file) !== conn.inode) {
      this.drop(conn);
      this.report(
        new StoreError(
          'corrupt',
          `the thread database ${this.file} was moved away (by another Weft process that found it damaged, ` +
            'or by hand); a new, empty one replaces it',
        ),
      );
      conn = this.conn = this.reopen();
    }
    try {
      return fn(conn);
    } catch (err) {
      throw isCorruption(err) ? this.quarantine(conn, err) : classify(err, this.file);
    }
  }

  private drop(conn: Connection): void {
    this.conn = null;
    try {
      conn.close();
    } catch {
      // Closing checkpoints, which a damaged file may refuse; it is being left behind anyway.
    }
  }

  private open(): Connection {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
    } catch (err) {
      throw classify(err, this.file);
    }
    // A damaged file is moved aside and the open tried once more, on the new, empty file.
    for (let attempt = 0; ; attempt++) {
      let conn: Connection;
      try {
        conn = connect(this.driver, this.file);
      } catch (err) {
        throw classify(err, this.file);
      }
      try {
        setUp(conn, this.file);
        return conn;
      } catch (err) {
        if (!isCorruption(err) || attempt > 0) {
          this.drop(conn);
          throw classify(err, this.file);
        }
        const problem = this.quarantine(conn, err);
        if (problem.kind !== 'corrupt') throw problem;
      }
    }
  }

  /** After a damaged file was replaced: this process's claims carry over to the new file. */
  private reopen(): Connection {
    const conn = this.open();
    for (const threadId of this.claimed) {
      try {
        claim(conn, threadId);
      } catch (err) {
        if (!(err instanceof StoreError && err.kind === 'busy')) throw classify(err, this.file);
        this.claimed.delete(threadId);
      }
    }
    return conn;
  }

  /** Moves the damaged file aside, then closes it: closing first could delete its WAL, data included. */
  private quarantine(conn: Connection, err: unknown): StoreError {
    const cause = err instanceof Error ? err.message : String(err);
    let movedTo: string | null;
    try {
      movedTo = moveAside(this.file, conn.inode);
    } catch (moveErr) {
      return classify(moveErr, this.file) as StoreError;
    } finally {
      this.drop(conn);
    }
    return this.report(
      new StoreError(
        'corrupt',
        movedTo
          ? `the thread database ${this.file} is damaged (${cause}); it was moved to ${movedTo} and a new, empty one replaces it`
          : `the thread database ${this.file} is damaged (${cause}); another process has already moved it aside`,
      ),
    );
  }

  private report(problem: StoreError): StoreError {
    this.opts.log?.error(problem.message);
    this.opts.onProblem?.(problem);
    return problem;
  }
}

function updateRecord(c: Connection, id: string, patch: ThreadPatch): void {
  const { columns, values } = patchColumns(patch);
  const changed = columns.length
    ? c.stmt(`UPDATE threads SET ${columns.map((col) => `${col} = ?`).join(', ')} WHERE id = ?`).run(...values, id).changes
    : Number(c.stmt('SELECT count(*) FROM threads WHERE id = ?').pluck().get(id));
  if (changed === 0) throw notFound(id);
}

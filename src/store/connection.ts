/**
 * One open database: configured, migrated, with its prepared statements cached by SQL text so
 * each is compiled once per connection.
 */
import { statSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database, Statement } from 'better-sqlite3';
import { checkVersion, migrate } from './migrations.ts';

export type Driver = typeof BetterSqlite3;

/** How long a write waits for another process's transaction before failing with `busy`. */
const BUSY_TIMEOUT_MS = 5000;

export class Connection {
  private readonly statements = new Map<string, Statement>();

  constructor(
    readonly db: Database,
    /** Identifies the file we opened, so we never move aside a file another process put in its place. */
    readonly inode: number,
  ) {}

  stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** Runs fn in a write transaction, taking the write lock up front so it cannot deadlock midway. */
  write<T>(fn: () => T): T {
    this.stmt('BEGIN IMMEDIATE').run();
    try {
      const result = fn();
      this.stmt('COMMIT').run();
      return result;
    } catch (err) {
      try {
        if (this.db.inTransaction) this.stmt('ROLLBACK').run();
      } catch {
        // The error to report is the one that made us roll back; SQLite undoes an unfinished
        // transaction itself at the next statement or when the file is next opened.
      }
      throw err;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Opens `file` (SQLite creates it when missing); nothing is read yet. */
export function connect(Driver: Driver, file: string): Connection {
  const db = new Driver(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    return new Connection(db, statSync(file).ino);
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Configures and migrates a new connection. A damaged file surfaces here as an SQLITE_NOTADB or
 * SQLITE_CORRUPT error; the caller then moves the file aside before closing the connection.
 */
export function setUp(conn: Connection, file: string): void {
  // Before the first write: a file from a newer Weft is refused untouched.
  checkVersion(conn.db, file);
  // WAL + NORMAL: a commit is durable once the process has written it, even if the process is
  // killed right after; only a power loss can drop the last commits (never corrupting the file).
  conn.db.pragma('journal_mode = WAL');
  conn.db.pragma('synchronous = NORMAL');
  migrate(conn.db, file);
}

/**
 * The schema, as an ordered list of migrations. `PRAGMA user_version` holds how many have been
 * applied; a database that has more than this code knows was written by a newer Weft and is left
 * untouched. Append new migrations; never edit a published one.
 */
import type { Database } from 'better-sqlite3';
import { StoreError } from './types.ts';

const MIGRATIONS: readonly string[] = [
  `
  -- rid: the integer that entry keys are built from (see entries).
  CREATE TABLE threads (
    rid            INTEGER PRIMARY KEY,
    id             TEXT    NOT NULL UNIQUE,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    archived       INTEGER NOT NULL,
    cwd            TEXT    NOT NULL,
    model_provider TEXT    NOT NULL,
    -- The protocol's ThreadSourceKind of source, so the sourceKinds filter needs no JSON.
    source_kind    TEXT    NOT NULL,
    source         TEXT    NOT NULL,
    cli_version    TEXT    NOT NULL,
    name           TEXT,
    preview        TEXT    NOT NULL,
    git_info       TEXT,
    agent_nickname TEXT,
    agent_role     TEXT,
    path           TEXT    NOT NULL,
    forked_from_id TEXT,
    settings       TEXT    NOT NULL
  );
  -- thread/list pages walk one of these backwards from the cursor (keyset pagination). The filter
  -- columns ride along so that filters are tested on index entries alone: a filter that matches
  -- few threads scans index pages (about 1/10 of the table's bytes), never the rows.
  CREATE INDEX threads_by_created ON threads (archived, created_at, id, model_provider, source_kind, cwd);
  CREATE INDEX threads_by_updated ON threads (archived, updated_at, id, model_provider, source_kind, cwd);

  -- key is (thread rid << 32) + position: a thread's entries are neighbours in the table's own
  -- b-tree, read back in order by one range scan, and an append writes one page with no index
  -- to update.
  CREATE TABLE entries (
    key     INTEGER PRIMARY KEY,
    turn_id TEXT    NOT NULL,
    kind    TEXT    NOT NULL,
    -- The entry as JSON without kind and turnId.
    body    TEXT    NOT NULL
  );

  CREATE TABLE claims (
    thread_id TEXT    PRIMARY KEY,
    pid       INTEGER NOT NULL,
    -- With pid, identifies the holder across pid reuse and reboots (see claims.ts).
    boot_id   TEXT    NOT NULL,
    started   INTEGER
  ) WITHOUT ROWID;
  `,
  `
  -- The reference's files (rollouts, session_index.jsonl) as last looked at: a file whose size and
  -- mtime are unchanged is not read again, whatever came of reading it (imported, unreadable, refused).
  CREATE TABLE reference_files (
    path     TEXT    PRIMARY KEY,
    size     INTEGER NOT NULL,
    mtime_ms REAL    NOT NULL
  ) WITHOUT ROWID;

  -- Threads imported from a reference rollout. adopted: Weft has written entries to the thread since
  -- (a turn, a rollback), so a changed file no longer replaces it.
  CREATE TABLE reference_threads (
    thread_id TEXT    PRIMARY KEY,
    adopted   INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Throws `newerVersion` before anything is written when the file is from a newer Weft. */
export function checkVersion(db: Database, file: string): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new StoreError(
      'newerVersion',
      `the thread database ${file} has schema version ${version}, newer than this Weft supports ` +
        `(${SCHEMA_VERSION}); it was left untouched: upgrade Weft or set CODEX_HOME to another directory`,
    );
  }
  return version;
}

/** Applies the missing migrations, each in its own transaction; safe against a concurrent opener. */
export function migrate(db: Database, file: string): void {
  while (checkVersion(db, file) < SCHEMA_VERSION) {
    db.transaction(() => {
      // Read again under the write lock: another process may have migrated since.
      const current = checkVersion(db, file);
      if (current === SCHEMA_VERSION) return;
      db.exec(MIGRATIONS[current]!);
      db.pragma(`user_version = ${current + 1}`);
    }).immediate();
  }
}

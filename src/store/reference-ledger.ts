/**
 * The SQL behind ReferenceLedger: which of the reference's files were looked at, which threads
 * came from them, and whether Weft has written to those threads since.
 */
import { liveHolder } from './claims.ts';
import type { Connection } from './connection.ts';
import { toRow } from './rows.ts';
import { INSERT_THREAD, insertEntries, OF_THREAD } from './sql.ts';
import type { FileStamp, ImportOutcome, ThreadEntry, ThreadRecord } from './types.ts';

const STAMP_FILE = 'INSERT OR REPLACE INTO reference_files (path, size, mtime_ms) VALUES (@path, @size, @mtimeMs)';
/** rid stays, so the thread's entries keep their place in the table. */
const REPLACE_THREAD = `UPDATE threads SET created_at = @created_at, updated_at = @updated_at, archived = @archived,
  cwd = @cwd, model_provider = @model_provider, source_kind = @source_kind, source = @source, cli_version = @cli_version,
  name = coalesce(@name, name), preview = @preview, git_info = @git_info, agent_nickname = @agent_nickname,
  agent_role = @agent_role, path = @path, forked_from_id = @forked_from_id, settings = @settings WHERE id = @id`;

export const sameStamp = (a: Omit<FileStamp, 'path'> | undefined, b: Omit<FileStamp, 'path'>): boolean =>
  a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;

export function referenceStamps(c: Connection): Map<string, FileStamp> {
  const rows = c.stmt('SELECT path, size, mtime_ms AS mtimeMs FROM reference_files').all() as FileStamp[];
  return new Map(rows.map((r) => [r.path, r]));
}

export function stampFile(c: Connection, stamp: FileStamp): void {
  c.stmt(STAMP_FILE).run(stamp);
}

export function forgetFiles(c: Connection, paths: readonly string[]): void {
  c.stmt('DELETE FROM reference_files WHERE path IN (SELECT value FROM json_each(?))').run(JSON.stringify(paths));
}

/** Call inside a write transaction: the checks and the writes must see the same database. */
export function importThread(c: Connection, record: ThreadRecord, entries: readonly ThreadEntry[], stamp: FileStamp): ImportOutcome {
  const known = c.stmt('SELECT size, mtime_ms AS mtimeMs FROM reference_files WHERE path = ?').get(stamp.path) as FileStamp | undefined;
  if (sameStamp(known, stamp)) return 'current';
  const thread = c.stmt('SELECT rid FROM threads WHERE id = ?').pluck().get(record.id) as number | undefined;
  if (thread === undefined) {
    const { lastInsertRowid } = c.stmt(INSERT_THREAD).run(toRow(record));
    insertEntries(c, Number(lastInsertRowid), entries);
    c.stmt('INSERT OR REPLACE INTO reference_threads (thread_id, adopted) VALUES (?, 0)').run(record.id);
  } else {
    const adopted = c.stmt('SELECT adopted FROM reference_threads WHERE thread_id = ?').pluck().get(record.id) as number | undefined;
    const kept = adopted === undefined ? 'weftThread' : adopted ? 'continued' : null;
    if (kept) {
      stampFile(c, stamp);
      return kept;
    }
    // Replacing the entries under a loaded thread would split its model history from the store's.
    if (liveHolder(c, record.id)) return 'inUse';
    c.stmt(REPLACE_THREAD).run(toRow(record));
    c.stmt(`DELETE FROM entries WHERE ${OF_THREAD}`).run({ thread });
    insertEntries(c, thread, entries);
  }
  stampFile(c, stamp);
  return 'imported';
}

/** After Weft writes entries to a thread, it is Weft's: its file no longer replaces it. */
export function adopt(c: Connection, threadId: string): void {
  c.stmt('UPDATE reference_threads SET adopted = 1 WHERE thread_id = ? AND adopted = 0').run(threadId);
}

export function nameThreads(c: Connection, names: ReadonlyMap<string, string>): void {
  const rename = c.stmt(
    'UPDATE threads SET name = @name WHERE id = @id AND name IS NOT @name AND EXISTS (SELECT 1 FROM reference_threads WHERE thread_id = @id)',
  );
  for (const [id, name] of names) rename.run({ id, name });
}

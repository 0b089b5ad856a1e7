/**
 * Statements that write threads and entries, shared by the store and the reference ledger.
 */
import type { Connection } from './connection.ts';
import { entryBody } from './rows.ts';
import { StoreError, type ThreadEntry } from './types.ts';

export const INSERT_THREAD = `INSERT INTO threads (id, created_at, updated_at, archived, cwd, model_provider, source_kind,
  source, cli_version, name, preview, git_info, agent_nickname, agent_role, path, forked_from_id, settings)
  VALUES (@id, @created_at, @updated_at, @archived, @cwd, @model_provider, @source_kind, @source, @cli_version,
  @name, @preview, @git_info, @agent_nickname, @agent_role, @path, @forked_from_id, @settings)`;
/** A thread's entries are the keys [@thread << 32, (@thread + 1) << 32) (see migrations.ts). */
export const OF_THREAD = 'key >= (@thread << 32) AND key < ((@thread + 1) << 32)';
const INSERT_ENTRY = `INSERT INTO entries (key, turn_id, kind, body) VALUES (
  coalesce((SELECT key + 1 FROM entries WHERE ${OF_THREAD} ORDER BY key DESC LIMIT 1), @thread << 32),
  @turn, @kind, @body)`;

export const notFound = (id: string) => new StoreError('notFound', `thread not found: ${id}`);

export function rid(c: Connection, threadId: string): number {
  const found = c.stmt('SELECT rid FROM threads WHERE id = ?').pluck().get(threadId) as number | undefined;
  if (found === undefined) throw notFound(threadId);
  return found;
}

export function insertEntries(c: Connection, thread: number, entries: readonly ThreadEntry[]): void {
  const insert = c.stmt(INSERT_ENTRY);
  for (const e of entries) insert.run({ thread, turn: e.turnId, kind: e.kind, body: entryBody(e) });
}

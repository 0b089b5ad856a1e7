/**
 * thread/list as one indexed query: keyset pagination backwards along (sort key, id), so a page
 * costs the same at any depth, with the filters as extra WHERE terms.
 */
import type { Connection } from './connection.ts';
import { decodeCursor, encodeCursor, type Position } from './cursor.ts';
import { fromRow, sourceKindsMatching, type ThreadRow } from './rows.ts';
import type { ThreadPage, ThreadQuery } from './types.ts';

export function listThreads(conn: Connection, q: ThreadQuery): ThreadPage {
  const after = q.cursor === null ? null : decodeCursor(q.cursor, q.sortKey);
  if (q.limit <= 0) return { records: [], nextCursor: null };
  const { sql, params, column } = listQuery(q, after);
  // One row more than asked tells whether another page exists, so the last page has no cursor.
  const rows = conn.stmt(sql).all(...params, q.limit + 1) as ThreadRow[];
  const more = rows.length > q.limit;
  if (more) rows.pop();
  const last = rows[rows.length - 1];
  return {
    records: rows.map(fromRow),
    nextCursor: more && last ? encodeCursor(q.sortKey, last[column], last.id) : null,
  };
}

/** The page's statement; its last parameter, the row limit, is left to the caller. */
export function listQuery(q: ThreadQuery, after: Position | null) {
  const column = q.sortKey === 'updated_at' ? 'updated_at' : 'created_at';
  const where = ['archived = ?'];
  const params: unknown[] = [q.archived ? 1 : 0];
  if (after) {
    where.push(`(${column}, id) < (?, ?)`);
    params.push(after.at, after.id);
  }
  // Lists travel as one JSON parameter, so the statement text (and its cache entry) does not
  // depend on how many values they hold.
  if (q.modelProviders?.length) {
    where.push('model_provider IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(q.modelProviders));
  }
  if (q.sourceKinds?.length) {
    where.push('source_kind IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(sourceKindsMatching(q.sourceKinds)));
  }
  if (q.cwd !== undefined) {
    where.push('cwd = ?');
    params.push(q.cwd);
  }
  if (q.searchTerm) {
    // instr() is a plain case-sensitive substring test: no LIKE wildcards to escape.
    where.push('(instr(name, ?) > 0 OR instr(preview, ?) > 0)');
    params.push(q.searchTerm, q.searchTerm);
  }
  const sql = `SELECT * FROM threads WHERE ${where.join(' AND ')} ORDER BY ${column} DESC, id DESC LIMIT ?`;
  return { sql, params, column } as const;
}

/**
 * thread/list cursors: the sort key and the (timestamp, id) position of the last thread of a page,
 * as base64url JSON. Opaque to clients; anything that is not exactly what `encodeCursor` makes,
 * including a cursor made for the other sort key, is refused.
 */
import { StoreError, type ThreadSortKey } from './types.ts';

export interface Position {
  at: number;
  id: string;
}

export function encodeCursor(sortKey: ThreadSortKey, at: number, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, at, id])).toString('base64url');
}

export function decodeCursor(cursor: string, sortKey: ThreadSortKey): Position {
  const parsed = parseJson(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (Array.isArray(parsed)) {
    const [key, at, id] = parsed as unknown[];
    // Node's base64url decoder skips characters it does not know: only the exact encoding counts.
    if (key === sortKey && typeof at === 'number' && typeof id === 'string' && encodeCursor(sortKey, at, id) === cursor) {
      return { at, id };
    }
  }
  throw new StoreError('invalidCursor', `invalid cursor: ${cursor}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

import { RpcError } from '../rpc/errors.ts';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** What Rust's `usize::from_str` accepts: ASCII digits with an optional `+`, up to 2^64 - 1. */
const USIZE = /^\+?[0-9]+$/;
const USIZE_MAX = 2n ** 64n - 1n;

/**
 * The reference's offset pagination of its fixed lists (models, feature flags, MCP servers): the
 * cursor is the index to start at, a missing limit means everything, a limit of 0 means 1, and a
 * cursor may point at the end (an empty last page) but not beyond it. `noun` names the list in
 * the out-of-range error ("cursor 9 exceeds total MCP servers 4").
 */
export function paginate<T>(items: readonly T[], cursor: string | null | undefined, limit: number | null | undefined, noun: string): Page<T> {
  const total = items.length;
  const start = cursor == null ? 0 : startIndex(cursor, total, noun);
  const pageSize = Math.min(Math.max(limit ?? total, 1), total);
  const end = Math.min(start + pageSize, total);
  return { data: items.slice(start, end), nextCursor: end < total ? String(end) : null };
}

/**
 * The index an offset cursor names, or the reference's refusal of a malformed one. A bigint, so
 * that an index past the end is named exactly as the reference prints it.
 */
export function cursorIndex(cursor: string): bigint {
  const index = USIZE.test(cursor) ? BigInt(cursor) : undefined;
  if (index === undefined || index > USIZE_MAX) throw RpcError.badRequest(`invalid cursor: ${cursor}`);
  return index;
}

function startIndex(cursor: string, total: number, noun: string): number {
  const index = cursorIndex(cursor);
  if (index > BigInt(total)) throw RpcError.badRequest(`cursor ${index} exceeds total ${noun} ${total}`);
  return Number(index);
}

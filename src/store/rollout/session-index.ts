/**
 * Thread names. The reference appends `{"id", "thread_name", "updated_at"}` to
 * `$CODEX_HOME/session_index.jsonl` on every `thread/name/set`; the last line for an id wins.
 * Rollout files never carry names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObject } from '../../model/json.ts';

export function parseSessionIndex(text: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of text.split('\n')) {
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (isObject(entry) && typeof entry.id === 'string' && typeof entry.thread_name === 'string') {
      names.set(entry.id, entry.thread_name);
    }
  }
  return names;
}

export const sessionIndexPath = (codexHome: string): string => join(codexHome, 'session_index.jsonl');

/**
 * Thread names by id; none when the home has no index. `from` skips the lines before that byte
 * offset (the names set since an earlier read, the index being append-only).
 */
export function readSessionNames(codexHome: string, from = 0): Map<string, string> {
  try {
    return parseSessionIndex(readFileSync(sessionIndexPath(codexHome)).subarray(from).toString('utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw err;
  }
}

/**
 * What a failed SQLite or file-system call means for the store. better-sqlite3 reports SQLite's
 * extended result codes as strings (`SQLITE_IOERR_WRITE`, `SQLITE_READONLY_DIRECTORY`…); node's fs
 * reports errno names (`EACCES`, `ENOTDIR`…).
 */
import { StoreError } from './types.ts';

const code = (err: unknown): string =>
  typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string'
    ? (err as { code: string }).code
    : '';

/** The file is damaged or not a database at all: it must be moved aside, not written on. */
export const isCorruption = (err: unknown): boolean => {
  const c = code(err);
  return c.startsWith('SQLITE_CORRUPT') || c === 'SQLITE_NOTADB';
};

const IO_CODES = /^(SQLITE_(IOERR|READONLY|FULL|CANTOPEN|PERM|NOLFS|AUTH)|E[A-Z]+$)/;

/**
 * Turns an error from the disk into a StoreError naming the file and the cause; anything else
 * (a bug, a constraint) is returned unchanged.
 */
export function classify(err: unknown, file: string): unknown {
  if (err instanceof StoreError) return err;
  const c = code(err);
  const cause = err instanceof Error ? err.message : String(err);
  if (c.startsWith('SQLITE_BUSY')) {
    return new StoreError('busy', `the thread database ${file} is locked by another process: ${cause}`);
  }
  if (IO_CODES.test(c)) {
    // fs messages already start with their errno name; SQLite's do not name their code.
    const detail = c.startsWith('SQLITE') ? `${cause} (${c})` : cause;
    return new StoreError('io', `cannot use the thread database ${file}: ${detail}`);
  }
  return err;
}

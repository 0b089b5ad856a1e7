/**
 * Moves a damaged database aside, with its -wal and -shm, so that a fresh one can take its place
 * and the old one stays available for recovery (the moved files keep SQLite's naming, so
 * `sqlite3 state.sqlite.corrupt-<time>` opens it with its WAL).
 */
import { renameSync, statSync } from 'node:fs';

export const inodeOf = (file: string): number | null => {
  try {
    return statSync(file).ino;
  } catch {
    return null;
  }
};

/**
 * Returns where the file went, or null when `file` is no longer the inode we found damaged
 * (another process moved it first and may already have created a fresh database there).
 * The caller closes its connection after this, not before: closing a damaged database can delete
 * its -wal, and with it the last commits. Once the file is moved, SQLite leaves the -wal alone.
 */
export function moveAside(file: string, inode: number): string | null {
  if (inodeOf(file) !== inode) return null;
  const target = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    try {
      renameSync(file + suffix, target + suffix);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return target;
}

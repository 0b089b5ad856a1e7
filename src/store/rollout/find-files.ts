/**
 * Where the reference keeps thread files: `sessions/YYYY/MM/DD/rollout-<time>-<id>.jsonl`, and
 * the same names flat in `archived_sessions/` once archived.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export interface RolloutFile {
  path: string;
  archived: boolean;
  mtimeMs: number;
  size: number;
}

const ROLLOUT_NAME = /^rollout-.+-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\.jsonl$/;

/** A folder's entries; a folder that does not exist is empty (a home that never archived). */
function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

function subdirs(dir: string, name: RegExp): string[] {
  return entries(dir)
    .filter((e) => e.isDirectory() && name.test(e.name))
    .map((e) => join(dir, e.name));
}

function rollouts(dir: string, archived: boolean): RolloutFile[] {
  return entries(dir)
    .filter((e) => e.isFile() && ROLLOUT_NAME.test(e.name))
    .flatMap((e) => {
      const path = join(dir, e.name);
      // Gone since the folder was read (the reference archives by moving): found where it went next time.
      const stat = statSync(path, { throwIfNoEntry: false });
      return stat ? [{ path, archived, mtimeMs: stat.mtimeMs, size: stat.size }] : [];
    });
}

/** Every rollout file under `codexHome`, in path order. */
export function findRolloutFiles(codexHome: string): RolloutFile[] {
  const days = subdirs(join(codexHome, 'sessions'), /^\d{4}$/)
    .flatMap((year) => subdirs(year, /^\d{2}$/))
    .flatMap((month) => subdirs(month, /^\d{2}$/));
  return [...days.flatMap((day) => rollouts(day, false)), ...rollouts(join(codexHome, 'archived_sessions'), true)].sort(
    (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
}

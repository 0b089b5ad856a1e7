import { realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const DEFAULT_ROOT_MARKERS = ['.git'];

/**
 * The folders of a project from its root (the nearest ancestor of `cwd` holding one of `markers`)
 * down to `cwd`; just `cwd` when no ancestor has a marker. Project docs and project rules are
 * looked for in each, in this order.
 */
export function projectDirs(cwd: string, markers: readonly string[] = DEFAULT_ROOT_MARKERS): string[] {
  let start = cwd;
  try {
    start = realpathSync(cwd);
  } catch {
    // A cwd that vanished is still searched by name.
  }
  const chain: string[] = [];
  for (let dir = start; ; dir = dirname(dir)) {
    chain.push(dir);
    if (markers.some((m) => exists(join(dir, m)))) return chain.reverse();
    if (dirname(dir) === dir) return [start];
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

import { lstatSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Whether two paths name the same file: compared resolved through symlinks when both exist. */
export function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * The text of config.toml and the file a write should replace. A symlinked config.toml (dotfile
 * managers keep it elsewhere) is written through: the link stays, its target changes.
 */
export function readConfigText(file: string): { text: string; target: string } {
  const target = finalTarget(file);
  try {
    return { text: readFileSync(target, 'utf8'), target };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { text: '', target };
    throw err;
  }
}

function finalTarget(file: string): string {
  let current = file;
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      if (!lstatSync(current).isSymbolicLink()) return current;
      link = readlinkSync(current);
    } catch {
      return current;
    }
    current = resolve(dirname(current), link);
  }
  return current;
}

/** Replaces the file in one step: a reader sees the old text or the new, never a part. */
export function writeConfigText(file: string, text: string): void {
  const temp = join(dirname(file), `.config.toml.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, text, { mode: 0o600 });
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isWithin, type SandboxPermissions, type WritableRoot } from './policy.ts';

/**
 * Permissions as the filesystem has them now, ready for a backend to mount: every path is its
 * realpath (a mount or an SBPL rule sees resolved paths, so a symlinked root must be granted where
 * it really is), roots that do not exist are dropped (nothing to write there, and bwrap cannot bind
 * them), and only protected subpaths that exist and lie in a writable root are kept.
 *
 * Protected names that are missing, or that are symlinks, cannot be protected by a mount: the
 * command could create them, or replace the link. The reference has the same gap.
 */
export function resolveOnDisk(perms: SandboxPermissions): SandboxPermissions {
  const byRoot = new Map<string, string[]>();
  for (const { root, readOnlySubpaths } of perms.writableRoots) {
    const real = realpath(root);
    if (!real) continue;
    const subpaths = byRoot.get(real) ?? [];
    for (const subpath of readOnlySubpaths) subpaths.push(...protectedPaths(join(real, relative(root, subpath))));
    byRoot.set(real, subpaths);
  }
  const roots = [...byRoot.keys()];
  const writableRoots: WritableRoot[] = [...byRoot].map(([root, subpaths]) => ({
    root,
    readOnlySubpaths: [...new Set(subpaths)].filter((p) => roots.some((r) => isWithin(p, r))),
  }));
  return {
    readableRoots: perms.readableRoots && present(perms.readableRoots),
    includePlatformDefaults: perms.includePlatformDefaults,
    writableRoots,
    networkAccess: perms.networkAccess,
  };
}

/** The realpaths to keep read-only for one protected path: itself and, for a `.git` file, its gitdir. */
function protectedPaths(path: string): string[] {
  const real = realpath(path);
  if (!real) return [];
  const gitdir = statSync(real).isFile() && path.endsWith(`${sep}.git`) ? gitdirOf(real) : null;
  return gitdir ? [real, gitdir] : [real];
}

/** Worktrees and submodules have a `.git` file saying `gitdir: <path>`; their hooks live there. */
function gitdirOf(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const target = /^gitdir:\s*(.+?)\s*$/m.exec(text)?.[1];
  return target ? realpath(resolve(dirname(file), target)) : null;
}

export function realpath(path: string): string | null {
  try {
    return realpathSync.native(path);
  } catch {
    return null;
  }
}

const present = (paths: string[]) => [...new Set(paths.map(realpath).filter((p): p is string => p !== null))];

import { isAbsolute, join, resolve, sep } from 'node:path';
import type { SandboxPolicy } from '../protocol/index.ts';

/**
 * Folders that stay read-only inside every writable root, as in the reference: a command that
 * could write `.git/hooks`, `.codex/config.toml` or `.agents/skills` would get its code run (or its
 * permissions widened) outside the sandbox later.
 */
const PROTECTED_NAMES = ['.git', '.codex', '.agents'] as const;

export interface WritableRoot {
  root: string;
  /** Paths under `root` that stay read-only. */
  readOnlySubpaths: string[];
}

/** What a sandboxed command may do, in paths a backend can enforce. */
export interface SandboxPermissions {
  /** Roots commands may read, or null when they may read everything. */
  readableRoots: string[] | null;
  /** With restricted reads: also the system folders programs need to start (the backend's list). */
  includePlatformDefaults: boolean;
  writableRoots: WritableRoot[];
  networkAccess: boolean;
}

/**
 * The permissions a policy grants commands whose policy cwd is `cwd`, or null when the policy asks
 * for no sandbox (dangerFullAccess, and externalSandbox: something else already confines us).
 * Lexical only: `readOnlySubpaths` lists every protected name, existing or not, and nothing is
 * resolved; `resolveOnDisk` turns this into what can be mounted.
 */
export function sandboxPermissions(policy: SandboxPolicy, cwd: string, env: NodeJS.ProcessEnv): SandboxPermissions | null {
  switch (policy.type) {
    case 'dangerFullAccess':
    case 'externalSandbox':
      return null;
    case 'readOnly': {
      const reads = readAccess(policy.access, [cwd]);
      return { ...reads, writableRoots: [], networkAccess: policy.networkAccess ?? false };
    }
    case 'workspaceWrite': {
      const roots = workspaceRoots(policy, cwd, env);
      return {
        ...readAccess(policy.readOnlyAccess, roots),
        writableRoots: roots.map((root) => ({ root, readOnlySubpaths: PROTECTED_NAMES.map((name) => join(root, name)) })),
        networkAccess: policy.networkAccess ?? false,
      };
    }
  }
}

type ReadAccess = Extract<SandboxPolicy, { type: 'readOnly' }>['access'];

/** `alwaysReadable` are the roots the policy itself works in, readable even when reads are restricted. */
function readAccess(access: ReadAccess, alwaysReadable: string[]): Pick<SandboxPermissions, 'readableRoots' | 'includePlatformDefaults'> {
  if (!access || access.type === 'fullAccess') return { readableRoots: null, includePlatformDefaults: false };
  return {
    readableRoots: unique([...(access.readableRoots ?? []), ...alwaysReadable]),
    includePlatformDefaults: access.includePlatformDefaults ?? true,
  };
}

/** Configured roots, the cwd, /tmp and $TMPDIR unless excluded (a relative TMPDIR is ignored, as upstream). */
function workspaceRoots(policy: Extract<SandboxPolicy, { type: 'workspaceWrite' }>, cwd: string, env: NodeJS.ProcessEnv): string[] {
  const roots = [...(policy.writableRoots ?? []), cwd];
  if (!policy.excludeSlashTmp) roots.push('/tmp');
  const tmpdir = env.TMPDIR;
  if (!policy.excludeTmpdirEnvVar && tmpdir && isAbsolute(tmpdir)) roots.push(tmpdir);
  return unique(roots.map((root) => resolve(root)));
}

const unique = (paths: string[]) => [...new Set(paths)];

/** Whether `path` is `root` or below it (both absolute and normalized). */
export const isWithin = (path: string, root: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

import type { SandboxPolicy } from '../protocol/index.ts';

type ReadOnlyAccess = NonNullable<Extract<SandboxPolicy, { type: 'readOnly' }>['access']>;

/** Access granted on top of a sandbox policy (what the user allowed through `request_permissions`). */
export interface SandboxGrant {
  networkAccess: boolean;
  /** Absolute paths; they matter only where reads are restricted. */
  readableRoots: string[];
  /** Absolute paths. */
  writableRoots: string[];
}

/**
 * `policy` with `grant` added, as the reference widens it for commands that run with granted
 * permissions. No sandbox stays no sandbox. A read-only policy given writable paths becomes
 * workspace-write over those paths, and so, like the reference, also makes the cwd and the
 * temporary directories writable: the policy type cannot say "read-only except these".
 */
export function widenSandboxPolicy(policy: SandboxPolicy, grant: SandboxGrant): SandboxPolicy {
  const { networkAccess, readableRoots, writableRoots } = grant;
  if (!networkAccess && readableRoots.length === 0 && writableRoots.length === 0) return policy;
  switch (policy.type) {
    case 'dangerFullAccess':
      return policy;
    case 'externalSandbox':
      return { ...policy, networkAccess: networkAccess || policy.networkAccess === 'enabled' ? 'enabled' : 'restricted' };
    case 'workspaceWrite':
      return {
        ...policy,
        writableRoots: unique([...(policy.writableRoots ?? []), ...writableRoots]),
        readOnlyAccess: withReads(policy.readOnlyAccess, readableRoots),
        networkAccess: networkAccess || (policy.networkAccess ?? false),
      };
    case 'readOnly':
      if (writableRoots.length === 0) {
        return { ...policy, access: withReads(policy.access, readableRoots), networkAccess: networkAccess || (policy.networkAccess ?? false) };
      }
      return {
        type: 'workspaceWrite',
        writableRoots: unique(writableRoots),
        readOnlyAccess: withReads(policy.access, readableRoots),
        networkAccess: networkAccess || (policy.networkAccess ?? false),
        excludeTmpdirEnvVar: false,
        excludeSlashTmp: false,
      };
  }
}

/** Restricted reads gain the granted roots; full read access has nothing to gain. */
function withReads(access: ReadOnlyAccess | undefined, readableRoots: string[]): ReadOnlyAccess {
  if (!access || access.type === 'fullAccess') return { type: 'fullAccess' };
  return { ...access, readableRoots: unique([...(access.readableRoots ?? []), ...readableRoots]) };
}

const unique = (paths: string[]) => [...new Set(paths)];

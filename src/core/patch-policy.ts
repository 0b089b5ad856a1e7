import { resolve } from 'node:path';
import type { SandboxPolicy } from '../protocol/index.ts';
import { isWithin, sandboxPermissions } from '../sandbox/index.ts';

/**
 * Whether a patch may be written without asking anyone: always without a sandbox; under a
 * sandbox, only when every path lies inside a writable root and outside its protected folders.
 * Anything else needs the user's approval, which arrives with approvals; until then it is declined.
 */
export function patchAllowed(paths: readonly string[], policy: SandboxPolicy, cwd: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const permissions = sandboxPermissions(policy, cwd, env);
  if (!permissions) return true;
  return paths.every((raw) => {
    const path = resolve(cwd, raw);
    return permissions.writableRoots.some((w) => isWithin(path, w.root) && !w.readOnlySubpaths.some((ro) => isWithin(path, ro)));
  });
}

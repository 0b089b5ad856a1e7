/**
 * Whether an apply_patch runs without asking, asks the user, or is refused (the reference's
 * `assess_patch_safety`), given the absolute paths it writes (move destinations included).
 */
import { resolve } from 'node:path';
import type { AskForApproval, SandboxPolicy } from '../protocol/index.ts';
import { isWithin, sandboxPermissions } from '../sandbox/policy.ts';

export interface PatchRequest {
  paths: string[];
  approvalPolicy: AskForApproval;
  sandboxPolicy: SandboxPolicy;
  cwd: string;
  /** The environment commands get: its `TMPDIR` is a writable root. */
  env: NodeJS.ProcessEnv;
}

export type PatchRequirement =
  /** Apply without asking; `sandboxed`: the writes go through the sandbox (a denial may then be retried outside). */
  | { kind: 'apply'; sandboxed: boolean }
  /** Ask with `item/fileChange/requestApproval`; 0.113.0 always sends both fields as null. */
  | { kind: 'ask'; reason: string | null; grantRoot: string | null }
  /** Refuse; the model is told `patch rejected: <reason>`. */
  | { kind: 'reject'; reason: string };

export const PATCH_OUTSIDE_PROJECT_REASON = 'writing outside of the project; rejected by user approval settings';

export function patchRequirement(req: PatchRequest): PatchRequirement {
  if (req.paths.length === 0) return { kind: 'reject', reason: 'empty patch' };
  const policy = req.approvalPolicy;
  if (policy === 'untrusted') return { kind: 'ask', reason: null, grantRoot: null };
  // Even inside the writable roots the patch is applied under the sandbox: a path may be a hard link to a file outside.
  if (policy === 'on-failure' || staysInWritableRoots(req)) {
    const unconfined = req.sandboxPolicy.type === 'dangerFullAccess' || req.sandboxPolicy.type === 'externalSandbox';
    return { kind: 'apply', sandboxed: !unconfined };
  }
  if (policy === 'never' || (typeof policy === 'object' && policy.reject.sandbox_approval)) return { kind: 'reject', reason: PATCH_OUTSIDE_PROJECT_REASON };
  return { kind: 'ask', reason: null, grantRoot: null };
}

function staysInWritableRoots(req: PatchRequest): boolean {
  const perms = sandboxPermissions(req.sandboxPolicy, req.cwd, req.env);
  if (!perms) return true;
  return req.paths.every((path) => {
    const absolute = resolve(req.cwd, path);
    // Protected folders (`.git`…) do not count here: 0.113.0 auto-approves a patch to `.git/x` in the cwd.
    return perms.writableRoots.some((root) => isWithin(absolute, root.root));
  });
}

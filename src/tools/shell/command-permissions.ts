/**
 * What a command may do beyond the sandbox, and whether it may ask for that at all: the model's
 * `sandbox_permissions` and `additional_permissions` combined with what the user granted this turn
 * (`request_permissions`), checked as the reference checks them and in its order, so a model that
 * asks wrongly reads the same correction.
 */
import type { SandboxPermissionsRequest } from '../../exec-policy/index.ts';
import type { AskForApproval } from '../../protocol/index.ts';
import { intersectProfiles, isEmptyProfile, mergeProfiles, normalizeRequest, type PermissionProfile } from '../permissions/profile.ts';

export interface PermissionsAsked {
  tool: 'shell' | 'shell_command' | 'exec_command';
  /** The model's `sandbox_permissions`; null when it sent none. */
  sandboxPermissions: SandboxPermissionsRequest | null;
  /** The model's `additional_permissions`, paths already absolute; null when it sent none. */
  additional: PermissionProfile | null;
  /** Everything granted so far this turn; null when nothing was. */
  granted: PermissionProfile | null;
  /** Feature `request_permissions`: commands may have permissions of their own. */
  enabled: boolean;
  approvalPolicy: AskForApproval;
  /** macOS permissions exist only there. */
  onMacOs: boolean;
  realpath: (path: string) => string | null;
}

export type CommandPermissions =
  | {
      ok: true;
      /** What the approval rules go by: asking only for what was granted asks for nothing new. */
      sandboxPermissions: SandboxPermissionsRequest;
      /** What widens the sandbox, and what approval requests show; null: the sandbox as configured. */
      permissions: PermissionProfile | null;
    }
  | { ok: false; refusal: string };

export const DISABLED_REFUSAL = 'additional permissions are disabled; enable `features.request_permission` before using `with_additional_permissions`';
export const MISSING_REFUSAL = 'missing `additional_permissions`; provide at least one of `network`, `file_system`, or `macos` when using `with_additional_permissions`';
export const EMPTY_REFUSAL = '`additional_permissions` must include at least one requested permission in `network`, `file_system`, or `macos`';
export const MACOS_REFUSAL = '`additional_permissions.macos` is only supported on macOS';
export const NOT_ADDITIONAL_REFUSAL = '`additional_permissions` requires `sandbox_permissions` set to `with_additional_permissions`';

export function commandPermissions(asked: PermissionsAsked): CommandPermissions {
  const effective = effectivePermissions(asked);
  const escalation = () => escalationRefusal(asked.tool, effective, asked.approvalPolicy);
  const validation = () => validationRefusal(effective, asked);
  // exec_command turns escalation down before looking at the permissions; the shell tools after.
  const refusal = asked.tool === 'exec_command' ? escalation() ?? validation() : validation() ?? escalation();
  if (refusal !== null) return { ok: false, refusal };
  const additional = effective.sandboxPermissions === 'with_additional_permissions';
  return {
    ok: true,
    sandboxPermissions: effective.preapproved ? 'use_default' : effective.sandboxPermissions,
    permissions: additional ? effective.permissions : null,
  };
}

interface Effective {
  sandboxPermissions: SandboxPermissionsRequest;
  permissions: PermissionProfile | null;
  /** Everything in `permissions` was granted already. */
  preapproved: boolean;
}

/**
 * Unless the command asks to leave the sandbox, the turn's grants join what it asks for, and a
 * command with any permissions at all runs `with_additional_permissions` — also one that set
 * `additional_permissions` without saying so.
 */
function effectivePermissions({ sandboxPermissions, additional, granted, realpath }: PermissionsAsked): Effective {
  const asked = additional && normalizeRequest(additional, realpath);
  if (sandboxPermissions === 'require_escalated') return { sandboxPermissions, permissions: asked, preapproved: false };
  const permissions = asked && granted ? mergeProfiles(asked, granted) : asked ?? granted;
  return {
    sandboxPermissions: permissions ? 'with_additional_permissions' : sandboxPermissions ?? 'use_default',
    permissions,
    preapproved: permissions !== null && granted !== null && sameProfile(intersectProfiles(permissions, granted), permissions),
  };
}

function validationRefusal({ sandboxPermissions, permissions, preapproved }: Effective, asked: PermissionsAsked): string | null {
  const additional = sandboxPermissions === 'with_additional_permissions';
  if (!asked.enabled && (additional || permissions)) return DISABLED_REFUSAL;
  if (!additional) return permissions ? NOT_ADDITIONAL_REFUSAL : null;
  if (!preapproved && asked.approvalPolicy !== 'on-request') {
    return `approval policy is ${rustPolicyName(asked.approvalPolicy)}; reject command — you cannot request additional permissions unless the approval policy is OnRequest`;
  }
  if (!permissions) return MISSING_REFUSAL;
  if (permissions.macos && !asked.onMacOs) return MACOS_REFUSAL;
  return isEmptyProfile(permissions) ? EMPTY_REFUSAL : null;
}

/** Asking for anything beyond the sandbox makes sense only when the user can be asked (or already agreed). */
function escalationRefusal(tool: PermissionsAsked['tool'], { sandboxPermissions, preapproved }: Effective, policy: AskForApproval): string | null {
  if (sandboxPermissions === 'use_default' || preapproved || policy === 'on-request') return null;
  const name = rustPolicyName(policy);
  const verb = tool === 'exec_command' ? 'cannot' : 'should not';
  return `approval policy is ${name}; reject command — you ${verb} ask for escalated permissions if the approval policy is ${name}`;
}

function rustPolicyName(policy: AskForApproval): string {
  if (typeof policy === 'object') {
    const r = policy.reject;
    return `Reject(RejectConfig { sandbox_approval: ${r.sandbox_approval}, rules: ${r.rules}, mcp_elicitations: ${r.mcp_elicitations} })`;
  }
  return { untrusted: 'UnlessTrusted', 'on-failure': 'OnFailure', 'on-request': 'OnRequest', never: 'Never' }[policy];
}

/** Same permissions, whatever order the lists and fields came in. */
function sameProfile(a: PermissionProfile, b: PermissionProfile): boolean {
  const canonical = (p: PermissionProfile) =>
    JSON.stringify([
      p.network?.enabled ?? null,
      p.fileSystem?.read ? [...p.fileSystem.read].sort() : null,
      p.fileSystem?.write ? [...p.fileSystem.write].sort() : null,
      p.macos && [p.macos.preferences, p.macos.automation, p.macos.accessibility, p.macos.calendar],
    ]);
  return canonical(a) === canonical(b);
}

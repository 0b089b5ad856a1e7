import type { SandboxPermissionsRequest } from '../../exec-policy/index.ts';
import type { PermissionProfile } from '../permissions/profile.ts';

export type CommandPermissions =
  | { ok: true; sandboxPermissions: SandboxPermissionsRequest; grant: PermissionProfile | null }
  | { ok: false; refusal: string };

/**
 * How a command runs once the turn's grants (`request_permissions`) are taken into account. As in
 * the reference, a command the model did not ask to escalate runs `with_additional_permissions`
 * when anything was granted — which the reference refuses unless the `request_permissions`
 * feature (additional permissions for commands) is on, even though the user granted them.
 */
export function commandPermissions(requested: string | null, granted: PermissionProfile | null, additionalPermissionsEnabled: boolean): CommandPermissions {
  // The arguments' parser has checked it is one of the three values.
  const sandboxPermissions = (requested ?? 'use_default') as SandboxPermissionsRequest;
  if (sandboxPermissions === 'require_escalated') return { ok: true, sandboxPermissions, grant: null };
  if ((sandboxPermissions === 'with_additional_permissions' || granted) && !additionalPermissionsEnabled) {
    return { ok: false, refusal: 'additional permissions are disabled; enable `features.request_permission` before using `with_additional_permissions`' };
  }
  return granted ? { ok: true, sandboxPermissions: 'with_additional_permissions', grant: granted } : { ok: true, sandboxPermissions, grant: null };
}

import { PERMISSION_PROFILE } from './permission-profile.ts';
import { string, stringArray, type JsonSchema } from './types.ts';

/**
 * The parameters every command tool shares for asking for more than the sandbox allows. The
 * permissions developer message explains when to use them; these descriptions only say what
 * each one carries. With `additionalPermissions` (feature `request_permissions`) a command may
 * also ask to stay sandboxed with a few extra permissions.
 */
export function escalationParams(additionalPermissions: boolean): Record<string, JsonSchema> {
  return {
    sandbox_permissions: string(additionalPermissions ? SANDBOX_PERMISSIONS_WITH_ADDITIONAL : SANDBOX_PERMISSIONS),
    ...(additionalPermissions ? { additional_permissions: PERMISSION_PROFILE } : {}),
    justification: string(
      'Only with sandbox_permissions "require_escalated": one short question shown to the user that says why the command needs to run outside the sandbox, e.g. "Allow installing the project\'s npm dependencies from the registry?"',
    ),
    prefix_rule: stringArray(
      'Only with sandbox_permissions "require_escalated": an optional command prefix (program and leading arguments, e.g. ["npm", "test"]) the user may approve once for similar commands later. Keep it narrow; never suggest one for destructive commands or for commands using heredocs.',
    ),
  };
}

const SANDBOX_PERMISSIONS =
  'How the command is sandboxed. Leave unset (or "use_default") to run inside the sandbox; "require_escalated" asks the user to run it without sandbox restrictions.';

const SANDBOX_PERMISSIONS_WITH_ADDITIONAL =
  'How the command is sandboxed. Leave unset (or "use_default") to run inside the sandbox; "with_additional_permissions" keeps it sandboxed but asks the user for what additional_permissions lists (preferred; relative paths there start at workdir); "require_escalated" asks to run it without sandbox restrictions.';

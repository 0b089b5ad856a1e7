import { string, stringArray, type JsonSchema } from './types.ts';

/**
 * The parameters every command tool shares for asking to run outside the sandbox. The
 * permissions developer message explains when to use them; these descriptions only say what
 * each one carries.
 */
export const ESCALATION_PARAMS: Record<string, JsonSchema> = {
  sandbox_permissions: string(
    'How the command is sandboxed. Leave unset (or "use_default") to run inside the sandbox; "require_escalated" asks the user to run it without sandbox restrictions.',
  ),
  justification: string(
    'Only with sandbox_permissions "require_escalated": one short question shown to the user that says why the command needs to run outside the sandbox, e.g. "Allow installing the project\'s npm dependencies from the registry?"',
  ),
  prefix_rule: stringArray(
    'Only with sandbox_permissions "require_escalated": an optional command prefix (program and leading arguments, e.g. ["npm", "test"]) the user may approve once for similar commands later. Keep it narrow; never suggest one for destructive commands or for commands using heredocs.',
  ),
};

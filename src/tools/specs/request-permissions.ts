import { boolean, closedObject, functionTool, string, stringArray, type JsonSchema } from './types.ts';

/** The profile the model asks for; the same shape commands take as `additional_permissions`. */
const PERMISSION_PROFILE: JsonSchema = closedObject({
  network: closedObject({ enabled: boolean('true asks for network access.') }),
  file_system: closedObject({
    read: stringArray('Absolute paths the commands need to read.'),
    write: stringArray('Absolute paths the commands need to write.'),
  }),
  macos: closedObject({
    preferences: string('Access to macOS preferences: `none`, `read_only` or `read_write`.'),
    automations: stringArray('Bundle identifiers of the apps to automate.'),
    accessibility: boolean('true asks for macOS accessibility access.'),
    calendar: boolean('true asks for macOS calendar access.'),
  }),
});

export const REQUEST_PERMISSIONS = functionTool(
  'request_permissions',
  'Ask the user for permissions beyond the sandbox (network access, more paths to read or write) and wait for the answer. The user may grant all, part or none of it; what is granted applies to the shell commands run later in this turn.',
  closedObject(
    {
      reason: string('A short explanation, shown to the user, of why the permissions are needed.'),
      permissions: PERMISSION_PROFILE,
    },
    ['permissions'],
  ),
);

import { boolean, closedObject, string, stringArray, type JsonSchema } from './types.ts';

/**
 * A set of permissions beyond the sandbox: what `request_permissions` asks for, and what a command
 * asks for in `additional_permissions`. Every part is optional.
 */
export const PERMISSION_PROFILE: JsonSchema = closedObject({
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

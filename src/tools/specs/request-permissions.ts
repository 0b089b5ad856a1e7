import { PERMISSION_PROFILE } from './permission-profile.ts';
import { closedObject, functionTool, string } from './types.ts';

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

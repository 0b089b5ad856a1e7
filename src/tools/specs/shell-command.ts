import { escalationParams } from './escalation-params.ts';
import { boolean, closedObject, functionTool, number, string } from './types.ts';

/** A command line run by the user's shell to completion. */
export const shellCommandTool = (additionalPermissions: boolean) =>
  functionTool(
    'shell_command',
    "Run a command line in the user's shell to completion and return its exit code and output. Always set workdir instead of using cd.",
    closedObject(
      {
        command: string('The command line, as you would type it in the shell.'),
        workdir: string('Directory to run the command in.'),
        login: boolean('Run the shell as a login shell so profile files are loaded (default true).'),
        timeout_ms: number('Time limit for the command, in milliseconds.'),
        ...escalationParams(additionalPermissions),
      },
      ['command'],
    ),
  );

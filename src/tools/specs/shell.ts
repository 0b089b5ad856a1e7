import { escalationParams } from './escalation-params.ts';
import { closedObject, functionTool, number, string, stringArray } from './types.ts';

/** The classic command tool: an argv run to completion, no shell in between unless asked for. */
export const shellTool = (additionalPermissions: boolean) =>
  functionTool(
    'shell',
    'Run a command to completion and return its exit code and output. The command is an argument vector, executed directly: for pipes, redirections or globbing run a shell explicitly, e.g. ["bash", "-lc", "ls | head"]. Always set workdir instead of using cd.',
    closedObject(
      {
        command: stringArray('The program and its arguments.'),
        workdir: string('Directory to run the command in.'),
        timeout_ms: number('Time limit for the command, in milliseconds.'),
        ...escalationParams(additionalPermissions),
      },
      ['command'],
    ),
  );

import { escalationParams } from './escalation-params.ts';
import { boolean, closedObject, functionTool, number, string } from './types.ts';

/** Unified exec: a command in a PTY-capable session that may outlive the call (see write_stdin). */
export const execCommandTool = (additionalPermissions: boolean) =>
  functionTool(
    'exec_command',
    'Run a shell command and return its output; a command still running when the call yields keeps a session for write_stdin.',
    closedObject(
      {
        cmd: string('The command line to run.'),
        workdir: string('Directory to run the command in; defaults to the turn\'s working directory.'),
        shell: string('Shell binary to run the command with; defaults to the user\'s shell.'),
        login: boolean('Run the shell as a login shell so profile files are loaded (default true).'),
        tty: boolean('Attach a terminal (PTY) to the command. Needed for interactive programs; default false.'),
        yield_time_ms: number('Milliseconds to wait for output before returning control; the command keeps running.'),
        max_output_tokens: number('Upper bound on the output tokens returned; longer output is truncated.'),
        ...escalationParams(additionalPermissions),
      },
      ['cmd'],
    ),
  );

import { closedObject, functionTool, number, string } from './types.ts';

export const WRITE_STDIN = functionTool(
  'write_stdin',
  'Send input to a command started by exec_command that is still running, and return the output since the last call.',
  closedObject(
    {
      session_id: number('The session id exec_command reported for the running command.'),
      chars: string('Text to write to the command\'s stdin; empty to just collect new output.'),
      yield_time_ms: number('Milliseconds to wait for output before returning control; the command keeps running.'),
      max_output_tokens: number('Upper bound on the output tokens returned; longer output is truncated.'),
    },
    ['session_id'],
  ),
);

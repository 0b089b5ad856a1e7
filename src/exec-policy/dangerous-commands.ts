/**
 * Commands the reference never runs unasked, whatever the approval policy (and refuses under
 * `never`). 0.113.0's list is short: `rm -f` / `rm -rf` written exactly so, also behind `sudo`,
 * also inside a `bash|zsh|sh -c|-lc` script of plain commands. Git subcommands, `rm -fr`,
 * `rm -r -f` and `/bin/rm -f` are not on it (checked against the binary).
 */
import { plainShellCommands } from './shell-commands.ts';

export function commandMightBeDangerous(argv: readonly string[]): boolean {
  if (isDangerousToExec(argv)) return true;
  return plainShellCommands(argv)?.some(isDangerousToExec) ?? false;
}

function isDangerousToExec(command: readonly string[]): boolean {
  switch (command[0]) {
    case 'rm':
      return command[1] === '-f' || command[1] === '-rf';
    case 'sudo':
      return isDangerousToExec(command.slice(1));
    default:
      return false;
  }
}

/**
 * Which shell runs a command line (`shell_command`, `exec_command`): the user's login shell when
 * it is bash, zsh or sh, else /bin/sh; or the shell the model names. As in the reference, a script
 * runs as `[shell, -lc, script]`, or `-c` when no login shell is wanted.
 */
import { accessSync, constants } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, delimiter, join } from 'node:path';

const KNOWN = new Set(['bash', 'zsh', 'sh']);

/** The user's shell from the password database, once. */
let userShell: string | undefined;

export function defaultShell(): string {
  if (userShell === undefined) {
    let shell = '';
    try {
      shell = userInfo().shell ?? '';
    } catch {
      // No password entry (some containers): fall back below.
    }
    userShell = KNOWN.has(shellType(shell) ?? '') && executable(shell) ? shell : '/bin/sh';
  }
  return userShell;
}

/** The shell for a model-provided path or name; unknown shells fall back to /bin/sh. */
export function modelShell(requested: string): string {
  const type = shellType(requested);
  if (type === null) return '/bin/sh';
  if (requested.includes('/') && executable(requested)) return requested;
  const found = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, type)).find(executable);
  return found ?? `/bin/${type}`;
}

export const shellArgv = (shell: string, script: string, login: boolean): string[] => [shell, login ? '-lc' : '-c', script];

function shellType(path: string): string | null {
  const name = basename(path);
  const stem = name.includes('.', 1) ? name.slice(0, name.lastIndexOf('.')) : name;
  return KNOWN.has(path) ? path : KNOWN.has(stem) ? stem : null;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

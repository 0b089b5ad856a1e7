import { basename } from 'node:path';
import { defaultShell } from '../../tools/shell/user-shell.ts';

export interface UserShell {
  /** e.g. "bash", what the environment context reports. */
  name: string;
  path: string;
}

/** The shell commands run in, so the model is told the truth about it. */
export function userShell(): UserShell {
  const path = defaultShell();
  return { name: basename(path), path };
}

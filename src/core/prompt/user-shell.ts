import { userInfo } from 'node:os';
import { basename } from 'node:path';

export interface UserShell {
  /** e.g. "bash", what the environment context reports. */
  name: string;
  path: string;
}

/**
 * The login shell from the user database, as the reference takes it (it ignores $SHELL when the
 * database answers); $SHELL, then /bin/sh, when it does not.
 */
export function userShell(env: NodeJS.ProcessEnv = process.env): UserShell {
  const path = databaseShell() ?? env.SHELL ?? '/bin/sh';
  return { name: basename(path), path };
}

function databaseShell(): string | undefined {
  try {
    return userInfo().shell ?? undefined;
  } catch {
    // No entry for this uid, as in some containers.
    return undefined;
  }
}

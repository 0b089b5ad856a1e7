/** A failure the user can fix (bad config, port in use…): printed as one message, exit status 1. */
export class CliError extends Error {}

/** A command-line mistake: printed with the relevant help, exit status 2 (as clap does). */
export class UsageError extends Error {
  constructor(message: string, readonly help?: string) {
    super(message);
  }
}

/** Reports a failure on stderr; a stack trace only for what is really a bug. */
export function fail(err: unknown): void {
  if (err instanceof UsageError) {
    process.stderr.write(`error: ${err.message}\n${err.help ? `\n${err.help}` : ''}`);
    process.exitCode = 2;
  } else if (err instanceof CliError) {
    process.stderr.write(`error: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  }
}

import { mkdirSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from './errors.ts';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where config and state live. Like the reference: a non-empty `CODEX_HOME` must name an existing
 * directory (it is never created; the reference refuses to start otherwise) and is canonicalised;
 * without it `~/.codex` is used and created when missing.
 *
 * Synchronous file calls on purpose: this runs once at start-up, where the first asynchronous one
 * would also pay for starting libuv's thread pool (measured: ~0.5 ms sync against 1–30 ms).
 */
export function resolveCodexHome(env: Env, cwd: string = process.cwd()): string {
  const configured = env['CODEX_HOME'];
  if (configured) {
    const path = resolve(cwd, configured);
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) throw codexHomeError(configured, 'does not exist');
    if (!info.isDirectory()) throw codexHomeError(configured, 'is not a directory');
    return realpathSync(path);
  }
  const home = join(env['HOME'] || homedir(), '.codex');
  mkdirSync(home, { recursive: true });
  return home;
}

function codexHomeError(configured: string, problem: string): ConfigError {
  return new ConfigError(`CODEX_HOME points to ${JSON.stringify(configured)}, but that path ${problem}`);
}

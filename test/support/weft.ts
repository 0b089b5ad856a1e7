import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RpcClient } from './rpc-client.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEFT_BIN = join(REPO_ROOT, 'bin', 'weft');

/** A temporary HOME + CODEX_HOME + cwd, removed by `dispose`. */
export interface TempHome {
  root: string;
  home: string;
  codexHome: string;
  cwd: string;
  dispose(): void;
}

export function tempHome(configToml = ''): TempHome {
  const root = mkdtempSync(join(tmpdir(), 'weft-test-'));
  const home = join(root, 'home');
  const codexHome = join(root, 'codex-home');
  const cwd = join(root, 'work');
  for (const dir of [home, codexHome, cwd]) mkdirSync(dir);
  if (configToml) writeFileSync(join(codexHome, 'config.toml'), configToml);
  return { root, home, codexHome, cwd, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

export interface WeftProcess {
  proc: ChildProcessWithoutNullStreams;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Resolves once stderr matches `pattern` (stderr and stdout arrive independently). */
  stderrMatching(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  kill(): Promise<void>;
}

/** Spawns `bin/weft <args>` in a temporary home. */
export function spawnWeft(args: string[], home: TempHome, env: Record<string, string> = {}): WeftProcess {
  const proc = spawn(WEFT_BIN, args, {
    cwd: home.cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home.home,
      CODEX_HOME: home.codexHome,
      TMPDIR: tmpdir(),
      RUST_LOG: 'warn',
      ...env,
    },
  });
  let err = '';
  const stderrWaiters = new Set<() => void>();
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (d: string) => {
    err += d;
    for (const check of stderrWaiters) check();
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    stderr: () => err,
    stderrMatching: (pattern, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(err)) return;
          stderrWaiters.delete(check);
          clearTimeout(timer);
          resolve(err);
        };
        const timer = setTimeout(() => {
          stderrWaiters.delete(check);
          reject(new Error(`stderr never matched ${pattern}: ${err}`));
        }, timeoutMs);
        stderrWaiters.add(check);
        check();
      }),
    exited,
    kill: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** A server on stdio with a client attached to it. */
export async function startStdio(home: TempHome, extraArgs: string[] = [], env: Record<string, string> = {}) {
  const weft = spawnWeft(['app-server', ...extraArgs], home, env);
  const client = RpcClient.overStdio(weft.proc);
  return { weft, client };
}

/** A server listening on a websocket port; connect clients with `connect()`. */
export async function startWebSocket(home: TempHome, extraArgs: string[] = [], env: Record<string, string> = {}) {
  const port = await freePort();
  const weft = spawnWeft(['app-server', '--listen', `ws://127.0.0.1:${port}`, ...extraArgs], home, env);
  const url = `ws://127.0.0.1:${port}`;
  await waitForPort(port, weft);
  return { weft, url, port, connect: (headers?: Record<string, string>) => RpcClient.overWebSocket(url, headers) };
}

async function waitForPort(port: number, weft: WeftProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (weft.proc.exitCode !== null) throw new Error(`server exited: ${weft.stderr()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`server did not listen on ${port}: ${weft.stderr()}`);
}

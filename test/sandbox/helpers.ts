// Temporary workspaces and sandboxed runs for the sandbox tests.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { SandboxPolicy } from '../../src/protocol/index.ts';
import { sandboxCommand } from '../../src/sandbox/index.ts';

export interface Scratch {
  /** The directory holding the others (a realpath). */
  base: string;
  /** The workspace: the policy's cwd. */
  ws: string;
  /** A sibling of the workspace that no policy makes writable. */
  outside: string;
}

export function scratch(t: TestContext): Scratch {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'weft-sandbox-')));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const ws = join(base, 'ws');
  const outside = join(base, 'outside');
  mkdirSync(ws);
  mkdirSync(outside);
  return { base, ws, outside };
}

/** workspace-write with nothing writable but the cwd (so that scratch dirs under /tmp stay outside). */
export const workspaceOnly = (extra: Partial<Extract<SandboxPolicy, { type: 'workspaceWrite' }>> = {}): SandboxPolicy => ({
  type: 'workspaceWrite',
  writableRoots: [],
  readOnlyAccess: { type: 'fullAccess' },
  networkAccess: false,
  excludeTmpdirEnvVar: true,
  excludeSlashTmp: true,
  ...extra,
});

export interface Run {
  code: number | null;
  output: string;
}

/** Runs `sh -c script` under `policy` with cwd `cwd`, collecting stdout and stderr together. */
export function runSandboxed(policy: SandboxPolicy, cwd: string, script: string, env: NodeJS.ProcessEnv = { PATH: process.env.PATH }): Promise<Run> {
  const cmd = sandboxCommand(['sh', '-c', script], { policy, cwd, env });
  return new Promise((resolve, reject) => {
    const child = spawn(cmd.argv[0]!, cmd.argv.slice(1), { cwd, env: cmd.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

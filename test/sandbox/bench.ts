// Measures what bwrap adds to each command: median wall time from spawn to exit of `true`, bare
// and sandboxed. Not a test (nothing is asserted); run it by hand:
//   node --import tsx test/sandbox/bench.ts [runs]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxPolicy } from '../../src/protocol/index.ts';
import { sandboxCommand } from '../../src/sandbox/index.ts';

const runs = Number(process.argv[2] ?? 101);
const cwd = mkdtempSync(join(tmpdir(), 'weft-sandbox-bench-'));
mkdirSync(join(cwd, '.git'));
const env = { PATH: process.env.PATH };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function once(argv: string[]): Promise<number> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    spawn(argv[0]!, argv.slice(1), { cwd, env, stdio: 'ignore' })
      .on('error', reject)
      .on('exit', () => resolve(performance.now() - t));
  });
}

async function time(label: string, policy: SandboxPolicy): Promise<void> {
  // Building the arguments (realpath, stat of the protected folders) is part of the cost.
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const { argv } = sandboxCommand(['true'], { policy, cwd, env });
    const build = performance.now() - t;
    samples.push(build + (await once(argv)));
  }
  console.log(`${label.padEnd(28)} ${median(samples).toFixed(1)} ms`);
}

await time('bare', { type: 'dangerFullAccess' });
await time('read-only', { type: 'readOnly', access: { type: 'fullAccess' }, networkAccess: false });
await time('workspace-write', { type: 'workspaceWrite' });
await time('workspace-write + network', { type: 'workspaceWrite', networkAccess: true });
await time('read-only, restricted reads', { type: 'readOnly', access: { type: 'restricted' } });
rmSync(cwd, { recursive: true, force: true });

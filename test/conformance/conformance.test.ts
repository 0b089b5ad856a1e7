import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, WEFT_BIN } from '../support/weft.ts';

/**
 * Runs the conformance scenarios this project has made pass, over each transport, against the
 * goldens recorded from the reference: the shared ones (`stdio`, `ws`) and our own (`own`, in
 * ./scenarios with goldens in ./golden, recorded from the reference 0.113.0 the same way, run over
 * both transports). The lists only grow: a scenario that passed once must keep passing.
 */
const expected: Record<'stdio' | 'ws' | 'own', string[]> = JSON.parse(
  readFileSync(new URL('./expected-passing.json', import.meta.url), 'utf8'),
);

// The runner needs `ws`; a copy inside the repository resolves it from our own node_modules,
// whatever the shared folder (read-only in CI) has installed.
const shared = join(REPO_ROOT, '..', 'shared', 'conformance');
const harness = join(REPO_ROOT, '.work', 'conformance');

function prepareHarness(): void {
  rmSync(harness, { recursive: true, force: true });
  cpSync(shared, harness, { recursive: true, filter: (src) => !src.includes('node_modules') });
}

const own = join(REPO_ROOT, 'test', 'conformance');

function runScenarios(transport: 'stdio' | 'ws', names: string[], dir = harness): Promise<{ code: number | null; output: string }> {
  const args = [
    join(harness, 'run.mjs'),
    '--server', `${WEFT_BIN} app-server`,
    '--transport', transport,
    '--golden', join(dir, 'golden'),
    '--scenario', ...names.map((n) => join(dir, 'scenarios', `${n}.json`)),
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

test('conformance scenarios match the reference goldens', { skip: !existsSync(shared) && 'no ../shared/conformance' }, async (t) => {
  prepareHarness();
  for (const transport of ['stdio', 'ws'] as const) {
    const names = expected[transport];
    if (!names.length) continue;
    await t.test(`${transport}: ${names.join(', ')}`, async () => {
      const { code, output } = await runScenarios(transport, names);
      const last = output.trim().split('\n').pop() ?? '';
      assert.equal(code, 0, output);
      assert.equal(last, `${names.length} passed, 0 failed`, output);
    });
  }
  for (const transport of ['stdio', 'ws'] as const) {
    await t.test(`own scenarios, ${transport}: ${expected.own.join(', ')}`, async () => {
      const { code, output } = await runScenarios(transport, expected.own, own);
      const last = output.trim().split('\n').pop() ?? '';
      assert.equal(code, 0, output);
      assert.equal(last, `${expected.own.length} passed, 0 failed`, output);
    });
  }
});

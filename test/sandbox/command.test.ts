import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isSandboxAvailable, sandboxCommand } from '../../src/sandbox/index.ts';
import { scratch, workspaceOnly } from './helpers.ts';

const env = { PATH: '/usr/bin:/bin' };

test('full access runs the command as it is', () => {
  assert.deepEqual(sandboxCommand(['ls'], { policy: { type: 'dangerFullAccess' }, cwd: '/w', env }), { argv: ['ls'], env, sandboxed: false });
});

test('an external sandbox runs it as it is, telling it when the network is off', () => {
  const cmd = sandboxCommand(['ls'], { policy: { type: 'externalSandbox', networkAccess: 'restricted' }, cwd: '/w', env });
  assert.deepEqual(cmd, { argv: ['ls'], env: { ...env, CODEX_SANDBOX_NETWORK_DISABLED: '1' }, sandboxed: false });
  assert.equal(sandboxCommand(['ls'], { policy: { type: 'externalSandbox', networkAccess: 'enabled' }, cwd: '/w', env }).env.CODEX_SANDBOX_NETWORK_DISABLED, undefined);
});

test('on Linux: bwrap, starting in the realpath of the workdir, the command last', { skip: process.platform !== 'linux' || !isSandboxAvailable() }, (t) => {
  const { base, ws } = scratch(t);
  symlinkSync(ws, join(base, 'link'));
  const cmd = sandboxCommand(['ls', '-l'], { policy: workspaceOnly(), cwd: ws, env, workdir: join(base, 'link') });
  assert.equal(cmd.sandboxed, true);
  assert.match(cmd.argv[0]!, /\/bwrap$/);
  assert.deepEqual(cmd.argv.slice(cmd.argv.indexOf('--chdir')), ['--chdir', ws, '--', 'ls', '-l']);
  assert.ok(cmd.argv.includes('--new-session'));
  assert.ok(!sandboxCommand(['ls'], { policy: workspaceOnly(), cwd: ws, env, tty: true }).argv.includes('--new-session'));
});

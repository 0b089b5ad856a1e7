import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { SandboxPolicy } from '../../src/protocol/index.ts';
import { sandboxPermissions } from '../../src/sandbox/policy.ts';
import { resolveOnDisk } from '../../src/sandbox/resolve.ts';
import { scratch, workspaceOnly } from './helpers.ts';

const protectedIn = (root: string) => [join(root, '.git'), join(root, '.codex'), join(root, '.agents')];

test('no sandbox for full access and for an external sandbox', () => {
  assert.equal(sandboxPermissions({ type: 'dangerFullAccess' }, '/w', {}), null);
  assert.equal(sandboxPermissions({ type: 'externalSandbox', networkAccess: 'restricted' }, '/w', {}), null);
});

test('read-only: reads everything, writes nothing, network per policy', () => {
  assert.deepEqual(sandboxPermissions({ type: 'readOnly', access: { type: 'fullAccess' }, networkAccess: false }, '/w', {}), {
    readableRoots: null,
    includePlatformDefaults: false,
    writableRoots: [],
    networkAccess: false,
  });
  assert.equal(sandboxPermissions({ type: 'readOnly', networkAccess: true }, '/w', {})?.networkAccess, true);
});

test('read-only with restricted reads can still read its cwd', () => {
  const policy: SandboxPolicy = { type: 'readOnly', access: { type: 'restricted', readableRoots: ['/data'] } };
  assert.deepEqual(sandboxPermissions(policy, '/w', {}), {
    readableRoots: ['/data', '/w'],
    includePlatformDefaults: true,
    writableRoots: [],
    networkAccess: false,
  });
});

test('workspace-write: configured roots, cwd, /tmp and $TMPDIR, each with its protected folders', () => {
  const perms = sandboxPermissions({ type: 'workspaceWrite', writableRoots: ['/extra'] }, '/w', { TMPDIR: '/var/tmp/me/' });
  assert.deepEqual(perms, {
    readableRoots: null,
    includePlatformDefaults: false,
    writableRoots: ['/extra', '/w', '/tmp', '/var/tmp/me'].map((root) => ({ root, readOnlySubpaths: protectedIn(root) })),
    networkAccess: false,
  });
});

test('workspace-write: the exclusions, a relative TMPDIR, and duplicates', () => {
  const roots = (policy: SandboxPolicy, env: NodeJS.ProcessEnv) =>
    sandboxPermissions(policy, '/w', env)!.writableRoots.map((r) => r.root);
  assert.deepEqual(roots({ type: 'workspaceWrite', excludeSlashTmp: true, excludeTmpdirEnvVar: true }, { TMPDIR: '/t' }), ['/w']);
  assert.deepEqual(roots({ type: 'workspaceWrite' }, { TMPDIR: 'rel' }), ['/w', '/tmp']);
  assert.deepEqual(roots({ type: 'workspaceWrite', writableRoots: ['/w', '/tmp/'] }, { TMPDIR: '/tmp' }), ['/w', '/tmp']);
});

test('workspace-write with restricted reads can read its writable roots', () => {
  const policy = workspaceOnly({ readOnlyAccess: { type: 'restricted', includePlatformDefaults: false, readableRoots: ['/data'] } });
  const perms = sandboxPermissions(policy, '/w', {})!;
  assert.deepEqual([perms.readableRoots, perms.includePlatformDefaults], [['/data', '/w'], false]);
});

test('on disk: roots become realpaths, missing roots and missing protected folders are dropped', (t) => {
  const { base, ws } = scratch(t);
  mkdirSync(join(ws, '.git'));
  mkdirSync(join(ws, '.agents'));
  symlinkSync(ws, join(base, 'link'));
  const policy = workspaceOnly({ writableRoots: [join(base, 'missing')] });
  const perms = resolveOnDisk(sandboxPermissions(policy, join(base, 'link'), {})!);
  assert.deepEqual(perms.writableRoots, [{ root: ws, readOnlySubpaths: [join(ws, '.git'), join(ws, '.agents')] }]);
});

test('on disk: a worktree .git file protects its gitdir too, when that is writable', (t) => {
  const { ws, outside } = scratch(t);
  mkdirSync(join(outside, 'worktrees', 'ws'), { recursive: true });
  writeFileSync(join(ws, '.git'), `gitdir: ../outside/worktrees/ws\n`);
  const perms = resolveOnDisk(sandboxPermissions(workspaceOnly({ writableRoots: [outside] }), ws, {})!);
  assert.deepEqual(perms.writableRoots.find((r) => r.root === ws)?.readOnlySubpaths, [join(ws, '.git'), join(outside, 'worktrees', 'ws')]);
  // Not writable anyway: nothing to protect.
  const alone = resolveOnDisk(sandboxPermissions(workspaceOnly(), ws, {})!);
  assert.deepEqual(alone.writableRoots[0]?.readOnlySubpaths, [join(ws, '.git')]);
});

test('on disk: a protected folder that is a symlink is protected where it points, if that is writable', (t) => {
  const { ws, outside } = scratch(t);
  mkdirSync(join(ws, 'real-git'));
  symlinkSync(join(ws, 'real-git'), join(ws, '.git'));
  symlinkSync(outside, join(ws, '.codex'));
  const perms = resolveOnDisk(sandboxPermissions(workspaceOnly(), ws, {})!);
  assert.deepEqual(perms.writableRoots[0]?.readOnlySubpaths, [join(ws, 'real-git')]);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bwrapArgs, LINUX_PLATFORM_READ_ROOTS } from '../../src/sandbox/bubblewrap.ts';
import type { SandboxPermissions } from '../../src/sandbox/policy.ts';

const readOnly: SandboxPermissions = { readableRoots: null, includePlatformDefaults: false, writableRoots: [], networkAccess: false };
const opts = { workdir: '/w', tty: false };

test('read-only, no network: the whole tree read-only, namespaces, no capabilities', () => {
  assert.deepEqual(bwrapArgs(['ls', '-l'], readOnly, opts), [
    '--new-session', '--die-with-parent',
    '--unshare-user', '--unshare-pid', '--unshare-ipc', '--unshare-net',
    '--cap-drop', 'ALL',
    '--ro-bind', '/', '/',
    '--dev', '/dev',
    '--proc', '/proc',
    '--ro-bind', '/proc/sys', '/proc/sys',
    '--chdir', '/w',
    '--', 'ls', '-l',
  ]);
});

test('network allowed keeps the network namespace; a PTY keeps its session', () => {
  const args = bwrapArgs(['true'], { ...readOnly, networkAccess: true }, { workdir: '/w', tty: true });
  assert.ok(!args.includes('--unshare-net'));
  assert.ok(!args.includes('--new-session'));
});

test('writable roots are bound after /dev, their protected subpaths read-only after all of them', () => {
  const perms: SandboxPermissions = {
    ...readOnly,
    writableRoots: [
      { root: '/w', readOnlySubpaths: ['/w/.git'] },
      { root: '/tmp', readOnlySubpaths: [] },
    ],
  };
  const args = bwrapArgs(['true'], perms, opts);
  const mounts = args.slice(args.indexOf('--dev'), args.indexOf('--proc'));
  assert.deepEqual(mounts, ['--dev', '/dev', '--bind', '/w', '/w', '--bind', '/tmp', '/tmp', '--ro-bind', '/w/.git', '/w/.git']);
});

test('restricted reads: an empty read-only root with the platform folders and the readable roots', () => {
  const perms: SandboxPermissions = {
    readableRoots: ['/data', '/w/docs'],
    includePlatformDefaults: true,
    writableRoots: [{ root: '/w', readOnlySubpaths: [] }],
    networkAccess: false,
  };
  const args = bwrapArgs(['true'], perms, opts);
  const view = args.slice(args.indexOf('--tmpfs'), args.indexOf('--dev'));
  assert.deepEqual(view, [
    '--tmpfs', '/',
    ...LINUX_PLATFORM_READ_ROOTS.flatMap((p) => ['--ro-bind-try', p, p]),
    // /w/docs is inside the writable /w: that bind covers it.
    '--ro-bind', '/data', '/data',
  ]);
  assert.deepEqual(args.slice(args.indexOf('--remount-ro'), args.indexOf('--chdir')), ['--remount-ro', '/']);
});

// The macOS profile cannot run here: these check the generated SBPL text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SandboxPermissions } from '../../src/sandbox/policy.ts';
import { seatbeltArgs, seatbeltProfile } from '../../src/sandbox/seatbelt.ts';

const readOnly: SandboxPermissions = { readableRoots: null, includePlatformDefaults: false, writableRoots: [], networkAccess: false };
const lines = (profile: string) => profile.trim().split('\n');

test('read-only: closed by default, reads allowed, no write or network rule', () => {
  const { profile, params } = seatbeltProfile(readOnly);
  assert.equal(lines(profile)[0], '(version 1)');
  assert.equal(lines(profile)[1], '(deny default)');
  assert.ok(lines(profile).includes('(allow file-read*)'));
  assert.ok(!profile.includes('file-write*\n'));
  assert.ok(!profile.includes('network-outbound'));
  assert.deepEqual(params, []);
});

test('workspace-write: writes under each root except its protected subpaths, paths as parameters', () => {
  const { profile, params } = seatbeltProfile({
    ...readOnly,
    writableRoots: [
      { root: '/Users/me/proj', readOnlySubpaths: ['/Users/me/proj/.git', '/Users/me/proj/.codex'] },
      { root: '/private/tmp', readOnlySubpaths: [] },
    ],
  });
  assert.ok(profile.endsWith([
    '(allow file-write*',
    '  (require-all (subpath (param "WRITABLE_ROOT_0")) (require-not (subpath (param "WRITABLE_ROOT_0_RO_0")))' +
      ' (require-not (subpath (param "WRITABLE_ROOT_0_RO_1"))))',
    '  (subpath (param "WRITABLE_ROOT_1")))',
    '',
  ].join('\n')), profile);
  assert.deepEqual(params, [
    ['WRITABLE_ROOT_0', '/Users/me/proj'],
    ['WRITABLE_ROOT_0_RO_0', '/Users/me/proj/.git'],
    ['WRITABLE_ROOT_0_RO_1', '/Users/me/proj/.codex'],
    ['WRITABLE_ROOT_1', '/private/tmp'],
  ]);
});

test('network allowed adds sockets and the DNS/TLS services', () => {
  const { profile } = seatbeltProfile({ ...readOnly, networkAccess: true });
  assert.ok(lines(profile).includes('(allow network-outbound network-inbound system-socket)'));
  assert.ok(profile.includes('(global-name "com.apple.SystemConfiguration.DNSConfiguration")'));
});

test('restricted reads: only the readable and writable roots and the platform folders', () => {
  const { profile, params } = seatbeltProfile({
    readableRoots: ['/data'],
    includePlatformDefaults: true,
    writableRoots: [{ root: '/w', readOnlySubpaths: [] }],
    networkAccess: false,
  });
  assert.ok(!lines(profile).includes('(allow file-read*)'));
  assert.ok(profile.includes('(allow file-read*\n  (subpath (param "READABLE_ROOT_0"))\n  (subpath (param "WRITABLE_ROOT_0"))\n  (subpath "/bin")'));
  assert.deepEqual(params, [['READABLE_ROOT_0', '/data'], ['WRITABLE_ROOT_0', '/w']]);
});

test('sandbox-exec arguments: the profile, one -D per parameter, then the command', () => {
  const perms = { ...readOnly, writableRoots: [{ root: '/w', readOnlySubpaths: [] }] };
  assert.deepEqual(seatbeltArgs(['ls', '-l'], perms), ['-p', seatbeltProfile(perms).profile, '-DWRITABLE_ROOT_0=/w', '--', 'ls', '-l']);
});

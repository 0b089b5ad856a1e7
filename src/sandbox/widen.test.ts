import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SandboxPolicy } from '../protocol/index.ts';
import { widenSandboxPolicy, type SandboxGrant } from './widen.ts';

const grant = (g: Partial<SandboxGrant>): SandboxGrant => ({ networkAccess: false, readableRoots: [], writableRoots: [], ...g });

test('workspace-write gains the granted writable roots (once each) and the network', () => {
  const policy: SandboxPolicy = { type: 'workspaceWrite', writableRoots: ['/a'], networkAccess: false, excludeSlashTmp: true, excludeTmpdirEnvVar: true };
  assert.deepEqual(widenSandboxPolicy(policy, grant({ writableRoots: ['/a', '/b'], networkAccess: true })), {
    type: 'workspaceWrite',
    writableRoots: ['/a', '/b'],
    readOnlyAccess: { type: 'fullAccess' },
    networkAccess: true,
    excludeSlashTmp: true,
    excludeTmpdirEnvVar: true,
  });
});

test('granted reads extend restricted reads only', () => {
  const restricted: SandboxPolicy = { type: 'readOnly', access: { type: 'restricted', includePlatformDefaults: false, readableRoots: ['/r'] }, networkAccess: false };
  assert.deepEqual(widenSandboxPolicy(restricted, grant({ readableRoots: ['/s'] })), {
    type: 'readOnly',
    access: { type: 'restricted', includePlatformDefaults: false, readableRoots: ['/r', '/s'] },
    networkAccess: false,
  });
  const full: SandboxPolicy = { type: 'readOnly', access: { type: 'fullAccess' }, networkAccess: false };
  assert.deepEqual(widenSandboxPolicy(full, grant({ readableRoots: ['/s'] })), full);
});

test('read-only given writable paths becomes workspace-write over them, temporary directories included, as under the reference', () => {
  const policy: SandboxPolicy = { type: 'readOnly', access: { type: 'fullAccess' }, networkAccess: true };
  assert.deepEqual(widenSandboxPolicy(policy, grant({ writableRoots: ['/w', '/w'] })), {
    type: 'workspaceWrite',
    writableRoots: ['/w'],
    readOnlyAccess: { type: 'fullAccess' },
    networkAccess: true,
    excludeTmpdirEnvVar: false,
    excludeSlashTmp: false,
  });
});

test('no sandbox stays none; an external sandbox only gains the network; an empty grant changes nothing', () => {
  assert.deepEqual(widenSandboxPolicy({ type: 'dangerFullAccess' }, grant({ networkAccess: true, writableRoots: ['/w'] })), { type: 'dangerFullAccess' });
  assert.deepEqual(widenSandboxPolicy({ type: 'externalSandbox', networkAccess: 'restricted' }, grant({ networkAccess: true, writableRoots: ['/w'] })), {
    type: 'externalSandbox',
    networkAccess: 'enabled',
  });
  assert.deepEqual(widenSandboxPolicy({ type: 'externalSandbox' }, grant({ writableRoots: ['/w'] })), { type: 'externalSandbox', networkAccess: 'restricted' });
  const policy: SandboxPolicy = { type: 'workspaceWrite' };
  assert.equal(widenSandboxPolicy(policy, grant({})), policy);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  approvalProfile,
  grantedProfile,
  grantForModel,
  intersectProfiles,
  isEmptyProfile,
  mapProfilePaths,
  mergeProfiles,
  NO_PERMISSIONS,
  normalizeRequest,
  type MacOsPermissions,
  type PermissionProfile,
} from './profile.ts';

const profile = (p: Partial<PermissionProfile>): PermissionProfile => ({ ...NO_PERMISSIONS, ...p });
const macos = (m: Partial<MacOsPermissions>): MacOsPermissions => ({ preferences: 'read_only', automation: 'none', accessibility: false, calendar: false, ...m });

// Each grant below was answered to the reference; the expected text is what its model got back.
const requested = profile({ network: { enabled: true }, fileSystem: { read: null, write: ['/tmp/x'] } });
const CASES: [string, unknown, string][] = [
  [
    'a wider grant is cut down to the request',
    { permissions: { network: { enabled: true }, fileSystem: { write: ['/tmp/x', '/tmp/y'], read: ['/etc'] } } },
    '{"permissions":{"network":{"enabled":true},"file_system":{"read":null,"write":["/tmp/x"]},"macos":null}}',
  ],
  ['a path not requested is not granted', { permissions: { fileSystem: { write: ['/z'] } } }, '{"permissions":{"network":null,"file_system":null,"macos":null}}'],
  ['network disabled is no network', { permissions: { network: { enabled: false } } }, '{"permissions":{"network":null,"file_system":null,"macos":null}}'],
  ['no profile grants nothing', {}, '{"permissions":{"network":null,"file_system":null,"macos":null}}'],
  ['a relative path spoils the whole answer', { permissions: { network: { enabled: true }, fileSystem: { write: ['rel'] } } }, '{"permissions":{"network":null,"file_system":null,"macos":null}}'],
  ['a wrong type spoils the whole answer', { permissions: { network: { enabled: 'yes' } } }, '{"permissions":{"network":null,"file_system":null,"macos":null}}'],
  ['~ is not expanded in a grant', { permissions: { fileSystem: { write: ['~/x'] } } }, '{"permissions":{"network":null,"file_system":null,"macos":null}}'],
  ['unknown fields are ignored', { permissions: { network: { enabled: true }, bogus: 1 } }, '{"permissions":{"network":{"enabled":true},"file_system":null,"macos":null}}'],
  [
    'granted paths are normalized before they are compared',
    { permissions: { fileSystem: { write: ['/tmp/x/', '/tmp/x/sub'] } } },
    '{"permissions":{"network":null,"file_system":{"read":null,"write":["/tmp/x"]},"macos":null}}',
  ],
];

test('a grant is what the user answered, within what was requested', () => {
  for (const [name, answer, expected] of CASES) assert.equal(grantForModel(intersectProfiles(requested, grantedProfile(answer))), expected, name);
});

test('macOS grants: each field at the lesser of request and grant; a grant naming no field is none', () => {
  const asked = profile({ macos: macos({ preferences: 'read_write', automation: { bundle_ids: ['a', 'b'] }, accessibility: true, calendar: true }) });
  assert.equal(
    grantForModel(intersectProfiles(asked, grantedProfile({ permissions: { macos: { calendar: true, automations: { bundle_ids: ['a'] }, preferences: 'read_only' } } }))),
    '{"permissions":{"network":null,"file_system":null,"macos":{"macos_preferences":"read_only","macos_automation":{"bundle_ids":["a"]},"macos_accessibility":false,"macos_calendar":true}}}',
  );
  assert.equal(grantForModel(intersectProfiles(asked, grantedProfile({ permissions: { macos: {} } }))), '{"permissions":{"network":null,"file_system":null,"macos":null}}');
  assert.equal(
    grantForModel(intersectProfiles(profile({ macos: macos({ calendar: true }) }), grantedProfile({ permissions: { macos: { accessibility: true, calendar: false } } }))),
    '{"permissions":{"network":null,"file_system":null,"macos":{"macos_preferences":"none","macos_automation":"none","macos_accessibility":false,"macos_calendar":false}}}',
  );
});

test('requests drop entries that ask for nothing, resolve existing paths and list each once', () => {
  const real = (p: string) => (p === '/var/run' ? '/run' : null);
  assert.deepEqual(
    normalizeRequest(profile({ network: { enabled: null }, fileSystem: { read: null, write: ['/var/run', '/run', '/x'] } }), real),
    profile({ fileSystem: { read: null, write: ['/run', '/x'] } }),
  );
  assert.ok(isEmptyProfile(normalizeRequest(profile({ network: { enabled: null }, fileSystem: { read: null, write: null } }), real)));
  // Saying no is still saying something: the user is asked.
  assert.deepEqual(normalizeRequest(profile({ network: { enabled: false }, fileSystem: { read: [], write: [] } }), real), profile({ network: { enabled: false }, fileSystem: { read: [], write: [] } }));
  assert.ok(!isEmptyProfile(normalizeRequest(profile({ macos: macos({}) }), real)));
});

test('grants add up over a turn', () => {
  const merged = mergeProfiles(profile({ network: { enabled: true } }), profile({ fileSystem: { read: null, write: ['/a'] } }));
  assert.deepEqual(mergeProfiles(merged, profile({ fileSystem: { read: ['/r'], write: ['/a', '/b'] } })), profile({ network: { enabled: true }, fileSystem: { read: ['/r'], write: ['/a', '/b'] } }));
});

test('clients are shown the request in the protocol spelling', () => {
  assert.deepEqual(approvalProfile(profile({ network: { enabled: true }, macos: macos({ automation: 'all' }) })), {
    network: { enabled: true },
    fileSystem: null,
    macos: { preferences: 'read_only', automations: 'all', accessibility: false, calendar: false },
  });
});

test('mapProfilePaths rewrites every path and nothing else', () => {
  const p = profile({ network: { enabled: true }, fileSystem: { read: ['a'], write: null } });
  assert.deepEqual(mapProfilePaths(p, (path) => `/w/${path}`), profile({ network: { enabled: true }, fileSystem: { read: ['/w/a'], write: null } }));
  assert.deepEqual(mapProfilePaths(NO_PERMISSIONS, (path) => path), NO_PERMISSIONS);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRequestPermissionsArgs } from './args.ts';
import { MACOS_DEFAULTS, NO_PERMISSIONS } from './profile.ts';

const paths = { cwd: '/w/work', home: '/h' };

// Every message below is what the reference answered the same arguments with.
const ERRORS: [string, string][] = [
  ['{not json', 'key must be a string at line 1 column 2'],
  ['{"reason": "x"}', 'missing field `permissions` at line 1 column 15'],
  ['{"reason": 5, "permissions": {"network": {"enabled": true}}}', 'invalid type: integer `5`, expected a string at line 1 column 12'],
  ['{"permissions": null}', 'invalid type: null, expected struct PermissionProfile at line 1 column 20'],
  ['{"permissions": {"network": {"enabled": "yes"}}}', 'invalid type: string "yes", expected a boolean at line 1 column 45'],
  ['{"permissions": {"file_system": {"write": "notarray"}}}', 'invalid type: string "notarray", expected a sequence at line 1 column 52'],
  ['{"permissions": {"file_system": {"write": [5]}}}', 'invalid type: integer `5`, expected path string at line 1 column 44'],
  ['{"permissions": {"file_system": ["/r"]}}', 'invalid type: string "/r", expected a sequence at line 1 column 37'],
  ['{"permissions": {"macos": {"preferences": "bogus"}}}', 'unknown variant `bogus`, expected one of `none`, `read_only`, `read_write` at line 1 column 49'],
  ['{"permissions": {"macos": {"automations": "some"}}}', 'invalid macOS automation permission: some; expected none, all, or bundle ids at line 1 column 49'],
  ['{"permissions": {"macos": {"automations": 5}}}', 'data did not match any variant of untagged enum MacOsAutomationPermissionDe at line 1 column 44'],
  ['{"permissions":{"network":{"enabled":true},"network":{"enabled":false}}}', 'duplicate field `network` at line 1 column 52'],
  ['{"permissions":{"network":{"enabled":true}},"permissions":{}}', 'duplicate field `permissions` at line 1 column 57'],
  ['[]', 'invalid length 0, expected struct RequestPermissionsArgs with 2 elements at line 1 column 2'],
  ['["why"]', 'invalid length 1, expected struct RequestPermissionsArgs with 2 elements at line 1 column 7'],
  ['[{"network":{"enabled":true}}]', 'invalid type: map, expected a string at line 1 column 1'],
  ['["why", {"network":{"enabled":true}}, "extra"]', 'trailing characters at line 1 column 39'],
  ['{"permissions": [{"enabled": true}]}', 'invalid length 1, expected struct PermissionProfile with 3 elements at line 1 column 35'],
  ['{"permissions": [null, {"read": ["/r"]}]}', 'invalid length 2, expected struct PermissionProfile with 3 elements at line 1 column 40'],
  ['{"permissions": [null, null, {"calendar": true}, 4]}', 'trailing characters at line 1 column 50'],
];

test('bad arguments get serde_json words and positions', () => {
  for (const [text, message] of ERRORS) {
    assert.deepEqual(parseRequestPermissionsArgs(text, paths), { ok: false, message: `failed to parse function arguments: ${message}` }, text);
  }
});

const parsed = (text: string) => {
  const r = parseRequestPermissionsArgs(text, paths);
  assert.ok(r.ok, text);
  return r.value;
};

test('paths: ~ is home, relative paths start at the cwd, dots and slashes fold away', () => {
  assert.deepEqual(parsed('{"permissions": {"file_system": {"write": ["../x/./y//z/", "", "~"], "read": ["~/a", "/abs/../b", "~other/x"]}}}').permissions.fileSystem, {
    read: ['/h/a', '/b', '/w/work/~other/x'],
    write: ['/w/x/y/z', '/w/work', '/h'],
  });
});

test('what is left out stays unset; macOS fields take their defaults; unknown fields are ignored', () => {
  assert.deepEqual(parsed('{"permissions": {"network": {"enabled": true}, "extra": 1}, "extra": 2}'), { reason: null, permissions: { ...NO_PERMISSIONS, network: { enabled: true } } });
  assert.deepEqual(parsed('{"permissions": {"network": {}, "file_system": {}}}').permissions, { ...NO_PERMISSIONS, network: { enabled: null }, fileSystem: { read: null, write: null } });
  assert.deepEqual(parsed('{"permissions": {"macos": {"calendar": true}}}').permissions.macos, { ...MACOS_DEFAULTS, calendar: true });
  assert.deepEqual(parsed('{"permissions": {"macos": {"automations": ["com.apple.Notes"]}}}').permissions.macos?.automation, { bundle_ids: ['com.apple.Notes'] });
  assert.deepEqual(parsed('{"permissions": {"macos": {"automations": {"bundle_ids": ["x"]}}}}').permissions.macos?.automation, { bundle_ids: ['x'] });
});

test('structs may come as arrays of their fields', () => {
  assert.deepEqual(parsed('["why", {"network":{"enabled":true}}]'), { reason: 'why', permissions: { ...NO_PERMISSIONS, network: { enabled: true } } });
  assert.deepEqual(parsed('{"permissions": {"network": [true]}}').permissions.network, { enabled: true });
});

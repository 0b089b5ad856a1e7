import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NO_PERMISSIONS } from '../permissions/profile.ts';
import { commandPermissions } from './granted.ts';

const granted = { ...NO_PERMISSIONS, network: { enabled: true } };
const DISABLED = 'additional permissions are disabled; enable `features.request_permission` before using `with_additional_permissions`';

test('without grants a command runs as it asked', () => {
  assert.deepEqual(commandPermissions(null, null, false), { ok: true, sandboxPermissions: 'use_default', grant: null });
  assert.deepEqual(commandPermissions('require_escalated', null, false), { ok: true, sandboxPermissions: 'require_escalated', grant: null });
});

test('with grants, a command not escalated runs with them, when commands may have additional permissions', () => {
  assert.deepEqual(commandPermissions('use_default', granted, true), { ok: true, sandboxPermissions: 'with_additional_permissions', grant: granted });
  assert.deepEqual(commandPermissions('require_escalated', granted, true), { ok: true, sandboxPermissions: 'require_escalated', grant: null });
});

test('the reference refuses commands with grants, or asking for additional permissions, while that feature is off', () => {
  assert.deepEqual(commandPermissions(null, granted, false), { ok: false, refusal: DISABLED });
  assert.deepEqual(commandPermissions('with_additional_permissions', null, false), { ok: false, refusal: DISABLED });
  assert.deepEqual(commandPermissions('require_escalated', granted, false), { ok: true, sandboxPermissions: 'require_escalated', grant: null });
});

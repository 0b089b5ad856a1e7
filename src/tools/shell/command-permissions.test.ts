import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AskForApproval } from '../../protocol/index.ts';
import { NO_PERMISSIONS, type PermissionProfile } from '../permissions/profile.ts';
import { commandPermissions, DISABLED_REFUSAL, EMPTY_REFUSAL, MACOS_REFUSAL, MISSING_REFUSAL, NOT_ADDITIONAL_REFUSAL, type PermissionsAsked } from './command-permissions.ts';

// Every refusal and outcome below is what the reference did with the same call (scenarios
// additional-permissions*.json and experiments with each approval policy).

const profile = (p: Partial<PermissionProfile>): PermissionProfile => ({ ...NO_PERMISSIONS, ...p });
const network = profile({ network: { enabled: true } });
const writeGranted = profile({ fileSystem: { read: null, write: ['/h/granted'] } });
const writeOther = profile({ fileSystem: { read: null, write: ['/h/other'] } });

const ask = (over: Partial<PermissionsAsked>) =>
  commandPermissions({
    tool: 'exec_command',
    sandboxPermissions: null,
    additional: null,
    granted: null,
    enabled: true,
    approvalPolicy: 'on-request',
    onMacOs: false,
    realpath: () => null,
    ...over,
  });
const refusal = (over: Partial<PermissionsAsked>) => {
  const r = ask(over);
  return r.ok ? null : r.refusal;
};
const W = 'with_additional_permissions' as const;

test('without grants or additional permissions a command runs as it asked', () => {
  assert.deepEqual(ask({}), { ok: true, sandboxPermissions: 'use_default', permissions: null });
  assert.deepEqual(ask({ sandboxPermissions: 'require_escalated' }), { ok: true, sandboxPermissions: 'require_escalated', permissions: null });
  assert.deepEqual(ask({ sandboxPermissions: 'require_escalated', enabled: false }), { ok: true, sandboxPermissions: 'require_escalated', permissions: null });
});

test('a command asking for additional permissions gets them normalized, to be approved', () => {
  const additional = profile({ network: { enabled: true }, fileSystem: { read: null, write: ['/h/link', '/h/link'] } });
  const realpath = (p: string) => (p === '/h/link' ? '/h/real' : null);
  assert.deepEqual(ask({ sandboxPermissions: W, additional, realpath }), {
    ok: true,
    sandboxPermissions: W,
    permissions: profile({ network: { enabled: true }, fileSystem: { read: null, write: ['/h/real'] } }),
  });
  // additional_permissions alone (or with use_default) means with_additional_permissions.
  assert.deepEqual(ask({ additional: network }), { ok: true, sandboxPermissions: W, permissions: network });
  assert.deepEqual(ask({ sandboxPermissions: 'use_default', additional: network }), { ok: true, sandboxPermissions: W, permissions: network });
  // Said, but not wanted: still a permission, not an empty request.
  assert.deepEqual(ask({ sandboxPermissions: W, additional: profile({ network: { enabled: false } }) }).ok, true);
  assert.deepEqual(ask({ sandboxPermissions: W, additional: profile({ fileSystem: { read: [], write: null } }) }).ok, true);
});

test('requests the reference turns down, in its words', () => {
  assert.equal(refusal({ sandboxPermissions: W }), MISSING_REFUSAL);
  assert.equal(refusal({ sandboxPermissions: W, additional: NO_PERMISSIONS }), EMPTY_REFUSAL);
  assert.equal(refusal({ additional: NO_PERMISSIONS }), EMPTY_REFUSAL);
  assert.equal(refusal({ sandboxPermissions: W, additional: profile({ network: { enabled: null } }) }), EMPTY_REFUSAL);
  assert.equal(refusal({ sandboxPermissions: W, additional: profile({ fileSystem: { read: null, write: null } }) }), EMPTY_REFUSAL);
  assert.equal(refusal({ sandboxPermissions: 'require_escalated', additional: network }), NOT_ADDITIONAL_REFUSAL);
  const macos = profile({ macos: { preferences: 'read_only', automation: 'none', accessibility: false, calendar: false } });
  assert.equal(refusal({ sandboxPermissions: W, additional: macos }), MACOS_REFUSAL);
  assert.equal(ask({ sandboxPermissions: W, additional: macos, onMacOs: true }).ok, true);
});

test('with the feature off, any additional permissions are refused, granted ones included', () => {
  for (const over of [{ sandboxPermissions: W }, { additional: network }, { sandboxPermissions: 'require_escalated' as const, additional: network }, { granted: network }]) {
    assert.equal(refusal({ ...over, enabled: false }), DISABLED_REFUSAL, JSON.stringify(over));
  }
});

test('only on-request lets a command ask; exec_command says so before checking permissions, the shell tools after', () => {
  const policies: [AskForApproval, string][] = [
    ['untrusted', 'UnlessTrusted'],
    ['never', 'Never'],
    ['on-failure', 'OnFailure'],
    [{ reject: { sandbox_approval: false, rules: false, mcp_elicitations: false } }, 'Reject(RejectConfig { sandbox_approval: false, rules: false, mcp_elicitations: false })'],
  ];
  for (const [approvalPolicy, name] of policies) {
    const escalation = (verb: string) => `approval policy is ${name}; reject command — you ${verb} ask for escalated permissions if the approval policy is ${name}`;
    const additional = `approval policy is ${name}; reject command — you cannot request additional permissions unless the approval policy is OnRequest`;
    for (const over of [{ sandboxPermissions: W }, { additional: network }, { sandboxPermissions: 'require_escalated' as const, additional: network }]) {
      assert.equal(refusal({ ...over, approvalPolicy }), escalation('cannot'), `exec_command ${JSON.stringify(over)}`);
    }
    assert.equal(refusal({ sandboxPermissions: W, approvalPolicy, enabled: false }), escalation('cannot'));
    for (const tool of ['shell', 'shell_command'] as const) {
      assert.equal(refusal({ tool, sandboxPermissions: W, approvalPolicy }), additional);
      assert.equal(refusal({ tool, additional: NO_PERMISSIONS, approvalPolicy }), additional);
      assert.equal(refusal({ tool, sandboxPermissions: 'require_escalated', additional: network, approvalPolicy }), NOT_ADDITIONAL_REFUSAL);
      assert.equal(refusal({ tool, sandboxPermissions: W, approvalPolicy, enabled: false }), DISABLED_REFUSAL);
      assert.equal(refusal({ tool, sandboxPermissions: 'require_escalated', approvalPolicy }), escalation('should not'));
    }
  }
});

test("the turn's grants join every command that stays in the sandbox; asking only for them asks for nothing new", () => {
  const granted = profile({ network: { enabled: true }, fileSystem: { read: null, write: ['/h/granted'] } });
  for (const approvalPolicy of ['on-request', 'untrusted'] as const) {
    for (const tool of ['exec_command', 'shell'] as const) {
      assert.deepEqual(ask({ tool, granted, approvalPolicy }), { ok: true, sandboxPermissions: 'use_default', permissions: granted });
      assert.deepEqual(ask({ tool, sandboxPermissions: W, additional: network, granted, approvalPolicy }), { ok: true, sandboxPermissions: 'use_default', permissions: granted });
    }
  }
  // More than was granted: the request is the union, the requested paths first.
  assert.deepEqual(ask({ sandboxPermissions: W, additional: writeOther, granted }), {
    ok: true,
    sandboxPermissions: W,
    permissions: profile({ network: { enabled: true }, fileSystem: { read: null, write: ['/h/other', '/h/granted'] } }),
  });
  assert.match(refusal({ sandboxPermissions: W, additional: writeOther, granted, approvalPolicy: 'untrusted' }) ?? '', /you cannot ask for escalated permissions/);
  assert.match(refusal({ tool: 'shell', sandboxPermissions: W, additional: writeOther, granted, approvalPolicy: 'untrusted' }) ?? '', /you cannot request additional permissions/);
  // Escalation leaves the grants out.
  assert.deepEqual(ask({ sandboxPermissions: 'require_escalated', granted: writeGranted }), { ok: true, sandboxPermissions: 'require_escalated', permissions: null });
});

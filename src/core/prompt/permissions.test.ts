import assert from 'node:assert/strict';
import { test } from 'node:test';
import { permissionsText } from './permissions.ts';

const env = { TMPDIR: '/var/tmp/weft/' };

test('full access, never asking', () => {
  const text = permissionsText('never', { type: 'dangerFullAccess' }, '/w', env);
  assert.match(text, /`danger-full-access`.*Network access is allowed\./);
  assert.match(text, /`never`.*Do not set `sandbox_permissions`/);
  assert.doesNotMatch(text, /Writable roots/);
});

test('workspace-write lists its writable roots: configured, cwd, /tmp, $TMPDIR', () => {
  const text = permissionsText('on-failure', { type: 'workspaceWrite', writableRoots: ['/extra', '/home/me/.codex/memories'], networkAccess: true }, '/w', env);
  assert.match(text, /`workspace-write`.*Network access is allowed\./);
  assert.match(text, /`on-failure`/);
  assert.match(text, /Writable roots: `\/extra`, `\/home\/me\/\.codex\/memories`, `\/w`, `\/tmp`, `\/var\/tmp\/weft`\.\n<\/permissions instructions>$/);
  const excluded = permissionsText('never', { type: 'workspaceWrite', excludeSlashTmp: true, excludeTmpdirEnvVar: true }, '/w', env);
  assert.match(excluded, /Writable roots: `\/w`\./);
});

test('on-request explains escalation; reject adds its categories', () => {
  assert.match(permissionsText('on-request', { type: 'readOnly' }, '/w', env), /`read-only`.*blocked\.[\s\S]*"require_escalated"[\s\S]*prefix_rule/);
  const reject = permissionsText({ reject: { sandbox_approval: true, rules: false, mcp_elicitations: true } }, { type: 'readOnly' }, '/w', env);
  assert.match(reject, /"require_escalated"[\s\S]*`reject`[\s\S]*- `sandbox_approval`: true\n- `rules`: false\n- `mcp_elicitations`: true/);
});

test('an external sandbox is described as no sandbox, with its network setting', () => {
  assert.match(permissionsText('never', { type: 'externalSandbox', networkAccess: 'restricted' }, '/w', env), /`danger-full-access`.*Network access is blocked\./);
});

test('with additional permissions for commands, the guide puts them first wherever the user can be asked', () => {
  const withFeature = (approval: Parameters<typeof permissionsText>[0]) => permissionsText(approval, { type: 'workspaceWrite' }, '/w', env, { additionalPermissions: true });
  for (const approval of ['on-request', { reject: { sandbox_approval: false, rules: false, mcp_elicitations: false } }] as const) {
    const text = withFeature(approval);
    assert.match(text, /"with_additional_permissions"[\s\S]*`additional_permissions`[\s\S]*`network\.enabled`[\s\S]*`file_system\.write`[\s\S]*"require_escalated"/);
    assert.doesNotMatch(permissionsText(approval, { type: 'workspaceWrite' }, '/w', env), /with_additional_permissions/);
  }
  for (const approval of ['never', 'untrusted', 'on-failure'] as const) {
    assert.equal(withFeature(approval), permissionsText(approval, { type: 'workspaceWrite' }, '/w', env));
  }
});

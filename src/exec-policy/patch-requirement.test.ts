import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AskForApproval, SandboxPolicy } from '../protocol/index.ts';
import { patchRequirement, PATCH_OUTSIDE_PROJECT_REASON, type PatchRequirement } from './patch-requirement.ts';

const CWD = '/r/work';
const ENV = { TMPDIR: '/r' };
const FULL: SandboxPolicy = { type: 'dangerFullAccess' };
const WORKSPACE: SandboxPolicy = { type: 'workspaceWrite' };
const READ_ONLY: SandboxPolicy = { type: 'readOnly' };
const REJECT_SANDBOX: AskForApproval = { reject: { sandbox_approval: true, rules: false, mcp_elicitations: false } };
const REJECT_RULES: AskForApproval = { reject: { sandbox_approval: false, rules: true, mcp_elicitations: true } };

const ASK: PatchRequirement = { kind: 'ask', reason: null, grantRoot: null };
const SANDBOXED: PatchRequirement = { kind: 'apply', sandboxed: true };
const UNCONFINED: PatchRequirement = { kind: 'apply', sandboxed: false };
const OUTSIDE: PatchRequirement = { kind: 'reject', reason: PATCH_OUTSIDE_PROJECT_REASON };

// Observed on 0.113.0 with the freeform apply_patch tool (a sandboxed apply that the sandbox
// denies is then offered for a rerun outside it, under the policies that allow that question).
const CASES: [AskForApproval, SandboxPolicy, string[], PatchRequirement][] = [
  ['untrusted', FULL, ['/r/work/new.txt'], ASK],
  ['untrusted', WORKSPACE, ['/r/work/acc.txt'], ASK],
  ['on-request', WORKSPACE, ['/r/work/inside.txt'], SANDBOXED],
  ['on-request', WORKSPACE, ['/var/tmp/out.txt'], ASK],
  ['on-request', WORKSPACE, ['/r/work/../sibling.txt'], SANDBOXED],
  ['on-request', WORKSPACE, ['/r/work/.git/x', '/r/work/.codex/x', '/r/work/.agents/x'], SANDBOXED],
  ['on-request', READ_ONLY, ['/r/work/ro.txt'], ASK],
  ['on-request', FULL, ['/var/tmp/out.txt'], UNCONFINED],
  ['never', WORKSPACE, ['/var/tmp/out.txt'], OUTSIDE],
  ['never', WORKSPACE, ['/r/work/in2.txt'], SANDBOXED],
  ['never', READ_ONLY, ['/r/work/ro3.txt'], OUTSIDE],
  ['on-failure', READ_ONLY, ['/r/work/ro2.txt'], SANDBOXED],
  ['on-failure', WORKSPACE, ['/var/tmp/out.txt'], SANDBOXED],
  [REJECT_SANDBOX, WORKSPACE, ['/var/tmp/out.txt'], OUTSIDE],
  [REJECT_SANDBOX, WORKSPACE, ['/r/work/in3.txt'], SANDBOXED],
  [REJECT_RULES, WORKSPACE, ['/var/tmp/out.txt'], ASK],
];

test('apply, ask or refuse, as the reference decides', () => {
  for (const [approvalPolicy, sandboxPolicy, paths, expected] of CASES) {
    assert.deepEqual(patchRequirement({ paths, approvalPolicy, sandboxPolicy, cwd: CWD, env: ENV }), expected, `${JSON.stringify(approvalPolicy)} ${sandboxPolicy.type} ${paths}`);
  }
});

test('every path must be writable, relative ones taken from the cwd', () => {
  const req = { approvalPolicy: 'on-request' as AskForApproval, sandboxPolicy: WORKSPACE, cwd: CWD, env: ENV };
  assert.deepEqual(patchRequirement({ ...req, paths: ['/r/work/a', '/etc/b'] }), ASK);
  assert.deepEqual(patchRequirement({ ...req, paths: ['sub/a.txt'] }), SANDBOXED);
  assert.deepEqual(patchRequirement({ ...req, paths: ['/etc/b'], sandboxPolicy: { type: 'workspaceWrite', writableRoots: ['/etc'] } }), SANDBOXED);
  assert.deepEqual(patchRequirement({ ...req, paths: ['/r/x'], env: {} }), ASK);
});

test('an empty patch is refused', () => {
  assert.deepEqual(patchRequirement({ paths: [], approvalPolicy: 'untrusted', sandboxPolicy: FULL, cwd: CWD, env: ENV }), { kind: 'reject', reason: 'empty patch' });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AskForApproval, SandboxPolicy } from '../protocol/index.ts';
import { emptyPolicy } from './policy.ts';
import { execRequirement, mayAskToEscalate, type ExecRequirement, type SandboxPermissionsRequest } from './requirement.ts';
import { parseRules } from './rules.ts';
import type { ExecPolicy } from './types.ts';

const FULL: SandboxPolicy = { type: 'dangerFullAccess' };
const WORKSPACE: SandboxPolicy = { type: 'workspaceWrite' };
const READ_ONLY: SandboxPolicy = { type: 'readOnly' };
const REJECT_SANDBOX: AskForApproval = { reject: { sandbox_approval: true, rules: false, mcp_elicitations: false } };
const REJECT_RULES: AskForApproval = { reject: { sandbox_approval: false, rules: true, mcp_elicitations: false } };

const bashLc = (script: string) => ['/bin/bash', '-lc', script];

interface Case {
  script: string;
  approvalPolicy: AskForApproval;
  sandboxPolicy?: SandboxPolicy;
  sandboxPermissions?: SandboxPermissionsRequest;
  prefixRule?: string[];
  expected: ExecRequirement;
}

function check(policy: ExecPolicy, cases: Case[]) {
  for (const c of cases) {
    const actual = execRequirement(policy, {
      command: bashLc(c.script),
      approvalPolicy: c.approvalPolicy,
      sandboxPolicy: c.sandboxPolicy ?? FULL,
      sandboxPermissions: c.sandboxPermissions ?? 'use_default',
      prefixRule: c.prefixRule ?? null,
    });
    assert.deepEqual(actual, c.expected, `${c.script} ${JSON.stringify(c.approvalPolicy)} ${c.sandboxPolicy?.type ?? 'dangerFullAccess'} ${c.sandboxPermissions ?? ''} ${c.prefixRule ?? ''}`);
  }
}

const skip = (proposedAmendment: string[] | null, bypassSandbox = false): ExecRequirement => ({ kind: 'skip', bypassSandbox, proposedAmendment });
const ask = (proposedAmendment: string[] | null, reason: string | null = null): ExecRequirement => ({ kind: 'needsApproval', reason, proposedAmendment });
const refuse = (reason: string): ExecRequirement => ({ kind: 'forbidden', reason });

const HEREDOC = 'cat <<EOF\nx\nEOF';

// Observed on 0.113.0 through exec_command (reason null in the request unless noted; a skip's
// amendment shows up when a sandbox denial is retried).
test('without rules: untrusted asks for all but the known-safe commands', () => {
  for (const sandboxPolicy of [FULL, WORKSPACE, READ_ONLY]) {
    check(emptyPolicy(), [
      { script: 'ls', approvalPolicy: 'untrusted', sandboxPolicy, expected: skip(['ls']) },
      { script: 'touch a.txt', approvalPolicy: 'untrusted', sandboxPolicy, expected: ask(['touch', 'a.txt']) },
      { script: 'rm -f nothing', approvalPolicy: 'untrusted', sandboxPolicy, expected: ask(['rm', '-f', 'nothing']) },
      { script: HEREDOC, approvalPolicy: 'untrusted', sandboxPolicy, expected: ask(null) },
      { script: 'echo hi > f.txt', approvalPolicy: 'untrusted', sandboxPolicy, expected: ask(bashLc('echo hi > f.txt')) },
      { script: 'ls && touch b.txt', approvalPolicy: 'untrusted', sandboxPolicy, expected: ask(['touch', 'b.txt']) },
    ]);
  }
});

test('without rules: on-failure, on-request and the granular form run everything but dangerous commands', () => {
  for (const approvalPolicy of ['on-failure', 'on-request', REJECT_RULES] as AskForApproval[]) {
    for (const sandboxPolicy of [FULL, WORKSPACE, READ_ONLY]) {
      check(emptyPolicy(), [
        { script: 'ls', approvalPolicy, sandboxPolicy, expected: skip(['ls']) },
        { script: 'touch a.txt', approvalPolicy, sandboxPolicy, expected: skip(['touch', 'a.txt']) },
        { script: 'rm -f nothing', approvalPolicy, sandboxPolicy, expected: ask(['rm', '-f', 'nothing']) },
        { script: HEREDOC, approvalPolicy, sandboxPolicy, expected: skip(null) },
        { script: 'echo hi > f.txt', approvalPolicy, sandboxPolicy, expected: skip(bashLc('echo hi > f.txt')) },
      ]);
    }
  }
});

test('without rules: never refuses dangerous commands, and so does a granular form rejecting sandbox prompts', () => {
  check(emptyPolicy(), [
    { script: 'touch a.txt', approvalPolicy: 'never', expected: skip(['touch', 'a.txt']) },
    { script: 'rm -f nothing', approvalPolicy: 'never', expected: refuse("`/bin/bash -lc 'rm -f nothing'` rejected: blocked by policy") },
    { script: 'rm -f nothing', approvalPolicy: 'never', sandboxPolicy: READ_ONLY, expected: refuse("`/bin/bash -lc 'rm -f nothing'` rejected: blocked by policy") },
    { script: 'rm -f nothing', approvalPolicy: REJECT_SANDBOX, expected: refuse('approval required by policy, but AskForApproval::Reject.sandbox_approval is set') },
    { script: 'touch a.txt', approvalPolicy: REJECT_SANDBOX, sandboxPolicy: READ_ONLY, expected: skip(['touch', 'a.txt']) },
  ]);
});

test('on-request: asking to leave the sandbox asks, unless the command is known safe or nothing confines it', () => {
  for (const sandboxPolicy of [WORKSPACE, READ_ONLY]) {
    check(emptyPolicy(), [
      { script: 'ls', approvalPolicy: 'on-request', sandboxPolicy, sandboxPermissions: 'require_escalated', expected: skip(['ls']) },
      { script: 'touch a.txt', approvalPolicy: 'on-request', sandboxPolicy, sandboxPermissions: 'require_escalated', prefixRule: ['touch'], expected: ask(['touch']) },
      { script: 'touch a.txt', approvalPolicy: 'on-request', sandboxPolicy, sandboxPermissions: 'require_escalated', expected: ask(['touch', 'a.txt']) },
      { script: 'rm -f nothing', approvalPolicy: 'on-request', sandboxPolicy, sandboxPermissions: 'require_escalated', expected: ask(['rm', '-f', 'nothing']) },
      { script: HEREDOC, approvalPolicy: 'on-request', sandboxPolicy, sandboxPermissions: 'require_escalated', prefixRule: ['cat'], expected: ask(['cat']) },
      { script: HEREDOC, approvalPolicy: 'on-request', sandboxPolicy, sandboxPermissions: 'require_escalated', expected: ask(null) },
    ]);
  }
  check(emptyPolicy(), [
    { script: 'touch a.txt', approvalPolicy: 'on-request', sandboxPermissions: 'require_escalated', expected: skip(['touch', 'a.txt']) },
    { script: 'touch a.txt', approvalPolicy: 'on-request', sandboxPolicy: { type: 'externalSandbox' }, sandboxPermissions: 'require_escalated', expected: skip(['touch', 'a.txt']) },
  ]);
});

test('the model’s prefix_rule is offered only when narrow enough and covering every command', () => {
  const escalated = { approvalPolicy: 'on-request' as AskForApproval, sandboxPolicy: READ_ONLY, sandboxPermissions: 'require_escalated' as const };
  check(emptyPolicy(), [
    { script: 'ls && mv a.txt f.txt', ...escalated, prefixRule: ['ls'], expected: ask(['mv', 'a.txt', 'f.txt']) },
    { script: 'python3 -c 1', ...escalated, prefixRule: ['python3'], expected: ask(['python3', '-c', '1']) },
    { script: 'mv a.txt g.txt', ...escalated, prefixRule: ['mv', 'a.txt'], expected: ask(['mv', 'a.txt']) },
    { script: 'mv a.txt g.txt', ...escalated, prefixRule: ['cp'], expected: ask(['mv', 'a.txt', 'g.txt']) },
    { script: 'mv a.txt g.txt', ...escalated, prefixRule: [], expected: ask(['mv', 'a.txt', 'g.txt']) },
  ]);
  for (const banned of [['env'], ['pypy'], ['osascript'], ['lua', '-e'], ['sudo'], ['node'], ['/bin/zsh'], ['bash'], ['sh', '-lc'], ['pwsh', '-Command'], ['perl', '-e'], ['git'], ['python3', '-']]) {
    const script = `${banned.join(' ')} x y`;
    check(emptyPolicy(), [{ script, ...escalated, prefixRule: banned, expected: ask([...banned, 'x', 'y']) }]);
  }
});

const RULES = `
prefix_rule(pattern=["touch"], decision="prompt")
prefix_rule(pattern=["rm"], decision="forbidden")
prefix_rule(pattern=["mkdir"], decision="prompt", justification="mkdir needs review")
prefix_rule(pattern=["git", "push"], decision="forbidden", justification="no pushing")
prefix_rule(pattern=["echo"], decision="allow")
prefix_rule(pattern=["cp"], decision="allow")
prefix_rule(pattern=["cp", "-r"], decision="prompt")
`;

function rulesPolicy(source: string): ExecPolicy {
  const parsed = parseRules(source, 'x.rules');
  assert.ok(parsed.ok);
  return parsed.policy;
}

test('rules: forbidden beats prompt beats allow, with the reference’s reasons', () => {
  const policy = rulesPolicy(RULES);
  for (const [approvalPolicy, sandboxPolicy] of [['untrusted', FULL], ['on-request', READ_ONLY], [REJECT_SANDBOX, FULL]] as [AskForApproval, SandboxPolicy][]) {
    check(policy, [
      { script: 'touch a.txt', approvalPolicy, sandboxPolicy, expected: ask(null, "`/bin/bash -lc 'touch a.txt'` requires approval by policy") },
      { script: 'mkdir d', approvalPolicy, sandboxPolicy, expected: ask(null, "`/bin/bash -lc 'mkdir d'` requires approval: mkdir needs review") },
      { script: 'rm x', approvalPolicy, sandboxPolicy, expected: refuse("`/bin/bash -lc 'rm x'` rejected: policy forbids commands starting with `rm`") },
      { script: 'git push origin main', approvalPolicy, sandboxPolicy, expected: refuse("`/bin/bash -lc 'git push origin main'` rejected: no pushing") },
      { script: 'cp a.txt b.txt', approvalPolicy, sandboxPolicy, expected: skip(null, true) },
      { script: 'ls && cp a.txt c.txt', approvalPolicy, sandboxPolicy, expected: skip(null, true) },
      { script: 'touch a.txt && rm x', approvalPolicy, sandboxPolicy, expected: refuse("`/bin/bash -lc 'touch a.txt && rm x'` rejected: policy forbids commands starting with `rm`") },
      { script: 'touch a.txt && ls', approvalPolicy, sandboxPolicy, expected: ask(null, "`/bin/bash -lc 'touch a.txt && ls'` requires approval by policy") },
      { script: 'cp -r a.txt e.txt', approvalPolicy, sandboxPolicy, expected: ask(null, "`/bin/bash -lc 'cp -r a.txt e.txt'` requires approval by policy") },
      { script: 'mkdir d && cp -r a.txt e.txt', approvalPolicy, sandboxPolicy, expected: ask(null, "`/bin/bash -lc 'mkdir d && cp -r a.txt e.txt'` requires approval by policy") },
    ]);
  }
  check(policy, [
    { script: 'touch a.txt', approvalPolicy: 'on-request', sandboxPolicy: READ_ONLY, sandboxPermissions: 'require_escalated', prefixRule: ['touch'], expected: ask(null, "`/bin/bash -lc 'touch a.txt'` requires approval by policy") },
    // A rule matched (cp), so the model's prefix_rule is not offered.
    { script: 'cp a.txt z.txt && mv a.txt b.txt', approvalPolicy: 'on-request', sandboxPolicy: READ_ONLY, sandboxPermissions: 'require_escalated', prefixRule: ['mv'], expected: ask(['mv', 'a.txt', 'b.txt']) },
  ]);
});

test('rules: prompts that cannot be shown are refusals', () => {
  const policy = rulesPolicy(RULES);
  check(policy, [
    { script: 'touch a.txt', approvalPolicy: 'never', expected: refuse('approval required by policy, but AskForApproval is set to Never') },
    { script: 'touch a.txt && ls', approvalPolicy: 'never', expected: refuse('approval required by policy, but AskForApproval is set to Never') },
    { script: 'rm x', approvalPolicy: 'never', expected: refuse("`/bin/bash -lc 'rm x'` rejected: policy forbids commands starting with `rm`") },
    { script: 'cp a.txt b.txt', approvalPolicy: 'never', expected: skip(null, true) },
    { script: 'touch a.txt', approvalPolicy: REJECT_RULES, expected: refuse('approval required by policy rule, but AskForApproval::Reject.rules is set') },
    { script: 'mkdir d', approvalPolicy: REJECT_RULES, expected: refuse('approval required by policy rule, but AskForApproval::Reject.rules is set') },
  ]);
});

test('rules: the most specific rule gives the reason, the later one on a tie', () => {
  const policy = rulesPolicy(`
prefix_rule(pattern=["rm"], decision="forbidden", justification="A")
prefix_rule(pattern=["rm"], decision="forbidden", justification="B")
prefix_rule(pattern=["touch"], decision="prompt", justification="P1")
prefix_rule(pattern=["touch", "x"], decision="prompt")
prefix_rule(pattern=["touch", "y"], decision="prompt", justification="P3")
prefix_rule(pattern=["mv", ["a", "b"]], decision="forbidden")
`);
  check(policy, [
    { script: 'rm q', approvalPolicy: 'on-request', expected: refuse("`/bin/bash -lc 'rm q'` rejected: B") },
    { script: 'touch z', approvalPolicy: 'on-request', expected: ask(null, "`/bin/bash -lc 'touch z'` requires approval: P1") },
    { script: 'touch x', approvalPolicy: 'on-request', expected: ask(null, "`/bin/bash -lc 'touch x'` requires approval by policy") },
    { script: 'touch x && touch y', approvalPolicy: 'on-request', expected: ask(null, "`/bin/bash -lc 'touch x && touch y'` requires approval: P3") },
    { script: 'mv b c', approvalPolicy: 'on-request', expected: refuse("`/bin/bash -lc 'mv b c'` rejected: policy forbids commands starting with `mv b`") },
  ]);
});

test('rules apply to the command fed by a here-document, and to program paths', () => {
  const policy = rulesPolicy('prefix_rule(pattern=["python3"], decision="allow")\nprefix_rule(pattern=["git", "push"], decision="forbidden")');
  check(policy, [
    { script: 'python3 <<EOF\nprint(1)\nEOF', approvalPolicy: 'untrusted', expected: skip(null, true) },
    { script: '/usr/bin/git push', approvalPolicy: 'untrusted', expected: refuse("`/bin/bash -lc '/usr/bin/git push'` rejected: policy forbids commands starting with `git push`") },
  ]);
  const direct = execRequirement(policy, { command: ['./git', 'push'], approvalPolicy: 'untrusted', sandboxPolicy: FULL, sandboxPermissions: 'use_default', prefixRule: null });
  assert.deepEqual(direct, refuse('`./git push` rejected: policy forbids commands starting with `git push`'));
});

test('may the user be asked to rerun a sandbox-denied command outside the sandbox', () => {
  assert.equal(mayAskToEscalate('untrusted'), true);
  assert.equal(mayAskToEscalate('on-failure'), true);
  assert.equal(mayAskToEscalate('on-request'), false);
  assert.equal(mayAskToEscalate('never'), false);
  assert.equal(mayAskToEscalate(REJECT_RULES), true);
  assert.equal(mayAskToEscalate(REJECT_SANDBOX), false);
});

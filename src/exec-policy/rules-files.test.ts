import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { matchesFor } from './policy.ts';
import { execRequirement } from './requirement.ts';
import { allowRuleLine, appendAllowRule, loadExecPolicy, RULES_WARNING_SUMMARY } from './rules-files.ts';

const root = mkdtempSync(join(tmpdir(), 'exec-policy-'));
after(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
function home(files: Record<string, string> = {}): string {
  const dir = join(root, `home-${counter++}`);
  mkdirSync(dir);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

const programs = (codexHome: string, projects: string[] = []) => {
  const { policy } = loadExecPolicy(codexHome, projects);
  return [...policy.rulesByProgram.values()].flat().map((r) => `${r.first}:${r.decision}`);
};

test('no rules folder: an empty policy and no warning', () => {
  const loaded = loadExecPolicy(home());
  assert.equal(loaded.policy.rulesByProgram.size, 0);
  assert.equal(loaded.warning, null);
});

test('*.rules files in name order, then the project folders; other files and folders are skipped', () => {
  const codexHome = home({
    'rules/b.rules': 'prefix_rule(["b"])',
    'rules/a.rules': 'prefix_rule(["a"])',
    'rules/c.txt': 'prefix_rule(["c"])',
    'rules/.rules': 'prefix_rule(["hidden"])',
    'rules/dir.rules/x': '',
    'other.rules': 'prefix_rule(["o"])',
  });
  symlinkSync(join(codexHome, 'rules/a.rules'), join(codexHome, 'rules/link.rules'));
  const project = home({ 'rules/p.rules': 'prefix_rule(["p"], "prompt")' });
  assert.deepEqual(programs(codexHome, [project]), ['a:allow', 'b:allow', 'p:prompt']);
});

test('one broken file: an empty policy and the configWarning the reference sends', () => {
  const codexHome = home({ 'rules/a.rules': 'prefix_rule(pattern=["touch"], decision="allow")\n', 'rules/b.rules': 'prefix_rule(pattern=["x"], decision="maybe")\n' });
  const path = join(codexHome, 'rules', 'b.rules');
  const { policy, warning } = loadExecPolicy(codexHome);
  assert.equal(policy.rulesByProgram.size, 0);
  assert.deepEqual(warning, {
    summary: RULES_WARNING_SUMMARY,
    details: `failed to parse rules file ${path}: starlark error: Traceback (most recent call last):\n  * ${path}:1, in <module>\n      prefix_rule(pattern=["x"], decision="maybe")\nerror: invalid decision: maybe\n --> ${path}:1:1\n  |\n1 | prefix_rule(pattern=["x"], decision="maybe")\n  | ${'^'.repeat(44)}\n  |\n`,
    path,
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 45 } },
  });
});

test('a file that is not UTF-8 is a warning too', () => {
  const codexHome = home();
  mkdirSync(join(codexHome, 'rules'));
  writeFileSync(join(codexHome, 'rules', 'x.rules'), Buffer.from([0xff, 0xfe]));
  const { warning } = loadExecPolicy(codexHome);
  assert.equal(warning?.summary, RULES_WARNING_SUMMARY);
  assert.match(warning?.details ?? '', /failed to read rules file .*x\.rules/);
});

test('the amendment line, tokens quoted as JSON', () => {
  assert.equal(allowRuleLine(['touch', 'a.txt']), 'prefix_rule(pattern=["touch", "a.txt"], decision="allow")');
  assert.equal(allowRuleLine(['touch', 'q"b\\c é', 'x\ny']), 'prefix_rule(pattern=["touch", "q\\"b\\\\c é", "x\\ny"], decision="allow")');
});

test('appending an amendment creates rules/default.rules, and the same command is then allowed, also after a reload', () => {
  const codexHome = home();
  const touch = { command: ['/bin/bash', '-lc', 'touch a.txt'], approvalPolicy: 'untrusted' as const, sandboxPolicy: { type: 'dangerFullAccess' as const }, sandboxPermissions: 'use_default' as const, prefixRule: null };
  const before = loadExecPolicy(codexHome).policy;
  assert.equal(execRequirement(before, touch).kind, 'needsApproval');
  const appended = appendAllowRule(codexHome, before, ['touch', 'a.txt']);
  assert.ok(appended.ok);
  assert.equal(readFileSync(join(codexHome, 'rules', 'default.rules'), 'utf8'), 'prefix_rule(pattern=["touch", "a.txt"], decision="allow")\n');
  assert.deepEqual(execRequirement(appended.policy, touch), { kind: 'skip', bypassSandbox: true, proposedAmendment: null });
  assert.deepEqual(execRequirement(loadExecPolicy(codexHome).policy, touch), { kind: 'skip', bypassSandbox: true, proposedAmendment: null });
});

test('appending adds a missing final newline first and never repeats a line', () => {
  const codexHome = home({ 'rules/default.rules': 'prefix_rule(pattern=["ls"], decision="allow")' });
  const policy = loadExecPolicy(codexHome).policy;
  const first = appendAllowRule(codexHome, policy, ['mkdir', '-p']);
  assert.ok(first.ok);
  assert.ok(appendAllowRule(codexHome, first.policy, ['mkdir', '-p']).ok);
  assert.equal(readFileSync(join(codexHome, 'rules', 'default.rules'), 'utf8'), 'prefix_rule(pattern=["ls"], decision="allow")\nprefix_rule(pattern=["mkdir", "-p"], decision="allow")\n');
  assert.equal(matchesFor(first.policy, ['mkdir', '-p', 'x'])[0]?.decision, 'allow');
});

test('appending fails as a value', () => {
  const policy = loadExecPolicy(home()).policy;
  const empty = appendAllowRule(home(), policy, []);
  assert.ok(!empty.ok);
  assert.match(empty.error, /prefix rule requires at least one token/);
  const missing = appendAllowRule(join(root, 'no-such-home'), policy, ['ls']);
  assert.ok(!missing.ok);
  assert.match(missing.error, /failed to create policy directory/);
});

import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { emptyPolicy, evaluate, executableName, matchesFor, withPrefixRule } from './policy.ts';
import { parseRules } from './rules.ts';
import type { ExecPolicy } from './types.ts';

function policyOf(source: string): ExecPolicy {
  const parsed = parseRules(source, 'test.rules');
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
  return parsed.policy;
}

const prefixes = (policy: ExecPolicy, command: string[]) =>
  matchesFor(policy, command).map((m) => (m.kind === 'prefix' ? [m.matchedPrefix.join(' '), m.decision, m.resolvedProgram] : null));

// Expectations below were compared with `codex execpolicy check --resolve-host-executables` (0.113.0).
const RULES = `
base = ["git"]
prefix_rule(pattern=base + [["status", "log"], "-s"], decision="allow", justification="short forms")
prefix_rule(["npm", ["test", "run"]], "prompt")
prefix_rule(pattern=[["cargo", "rustc"], "build"], decision="forbidden")
prefix_rule(pattern=["git"], decision="prompt")
prefix_rule(pattern=["git", "status"], decision="forbidden")
host_executable(name="npm", paths=["/usr/bin/npm", "/opt/npm"])
`;

test('every rule for the program whose pattern the command starts with, in definition order', () => {
  const policy = policyOf(RULES);
  assert.deepEqual(prefixes(policy, ['git', 'status', '-s']), [
    ['git status -s', 'allow', null],
    ['git', 'prompt', null],
    ['git status', 'forbidden', null],
  ]);
  assert.deepEqual(prefixes(policy, ['git', 'log', '-s', 'x']), [['git log -s', 'allow', null], ['git', 'prompt', null]]);
  assert.deepEqual(prefixes(policy, ['npm', 'run']), [['npm run', 'prompt', null]]);
  assert.deepEqual(prefixes(policy, ['rustc', 'build']), [['rustc build', 'forbidden', null]]);
  assert.deepEqual(prefixes(policy, ['npm']), []);
  assert.deepEqual(prefixes(policy, ['ls']), []);
});

test('a program path matches the rules of its file name, limited by host_executable', () => {
  const policy = policyOf(RULES);
  assert.deepEqual(prefixes(policy, ['/opt/npm', 'test']), [['npm test', 'prompt', '/opt/npm']]);
  assert.deepEqual(prefixes(policy, ['/usr/local/bin/npm', 'test']), []);
  assert.deepEqual(prefixes(policy, ['/usr/bin/git', 'status', '-s']).map((m) => m![2]), ['/usr/bin/git', '/usr/bin/git', '/usr/bin/git']);
  assert.deepEqual(prefixes(policy, ['./git', 'log', '-s']), [['git log -s', 'allow', resolve('./git')], ['git', 'prompt', resolve('./git')]]);
});

test('exact matches win over file-name matches', () => {
  const policy = policyOf('prefix_rule(["/usr/bin/git"], "allow")\nprefix_rule(["git"], "forbidden")');
  assert.deepEqual(prefixes(policy, ['/usr/bin/git', 'push']), [['/usr/bin/git', 'allow', null]]);
});

test('the fallback decides commands no rule matched; the most severe decision wins', () => {
  const policy = policyOf(RULES);
  const fallback = (command: string[]) => (command[0] === 'rm' ? 'forbidden' : 'allow');
  const evaluation = evaluate(policy, [['ls'], ['git', 'log', '-s'], ['rm', 'x']], fallback);
  assert.equal(evaluation.decision, 'forbidden');
  assert.deepEqual(evaluation.matchedRules.map((m) => m.kind), ['heuristics', 'prefix', 'prefix', 'heuristics']);
  assert.equal(evaluate(policy, [['ls']], fallback).decision, 'allow');
});

test('an added rule matches exactly its words, after the others', () => {
  const policy = withPrefixRule(policyOf(RULES), ['git', 'push'], 'allow');
  assert.deepEqual(prefixes(policy, ['git', 'push', 'origin']), [['git', 'prompt', null], ['git push', 'allow', null]]);
  assert.equal(withPrefixRule(emptyPolicy(), [], 'allow').rulesByProgram.size, 0);
});

test('file names as Rust takes them from a path', () => {
  for (const [path, name] of [['ls', 'ls'], ['/bin/ls', 'ls'], ['./ls', 'ls'], ['a/./ls/', 'ls'], ['.', null], ['..', null], ['/', null], ['a/..', null]] as const) {
    assert.equal(executableName(path), name, path);
  }
});

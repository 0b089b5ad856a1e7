import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRules, parseRulesFiles } from './rules.ts';

const P = '/home/u/.codex/rules/x.rules';

function errorOf(source: string) {
  const parsed = parseRules(source, P);
  assert.ok(!parsed.ok, 'expected an error');
  return parsed.error;
}

test('calls with keyword or positional arguments, variables, +, comments and every string form', () => {
  const parsed = parseRules(
    [
      '# comment',
      'tools = ["npm"]',
      'prefix_rule(tools + [["test", "run"]], "prompt", justification="""many',
      'lines""")',
      "prefix_rule(pattern=[r'a\\b', \"t\\x41b\\n\", 'c\\'d'],); pass",
      'prefix_rule(',
      '    pattern = ["x"],  # trailing comment',
      '    decision = "forbidden",',
      ')',
    ].join('\n'),
    P,
  );
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
  const rules = parsed.policy.rulesByProgram;
  assert.deepEqual(rules.get('npm'), [{ first: 'npm', rest: [{ alts: ['test', 'run'] }], decision: 'prompt', justification: 'many\nlines' }]);
  assert.deepEqual(rules.get('a\\b'), [{ first: 'a\\b', rest: [{ single: 'tAb\n' }, { single: "c'd" }], decision: 'allow', justification: null }]);
  assert.equal(rules.get('x')![0]!.decision, 'forbidden');
});

test('a first token with alternatives makes one rule per alternative; a one-item list is a plain token', () => {
  const parsed = parseRules('prefix_rule(pattern=[["cargo", "rustc"], ["build"]])', P);
  assert.ok(parsed.ok);
  assert.deepEqual([...parsed.policy.rulesByProgram.keys()], ['cargo', 'rustc']);
  assert.deepEqual(parsed.policy.rulesByProgram.get('rustc')![0]!.rest, [{ single: 'build' }]);
});

test('host_executable and network_rule are read and checked', () => {
  const parsed = parseRules('host_executable(name="git", paths=["/usr/bin/git", "/usr/bin/git"])\nnetwork_rule(host="API.example.com:443", protocol="https_connect", decision="deny")', P);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.policy.hostExecutables.get('git'), ['/usr/bin/git']);
  assert.deepEqual(parsed.policy.networkRules, [{ host: 'api.example.com', protocol: 'https', decision: 'forbidden', justification: null }]);
  assert.match(errorOf('host_executable(name="git", paths=["git"])').message, /error: invalid rule: host_executable paths must be absolute \(got git\)/);
  assert.match(errorOf('host_executable(name="git", paths=["/usr/bin/gitx"])').message, /host_executable path `\/usr\/bin\/gitx` must have basename `git`/);
  assert.match(errorOf('network_rule(host="*.x.com", protocol="https", decision="allow")').message, /invalid rule: network_rule host must be a specific host; wildcards are not allowed/);
  assert.match(errorOf('network_rule(host="x.com", protocol="ftp", decision="allow")').message, /network_rule protocol must be one of http, https, socks5_tcp, socks5_udp \(got ftp\)/);
});

// Texts and ranges captured from the reference's configWarning for these files.
const CALL_ERRORS: [string, string][] = [
  ['prefix_rule(pattern=["x"], decision="maybe")\n', 'invalid decision: maybe'],
  ['prefix_rule(pattern=[], decision="allow")\n', 'invalid pattern element: pattern cannot be empty'],
  ['prefix_rule(pattern=["a", 1])\n', 'invalid pattern element: pattern element must be a string or list of strings (got int)'],
  ['prefix_rule(pattern=[[]])\n', 'invalid pattern element: pattern alternatives cannot be empty'],
  ['prefix_rule(pattern=["a", ["b", 2]])\n', 'invalid pattern element: pattern alternative must be a string (got int)'],
  ['prefix_rule(decision="allow")\n', 'Missing parameter `pattern` for call to `prefix_rule`'],
  ['prefix_rule(pattern=["a"], foo=1)\n', 'Found `foo` extra named parameter(s) for call to prefix_rule'],
  ['prefix_rule(pattern=["a"], justification="")\n', 'invalid rule: justification cannot be empty'],
  ['prefix_rule(pattern=["a"], decision=1)\n', 'Type of parameter `decision` doesn\'t match, expected `str`, actual `int (repr: 1)`'],
  ['prefix_rule(pattern=["a"], decision=None)\n', 'Type of parameter `decision` doesn\'t match, expected `str`, actual `NoneType (repr: None)`'],
  ['prefix_rule(pattern="git")\n', 'Type of parameter `pattern` doesn\'t match, expected `list`, actual `string (repr: "git")`'],
  ['prefix_rule(pattern=["a"], match=[1])\n', 'invalid example: example must be a string or list of strings (got int)'],
  ['prefix_rule(pattern=["a"], match=[""])\n', 'invalid example: example cannot be an empty string'],
  ['prefix_rule(pattern=["a"], match=["a \'b"])\n', 'invalid example: example string has invalid shell syntax'],
];

test('errors raised by a call come with a one-frame traceback and the call underlined', () => {
  for (const [source, message] of CALL_ERRORS) {
    const call = source.trimEnd();
    const error = errorOf(source);
    assert.equal(
      error.message,
      `starlark error: Traceback (most recent call last):\n  * ${P}:1, in <module>\n      ${call}\nerror: ${message}\n --> ${P}:1:1\n  |\n1 | ${call}\n  | ${'^'.repeat(call.length)}\n  |\n`,
    );
    assert.deepEqual(error.range, { start: { line: 1, column: 1 }, end: { line: 1, column: call.length + 1 } });
  }
});

test('a call over several lines is drawn with a bracket', () => {
  const error = errorOf('# comment\nprefix_rule(pattern=["ok"])\n\nprefix_rule(\n    pattern=["a"],\n    decision="nope",\n)\n');
  assert.equal(
    error.message,
    `starlark error: Traceback (most recent call last):\n  * ${P}:4, in <module>\n      prefix_rule(\nerror: invalid decision: nope\n --> ${P}:4:1\n  |\n4 | / prefix_rule(\n5 | |     pattern=["a"],\n6 | |     decision="nope",\n7 | | )\n  | |_^\n  |\n`,
  );
  assert.deepEqual(error.range, { start: { line: 4, column: 1 }, end: { line: 7, column: 2 } });
});

test('unknown names fail before anything runs, with a suggestion', () => {
  const error = errorOf('prefix_rule(pattern=["x"], decision="maybe")\nfoo()\n');
  assert.equal(error.message, `starlark error: error: Variable \`foo\` not found, did you mean \`bool\`?\n --> ${P}:2:1\n  |\n2 | foo()\n  | ^^^\n  |\n`);
  assert.match(errorOf('x = bar\n').message, /Variable `bar` not found, did you mean `chr`\?/);
  assert.match(errorOf('x = y\ny = 1\n').message, /error: Local variable `y` referenced before assignment\n --> .*:1:5\n/);
});

test('syntax errors point at the offending token', () => {
  const unfinished = errorOf('prefix_rule(pattern=["a)\n');
  assert.equal(unfinished.message, `starlark error: error: Parse error: unfinished string literal\n --> ${P}:1:22\n  |\n1 | prefix_rule(pattern=["a)\n  |                      ^^^\n  |\n`);
  assert.deepEqual(unfinished.range, { start: { line: 1, column: 22 }, end: { line: 1, column: 25 } });
  // The reference adds the tokens it expected ("expected one of …"), which is left out here.
  assert.equal(errorOf('prefix_rule(pattern=["a"]\n').message, `starlark error: error: Parse error: unexpected new line here\n--> ${P}:1:1\n |\n |\n`);
  assert.deepEqual(errorOf('prefix_rule(pattern=["a"]\n').range, { start: { line: 2, column: 1 }, end: { line: 2, column: 1 } });
  assert.match(errorOf('prefix_rule(pattern=["a"],, decision="allow")\n').message, /unexpected symbol ',' here\n --> .*:1:27\n/);
  assert.match(errorOf('prefix_rule(pattern=["a" "b"])\n').message, /unexpected string literal "b" here/);
  assert.match(errorOf(' prefix_rule(pattern=["a"])\n').message, /unexpected new indentation block here\n --> .*:1:1\n/);
  assert.match(errorOf('def f(p):\n    prefix_rule(pattern=p)\n').message, /Parse error/);
  assert.match(errorOf('prefix_rule(pattern=["a"] + 1)\n').message, /^starlark error: error: Operation `\+` not supported for types `list` and `int`\n --> .*:1:21\n/);
});

test('examples are checked against their own rule, and reported without a snippet', () => {
  const unmatched = errorOf('prefix_rule(pattern=["a"], match=["b"])\n');
  assert.equal(
    unmatched.message,
    'expected every example to match at least one rule. rules: ["PrefixRule { pattern: PrefixPattern { first: \\"a\\", rest: [] }, decision: Allow, justification: None }"]; unmatched examples: ["b"]',
  );
  assert.deepEqual(unmatched.range, { start: { line: 1, column: 1 }, end: { line: 1, column: 40 } });
  assert.equal(
    errorOf('prefix_rule(pattern=["a"], not_match=["a b"])\n').message,
    'expected example to not match rule `PrefixRuleMatch { matched_prefix: ["a"], decision: Allow, resolved_program: None, justification: None }`: a b',
  );
  const ok = parseRules('prefix_rule(pattern=[["cargo", "rustc"], "build"], decision="forbidden", match=["cargo build --release", ["rustc", "build"]], not_match=["cargo test"])', P);
  assert.ok(ok.ok);
});

test('several files make one policy; the first error names its file', () => {
  const both = parseRulesFiles([
    { identifier: '/a.rules', source: 'prefix_rule(["ls"])' },
    { identifier: '/b.rules', source: 'prefix_rule(["ls", "-l"], "prompt")' },
  ]);
  assert.ok(both.ok);
  assert.equal(both.policy.rulesByProgram.get('ls')!.length, 2);
  const broken = parseRulesFiles([
    { identifier: '/a.rules', source: 'prefix_rule(["ls"])' },
    { identifier: '/b.rules', source: 'oops(' },
  ]);
  assert.ok(!broken.ok);
  assert.equal(broken.error.identifier, '/b.rules');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchRules, parseIgnoreFile } from './ignore-rules.ts';

const RULES = parseIgnoreFile(
  ['*.txt', '!keep*.txt', '/anchored.md', 'dironly/', 'x/**/deep.md', 'foo/**', '\\#hash.md', '', '# comment', 'trail.md   ', 'f[0-9].md', 'q?.md', '{a,b}c.js', '[!x]y.z'].join('\n'),
);

const cases: Array<[string, boolean, 'ignore' | 'whitelist' | null]> = [
  ['a.txt', false, 'ignore'],
  ['deep/dir/a.txt', false, 'ignore'],
  ['keep_me.txt', false, 'whitelist'],
  ['anchored.md', false, 'ignore'],
  ['sub/anchored.md', false, null],
  ['dironly', true, 'ignore'],
  ['dironly', false, null],
  ['x/deep.md', false, 'ignore'],
  ['x/a/b/deep.md', false, 'ignore'],
  ['y/deep.md', false, null],
  ['foo', true, null],
  ['foo/a/b', false, 'ignore'],
  ['#hash.md', false, 'ignore'],
  ['trail.md', false, 'ignore'],
  ['f1.md', false, 'ignore'],
  ['fx.md', false, null],
  ['qq.md', false, 'ignore'],
  ['q/.md', false, null],
  ['d/bc.js', false, 'ignore'],
  ['cc.js', false, null],
  ['ay.z', false, 'ignore'],
  ['xy.z', false, null],
];

for (const [path, isDir, expected] of cases) {
  test(`${path}${isDir ? '/' : ''} → ${expected}`, () => assert.equal(matchRules(RULES, path, isDir), expected));
}

test('the last matching line wins; comments and blank lines are no rules', () => {
  assert.equal(parseIgnoreFile('# only a comment\n\n   \n').length, 0);
  assert.equal(matchRules(parseIgnoreFile('!a.log\n*.log\n'), 'a.log', false), 'ignore');
  assert.equal(matchRules(parseIgnoreFile('[unclosed\n'), '[unclosed', false), 'ignore');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchedIndices, parseQuery, scoreQuery, splitWords } from './query.ts';
import { toUtf32 } from './utf32.ts';

const PATHS = ["src/components/FooBar.tsx", "src/foo_bar/baz2.rs", "docs/café-menu.md", "lib/Straße/über.txt", "a/b/abcabcabc_abc.txt", "tests/test_main_test.py", "my dir/read me.md", "x/🙂smile/ŁódźCity.txt", "build/out.min.js", "README.md"];

/** What the reference answered for each query over PATHS: every matching path with score and positions. */
const REFERENCE: Array<[string, Array<[string, number, number[]]>]> = [
  ["fb", [["src/foo_bar/baz2.rs", 53, [4, 8]], ["src/components/FooBar.tsx", 51, [15, 18]]]],
  ["FooBar", [["src/components/FooBar.tsx", 159, [15, 16, 17, 18, 19, 20]]]],
  ["foobar", [["src/components/FooBar.tsx", 159, [15, 16, 17, 18, 19, 20]], ["src/foo_bar/baz2.rs", 153, [4, 5, 6, 8, 9, 10]]]],
  ["baz2", [["src/foo_bar/baz2.rs", 109, [12, 13, 14, 15]]]],
  ["cafe", [["docs/café-menu.md", 109, [5, 6, 7, 8]]]],
  ["café", [["docs/café-menu.md", 109, [5, 6, 7, 8]]]],
  ["strasse", []],
  ["uber", [["lib/Straße/über.txt", 109, [11, 12, 13, 14]]]],
  ["abc", [["a/b/abcabcabc_abc.txt", 84, [4, 5, 6]]]],
  ["aab", [["a/b/abcabcabc_abc.txt", 79, [0, 4, 5]]]],
  ["test", [["tests/test_main_test.py", 109, [6, 7, 8, 9]]]],
  ["'test", [["tests/test_main_test.py", 109, [0, 1, 2, 3]]]],
  ["^src", [["src/components/FooBar.tsx", 84, [0, 1, 2]], ["src/foo_bar/baz2.rs", 84, [0, 1, 2]]]],
  [".md$", [["README.md", 80, [6, 7, 8]], ["docs/café-menu.md", 80, [14, 15, 16]], ["my dir/read me.md", 80, [14, 15, 16]]]],
  ["^README.md$", [["README.md", 234, [0, 1, 2, 3, 4, 5, 6, 7, 8]]]],
  ["foo !bar", []],
  ["src tsx", [["src/components/FooBar.tsx", 164, [0, 1, 2, 22, 23, 24]]]],
  ["read\\ me", [["my dir/read me.md", 184, [7, 8, 9, 10, 11, 12, 13]]]],
  ["lodz", [["x/🙂smile/ŁódźCity.txt", 109, [9, 10, 11, 12]]]],
  ["smile", [["x/🙂smile/ŁódźCity.txt", 128, [3, 4, 5, 6, 7]]]],
  ["o", [["build/out.min.js", 34, [6]], ["docs/café-menu.md", 16, [1]], ["src/components/FooBar.tsx", 16, [5]], ["src/foo_bar/baz2.rs", 16, [5]], ["x/🙂smile/ŁódźCity.txt", 16, [10]]]],
  ["B", [["src/components/FooBar.tsx", 26, [18]]]],
  ["2", [["src/foo_bar/baz2.rs", 26, [15]]]],
];

for (const [query, expected] of REFERENCE) {
  test(`query ${JSON.stringify(query)} scores like the reference`, () => {
    const atoms = parseQuery(query);
    const got = PATHS.flatMap((path) => {
      const haystack = toUtf32(path);
      const score = scoreQuery(atoms, haystack);
      return score === null ? [] : [[path, score, matchedIndices(atoms, haystack)] as [string, number, number[]]];
    });
    const byPath = (a: [string, number, number[]], b: [string, number, number[]]) => (a[0] < b[0] ? -1 : 1);
    assert.deepEqual(got.sort(byPath), [...expected].sort(byPath));
  });
}

test('words split on unescaped whitespace; empty words vanish', () => {
  assert.deepEqual(splitWords('a  b\\ c'), ['a', '', 'b\\ c']);
  assert.deepEqual(parseQuery('  ').length, 0);
  assert.deepEqual(parseQuery('!x ^y z$ ^w$ \'v \\!u').map((a) => [a.kind, a.negative]), [
    ['substring', true], ['prefix', false], ['postfix', false], ['exact', false], ['substring', false], ['fuzzy', false],
  ]);
});

test('an uppercase letter makes a word case-sensitive; an accented letter turns off normalisation', () => {
  const [upper, lower, accented] = parseQuery('Foo foo caf\u00e9');
  assert.equal(upper!.ignoreCase, false);
  assert.equal(lower!.ignoreCase, true);
  assert.equal(accented!.normalize, false);
  assert.equal(scoreQuery(parseQuery('Foo'), toUtf32('foo.txt')), null);
  assert.equal(scoreQuery(parseQuery('caf\u00e9'), toUtf32('cafe.txt')), null);
  assert.notEqual(scoreQuery(parseQuery('cafe'), toUtf32('caf\u00e9.txt')), null);
});

test('a query without words matches everything with score 0', () => {
  assert.equal(scoreQuery(parseQuery(' '), toUtf32('anything')), 0);
});

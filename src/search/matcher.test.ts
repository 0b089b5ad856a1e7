import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bonusFor, fuzzyMatch, optimalSearchFits, substringMatch } from './matcher.ts';
import { CharClass } from './chars.ts';
import { toUtf32 } from './utf32.ts';

const rules = { ignoreCase: true, normalize: true };
const match = (fn: typeof fuzzyMatch, hay: string, needle: string) => {
  const out: number[] = [];
  const score = fn(toUtf32(hay), toUtf32(needle), rules, out);
  return { score, out };
};

test('word starts after a slash earn the most, then after whitespace or punctuation, then case changes and digits', () => {
  assert.equal(bonusFor(CharClass.Delimiter, CharClass.Lower), 9);
  assert.equal(bonusFor(CharClass.Whitespace, CharClass.Lower), 8);
  assert.equal(bonusFor(CharClass.NonWord, CharClass.Upper), 8);
  assert.equal(bonusFor(CharClass.Lower, CharClass.Upper), 5);
  assert.equal(bonusFor(CharClass.Lower, CharClass.Number), 5);
  assert.equal(bonusFor(CharClass.Lower, CharClass.Lower), 0);
});

test('a single character takes the first position with a word-start bonus, even if a later one is better', () => {
  assert.deepEqual(match(fuzzyMatch, 'x-a/a', 'a'), { score: 32, out: [2] });
  assert.deepEqual(match(fuzzyMatch, 'xa/a', 'a'), { score: 34, out: [3] });
});

test('the optimal alignment prefers word starts over the first occurrence', () => {
  assert.deepEqual(match(fuzzyMatch, 'a/b/abcabcabc_abc.txt', 'aab'), { score: 79, out: [0, 4, 5] });
  assert.deepEqual(match(substringMatch, 'tests/test_main_test.py', 'test'), { score: 109, out: [0, 1, 2, 3] });
  assert.equal(match(fuzzyMatch, 'abc', 'abd').score, null);
});

test('inputs too large for the score matrix fall back to a greedy match', () => {
  assert.equal(optimalSearchFits(28, 5, true), true);
  assert.equal(optimalSearchFits(2000, 60, true), false);
  assert.equal(optimalSearchFits(40_000, 2, true), false);
  const long = `a${'x'.repeat(70_000)}b/ab`;
  // The best alignment is the final `ab`; the greedy one takes the first `a` and the first `b`.
  assert.deepEqual(match(fuzzyMatch, long, 'ab').out, [0, 70_001]);
});

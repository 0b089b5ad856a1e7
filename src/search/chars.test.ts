import assert from 'node:assert/strict';
import { test } from 'node:test';
import { charClass, CharClass, normalizeLatin, toLowerCase } from './chars.ts';

const cp = (s: string) => s.codePointAt(0)!;

test('character classes: only the slash delimits paths', () => {
  assert.equal(charClass(cp('/')), CharClass.Delimiter);
  assert.equal(charClass(cp(':')), CharClass.NonWord);
  assert.equal(charClass(cp('_')), CharClass.NonWord);
  assert.equal(charClass(cp(' ')), CharClass.Whitespace);
  assert.equal(charClass(cp('\v')), CharClass.NonWord);
  assert.equal(charClass(cp('é')), CharClass.Lower);
  assert.equal(charClass(cp('Ł')), CharClass.Upper);
  assert.equal(charClass(cp('日')), CharClass.Letter);
  assert.equal(charClass(cp('²')), CharClass.Number);
});

test('Latin variants normalise to ASCII, with the reference table’s own choices', () => {
  const n = (s: string) => String.fromCodePoint(normalizeLatin(cp(s)));
  assert.equal(n('ä'), 'a');
  assert.equal(n('ữ'), 'u');
  assert.equal(n('ł'), 'l');
  assert.equal(n('¡'), '!');
  assert.equal(n('Æ'), 'Æ');
  assert.equal(n('º'), '0');
  assert.equal(n('日'), '日');
});

test('simple case folding as of Unicode 15', () => {
  const f = (s: string) => String.fromCodePoint(toLowerCase(cp(s)));
  assert.equal(f('É'), 'é');
  assert.equal(f('ſ'), 's');
  assert.equal(f('ς'), 'σ');
  assert.equal(f('ꭰ'), 'Ꭰ');
  assert.equal(f('Ꭰ'), 'Ꭰ');
  assert.equal(f('İ'), 'İ');
});

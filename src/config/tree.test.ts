import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseToml } from './toml.ts';
import { canonicalJson, mergeTables, valueAt, versionOf } from './tree.ts';

test('tables merge key by key; other values are replaced by the overlay', () => {
  const base = { a: { b: 1, c: [1] }, d: 'x', e: { f: 1 } };
  const overlay = { a: { c: [2], g: true }, d: { h: 1 }, e: 3 };
  assert.deepEqual(mergeTables(base, overlay), { a: { b: 1, c: [2], g: true }, d: { h: 1 }, e: 3 });
  assert.deepEqual(base, { a: { b: 1, c: [1] }, d: 'x', e: { f: 1 } }, 'inputs untouched');
});

test('valueAt follows tables and array indexes', () => {
  const doc = { a: { b: [{ c: 1 }] } };
  assert.equal(valueAt(doc, ['a', 'b', 0, 'c']), 1);
  assert.equal(valueAt(doc, ['a', 'x', 'c']), undefined);
  assert.equal(valueAt(doc, ['constructor']), undefined);
});

test('versions hash the canonical JSON, as the reference does', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [true], c: 'x' } }), '{"a":{"c":"x","d":[true]},"b":1}');
  // Both hashes were read from the reference's config/read layers.
  assert.equal(versionOf({}), 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  assert.equal(versionOf(parseToml('model = "o3"\n')), 'sha256:61edcac5e5f1caddc0a8719c9f02d0343e69cb0b8e9952d18f585aadf653b074');
});

test('parsed documents are plain objects with dates as text', () => {
  const doc = parseToml('d = 1979-05-27\n[t]\n"q.r" = 1\n');
  assert.deepEqual(doc, { d: '1979-05-27', t: { 'q.r': 1 } });
  assert.equal(Object.getPrototypeOf(doc), Object.prototype);
});

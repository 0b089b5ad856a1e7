import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseUuid, uuidv7 } from './uuid.ts';

test('uuidv7 is version 7, variant 10, and time-ordered', () => {
  const a = uuidv7(1000);
  const b = uuidv7(2000);
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.ok(a < b);
});

test('parseUuid accepts the hyphenated, simple, braced and urn forms', () => {
  const id = '01a21614-1801-70a3-aeb2-c1c75e05f59b';
  for (const form of [id, id.toUpperCase(), id.replaceAll('-', ''), `{${id}}`, `urn:uuid:${id}`]) {
    assert.deepEqual(parseUuid(form), { ok: true, uuid: id });
  }
});

test('parseUuid explains failures as the reference does', () => {
  assert.deepEqual(parseUuid('not-a-uuid'), {
    ok: false,
    message: 'invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1',
  });
  assert.deepEqual(parseUuid('abc'), { ok: false, message: 'invalid length: expected length 32 for simple format, found 3' });
  assert.deepEqual(parseUuid('ab-cd'), { ok: false, message: 'invalid group count: expected 5, found 2' });
  assert.deepEqual(parseUuid('0000000-0000-0000-0000-000000000000'), {
    ok: false,
    message: 'invalid group length in group 0: expected 8, found 7',
  });
  assert.deepEqual(parseUuid('{00000000-0000-0000-0000-00000000000}'), {
    ok: false,
    message: 'invalid group length in group 4: expected 12, found 13',
  });
});

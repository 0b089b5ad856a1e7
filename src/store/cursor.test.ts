import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { StoreError } from './types.ts';

test('a cursor decodes to the position it was made from, for its own sort key only', () => {
  for (const id of ['019a0000-0000-7000-8000-000000000001', '', 'é "quoted" \u{1F600}']) {
    const cursor = encodeCursor('updated_at', 1_750_000_000, id);
    assert.match(cursor, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeCursor(cursor, 'updated_at'), { at: 1_750_000_000, id });
    assert.throws(() => decodeCursor(cursor, 'created_at'), new StoreError('invalidCursor', `invalid cursor: ${cursor}`));
  }
});

test('anything else is an invalid cursor, quoted in the message', () => {
  const valid = encodeCursor('created_at', 5, 'x');
  for (const bad of ['', 'abc', `${valid}=`, ` ${valid}`, Buffer.from('[1,2,3]').toString('base64url')]) {
    assert.throws(() => decodeCursor(bad, 'created_at'), new StoreError('invalidCursor', `invalid cursor: ${bad}`));
  }
});

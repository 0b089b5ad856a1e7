import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RpcError } from '../../rpc/errors.ts';
import { paginate } from './paginate.ts';

const items = ['a', 'b', 'c', 'd', 'e'];
const refused = (message: string) => (err: unknown) => err instanceof RpcError && err.kind === 'badRequest' && err.message === message;

test('without a cursor or limit everything is one page', () => {
  assert.deepEqual(paginate(items, undefined, undefined), { data: items, nextCursor: null });
  assert.deepEqual(paginate(items, null, null), { data: items, nextCursor: null });
});

test('the cursor is the index of the next page', () => {
  assert.deepEqual(paginate(items, undefined, 2), { data: ['a', 'b'], nextCursor: '2' });
  assert.deepEqual(paginate(items, '2', 2), { data: ['c', 'd'], nextCursor: '4' });
  assert.deepEqual(paginate(items, '4', 2), { data: ['e'], nextCursor: null });
});

test('a limit of 0 is taken as 1, a limit past the end as everything', () => {
  assert.deepEqual(paginate(items, undefined, 0), { data: ['a'], nextCursor: '1' });
  assert.deepEqual(paginate(items, '1', 4_294_967_295), { data: ['b', 'c', 'd', 'e'], nextCursor: null });
});

test('a cursor at the end gives an empty last page; past it is refused', () => {
  assert.deepEqual(paginate(items, '5', 3), { data: [], nextCursor: null });
  assert.throws(() => paginate(items, '6', undefined), refused('cursor 6 exceeds total models 5'));
});

test('cursors parse as Rust parses a usize, and the error names the parsed index', () => {
  assert.deepEqual(paginate(items, '+3', undefined).data, ['d', 'e']);
  assert.deepEqual(paginate(items, '003', undefined).data, ['d', 'e']);
  assert.throws(() => paginate(items, '+100', undefined), refused('cursor 100 exceeds total models 5'));
  assert.throws(() => paginate(items, '18446744073709551615', undefined), refused('cursor 18446744073709551615 exceeds total models 5'));
  for (const bad of ['abc', '-1', '', ' 3', '3 ', '+', '1.0', '١', '18446744073709551616']) {
    assert.throws(() => paginate(items, bad, undefined), refused(`invalid cursor: ${bad}`), bad);
  }
});

test('an empty list is one empty page whatever the cursor', () => {
  assert.deepEqual(paginate([], 'abc', 2), { data: [], nextCursor: null });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RpcError } from '../rpc/errors.ts';
import { paginate } from './paginate.ts';

const items = ['a', 'b', 'c', 'd', 'e'];
const refused = (message: string) => (err: unknown) => err instanceof RpcError && err.kind === 'badRequest' && err.message === message;

test('without a cursor or limit everything is one page', () => {
  assert.deepEqual(paginate(items, undefined, undefined, 'models'), { data: items, nextCursor: null });
  assert.deepEqual(paginate(items, null, null, 'models'), { data: items, nextCursor: null });
});

test('the cursor is the index of the next page', () => {
  assert.deepEqual(paginate(items, undefined, 2, 'models'), { data: ['a', 'b'], nextCursor: '2' });
  assert.deepEqual(paginate(items, '2', 2, 'models'), { data: ['c', 'd'], nextCursor: '4' });
  assert.deepEqual(paginate(items, '4', 2, 'models'), { data: ['e'], nextCursor: null });
});

test('a limit of 0 is taken as 1, a limit past the end as everything', () => {
  assert.deepEqual(paginate(items, undefined, 0, 'models'), { data: ['a'], nextCursor: '1' });
  assert.deepEqual(paginate(items, '1', 4_294_967_295, 'models'), { data: ['b', 'c', 'd', 'e'], nextCursor: null });
});

test('a cursor at the end gives an empty last page; past it is refused', () => {
  assert.deepEqual(paginate(items, '5', 3, 'models'), { data: [], nextCursor: null });
  assert.throws(() => paginate(items, '6', undefined, 'models'), refused('cursor 6 exceeds total models 5'));
});

test('cursors parse as Rust parses a usize, and the error names the parsed index', () => {
  assert.deepEqual(paginate(items, '+3', undefined, 'models').data, ['d', 'e']);
  assert.deepEqual(paginate(items, '003', undefined, 'models').data, ['d', 'e']);
  assert.throws(() => paginate(items, '+100', undefined, 'models'), refused('cursor 100 exceeds total models 5'));
  assert.throws(() => paginate(items, '18446744073709551615', undefined, 'models'), refused('cursor 18446744073709551615 exceeds total models 5'));
  for (const bad of ['abc', '-1', '', ' 3', '3 ', '+', '1.0', '١', '18446744073709551616']) {
    assert.throws(() => paginate(items, bad, undefined, 'models'), refused(`invalid cursor: ${bad}`), bad);
  }
});

test('an empty list still checks the cursor, as for MCP servers', () => {
  assert.deepEqual(paginate([], undefined, 2, 'MCP servers'), { data: [], nextCursor: null });
  assert.deepEqual(paginate([], '0', 0, 'MCP servers'), { data: [], nextCursor: null });
  assert.throws(() => paginate([], '1', undefined, 'MCP servers'), refused('cursor 1 exceeds total MCP servers 0'));
  assert.throws(() => paginate([], 'x', undefined, 'MCP servers'), refused('invalid cursor: x'));
});

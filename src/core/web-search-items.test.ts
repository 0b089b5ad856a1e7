import assert from 'node:assert/strict';
import { test } from 'node:test';
import { webSearchDetail, webSearchItem } from './web-search-items.ts';

test('a call without an action yet starts as `other` with an empty query', () => {
  assert.deepEqual(webSearchItem({ type: 'web_search_call', id: 'ws_1', status: 'in_progress' }), {
    type: 'webSearch',
    id: 'ws_1',
    query: '',
    action: { type: 'other' },
  });
});

test('a call without an id keeps an empty id', () => {
  assert.equal(webSearchItem({ type: 'web_search_call', action: { type: 'search', query: 'q' } }).id, '');
});

test('actions take the protocol spelling with absent fields as null', () => {
  assert.deepEqual(webSearchItem({ type: 'web_search_call', id: 'a', action: { type: 'search', query: 'weather' } }), {
    type: 'webSearch',
    id: 'a',
    query: 'weather',
    action: { type: 'search', query: 'weather', queries: null },
  });
  assert.deepEqual(webSearchItem({ type: 'web_search_call', id: 'b', action: { type: 'open_page' } }).action, { type: 'openPage', url: null });
  assert.deepEqual(webSearchItem({ type: 'web_search_call', id: 'c', action: { type: 'find_in_page', pattern: 'p' } }).action, {
    type: 'findInPage',
    url: null,
    pattern: 'p',
  });
  assert.deepEqual(webSearchItem({ type: 'web_search_call', id: 'd', action: { type: 'other' } }).action, { type: 'other' });
});

test('the query line describes the action', () => {
  assert.equal(webSearchDetail({ type: 'search', query: 'one' }), 'one');
  assert.equal(webSearchDetail({ type: 'search', query: '', queries: ['only'] }), 'only');
  assert.equal(webSearchDetail({ type: 'search', queries: ['q one', 'q two'] }), 'q one ...');
  assert.equal(webSearchDetail({ type: 'search', queries: ['', 'q two'] }), '');
  assert.equal(webSearchDetail({ type: 'search' }), '');
  assert.equal(webSearchDetail({ type: 'open_page', url: 'https://e.com' }), 'https://e.com');
  assert.equal(webSearchDetail({ type: 'open_page' }), '');
  assert.equal(webSearchDetail({ type: 'find_in_page', url: 'https://u', pattern: 'rain' }), "'rain' in https://u");
  assert.equal(webSearchDetail({ type: 'find_in_page', pattern: 'p' }), "'p'");
  assert.equal(webSearchDetail({ type: 'find_in_page', url: 'https://u' }), 'https://u');
  assert.equal(webSearchDetail({ type: 'find_in_page' }), '');
  assert.equal(webSearchDetail({ type: 'other' }), '');
});

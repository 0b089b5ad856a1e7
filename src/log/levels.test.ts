import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLogFilter } from './levels.ts';

test('plain levels, in any case', () => {
  assert.equal(parseLogFilter('warn'), 'warn');
  assert.equal(parseLogFilter('WARN'), 'warn');
  assert.equal(parseLogFilter(' trace '), 'trace');
  assert.equal(parseLogFilter('off'), 'off');
});

test('directive lists give their most verbose level', () => {
  assert.equal(parseLogFilter('error,codex_core=debug'), 'debug');
  assert.equal(parseLogFilter('codex_core=warn'), 'warn');
  assert.equal(parseLogFilter('codex_app_server=off,warn'), 'warn');
  assert.equal(parseLogFilter('info,transport=error'), 'info');
});

test('nothing usable gives undefined, so the caller uses its default', () => {
  assert.equal(parseLogFilter(undefined), undefined);
  assert.equal(parseLogFilter(''), undefined);
  assert.equal(parseLogFilter('garbage'), undefined);
  assert.equal(parseLogFilter('codex_core=loud'), undefined);
});

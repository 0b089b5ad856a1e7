import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contextWindowFor } from './context-window.ts';

// Measured on the reference: `modelContextWindow` in thread/tokenUsage/updated is 95% of these.
test('catalogue models have their window', () => {
  assert.equal(contextWindowFor('gpt-5.4'), 272_000);
  assert.equal(contextWindowFor('gpt-5.3-codex'), 272_000);
  assert.equal(contextWindowFor('gpt-5'), 272_000);
  assert.equal(contextWindowFor('gpt-oss-120b'), 128_000);
  assert.equal(contextWindowFor('gpt-oss-20b'), 128_000);
});

test('an unlisted slug takes the window of its longest listed prefix', () => {
  assert.equal(contextWindowFor('gpt-oss-20b:latest'), 128_000);
  assert.equal(contextWindowFor('gpt-oss-120b-custom'), 128_000);
  assert.equal(contextWindowFor('gpt-5.4-mini'), 272_000);
});

test('models the catalogue does not know have no window', () => {
  for (const model of ['mock-model', 'gpt-oss', 'o3', 'gpt-4.1', '']) assert.equal(contextWindowFor(model), undefined, model);
});

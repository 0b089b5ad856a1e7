import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storesItem } from './persistence-policy.ts';

test('tool items are stored only with extended history', () => {
  const command = { type: 'commandExecution' } as Parameters<typeof storesItem>[0];
  const message = { type: 'agentMessage' } as Parameters<typeof storesItem>[0];
  assert.equal(storesItem(command, false), false);
  assert.equal(storesItem(command, true), true);
  assert.equal(storesItem(message, false), true);
});

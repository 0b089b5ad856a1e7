import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveFeatures } from '../config/features.ts';
import { experimentalFeatures } from './experimental-features.ts';

test('defaults: 46 flags in the reference order, copy only where the reference has it', () => {
  const list = experimentalFeatures(resolveFeatures({}, {}).states);
  assert.equal(list.length, 46);
  assert.deepEqual(list[0], {
    name: 'undo', stage: 'stable', displayName: null, description: null, announcement: null, enabled: false, defaultEnabled: false,
  });
  assert.equal(list.at(-1)!.name, 'responses_websockets_v2');
  const guardian = list.find((f) => f.name === 'guardian_approval')!;
  assert.equal(guardian.displayName, 'Automatic approval review');
  assert.equal(guardian.announcement, '');
  assert.ok(list.every((f) => f.enabled === f.defaultEnabled));
});

test('enabled follows the configuration, aliases and dependency fixes included', () => {
  const { states } = resolveFeatures({ features: { collab: true, sqlite: false, js_repl_tools_only: true } }, { features: { undo: true } });
  const enabled = Object.fromEntries(experimentalFeatures(states).map((f) => [f.name, f.enabled]));
  assert.equal(enabled.multi_agent, true);
  assert.equal(enabled.sqlite, false);
  assert.equal(enabled.undo, true);
  assert.equal(enabled.js_repl_tools_only, false);
});

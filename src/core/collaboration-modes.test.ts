import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withCollaborationMode } from './collaboration-modes.ts';
import type { ThreadSettings } from './thread-settings.ts';

const settings = { model: 'thread-model', effort: 'high', collaborationMode: null } as unknown as ThreadSettings;

test('a chosen mode sets the model and the effort, a missing effort meaning the model default', () => {
  const plan = { mode: 'plan' as const, settings: { model: 'plan-model', reasoning_effort: 'low' as const, developer_instructions: null } };
  assert.deepEqual(withCollaborationMode(settings, plan), { model: 'plan-model', effort: 'low', collaborationMode: plan });
  const bare = { mode: 'default' as const, settings: { model: 'm' } };
  assert.deepEqual(withCollaborationMode(settings, bare), { model: 'm', effort: null, collaborationMode: bare });
  assert.equal(settings.model, 'thread-model', 'the settings given are left as they were');
});

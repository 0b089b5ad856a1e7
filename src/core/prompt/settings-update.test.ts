import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResponseItem } from '../../model/index.ts';
import type { CollaborationMode } from '../../protocol/index.ts';
import { modeContext } from './collaboration-mode.ts';
import { settingsUpdateItems } from './settings-update.ts';
import { testContext } from './test-context.ts';
import type { TurnContext } from './turn-context.ts';

/** Each message as role and the opening tag of each section. */
const shape = (items: ResponseItem[]) =>
  items.map((m) => (m.type === 'message' ? `${m.role}: ${m.content.map((c) => (c.type === 'input_image' ? '' : c.text.split(/[\s>]/)[0])).join(' ')}` : m.type));

const mode = (kind: 'plan' | 'default', developer_instructions: string | null = null): CollaborationMode => ({
  mode: kind,
  settings: { model: 'mock-model', reasoning_effort: null, developer_instructions },
});
const inMode = (m: CollaborationMode | null, more: Partial<TurnContext> = {}) => testContext({ ...modeContext(m, false), ...more });

test('nothing changed, nothing said', () => {
  assert.deepEqual(settingsUpdateItems(testContext(), testContext()), []);
});

test('a new cwd is a new environment context, without permissions for the same policy', () => {
  const prev = testContext({ sandboxPolicy: { type: 'workspaceWrite', writableRoots: [] } });
  const next = testContext({ cwd: '/tmp', sandboxPolicy: { type: 'workspaceWrite', networkAccess: false } });
  assert.deepEqual(shape(settingsUpdateItems(prev, next)), ['user: <environment_context']);
});

test('permissions, mode and environment changes: one developer message, then the environment', () => {
  const next = testContext({ cwd: '/tmp', approvalPolicy: 'on-request', sandboxPolicy: { type: 'readOnly' }, ...modeContext(mode('plan'), false) });
  assert.deepEqual(shape(settingsUpdateItems(testContext(), next)), ['developer: <permissions <collaboration_mode', 'user: <environment_context']);
});

test('a mode is announced when its kind, instructions, model or effort change, and only when it has instructions', () => {
  const step = (a: TurnContext, b: TurnContext) => shape(settingsUpdateItems(a, b));
  assert.deepEqual(step(inMode(null), inMode(mode('default'))), ['developer: <collaboration_mode']);
  assert.deepEqual(step(inMode(mode('default')), inMode(mode('default'))), []);
  assert.deepEqual(step(inMode(mode('default')), inMode(mode('plan'))), ['developer: <collaboration_mode']);
  assert.deepEqual(step(inMode(mode('plan')), inMode(mode('plan'))), []);
  assert.deepEqual(step(inMode(mode('plan')), inMode(mode('default', 'X'))), ['developer: <collaboration_mode']);
  assert.deepEqual(step(inMode(mode('default', 'X')), inMode(mode('default', 'X'))), []);
  assert.deepEqual(step(inMode(mode('plan')), inMode(mode('plan'), { effort: 'high' })), ['developer: <collaboration_mode']);
  assert.deepEqual(step(inMode(mode('plan')), inMode(mode('plan'), { model: 'other' })), ['developer: <model_switch <collaboration_mode']);
  // Without instructions nothing is said, and the earlier mode's instructions stay in force.
  assert.deepEqual(step(inMode(mode('plan')), inMode(mode('default', ''))), []);
  assert.deepEqual(step(inMode(null), inMode(null, { effort: 'high' })), []);
});

test('a first turn leaves a new model unmentioned but tells the rest', () => {
  const next = inMode(mode('plan'), { model: 'other', approvalPolicy: 'untrusted' });
  assert.deepEqual(shape(settingsUpdateItems(inMode(null), next, { announceModel: false })), ['developer: <permissions <collaboration_mode']);
});

test('a personality change reaches only models that take one, and not with a model switch', () => {
  const codex = testContext({ model: 'gpt-5.2-codex', personality: 'pragmatic' });
  assert.deepEqual(shape(settingsUpdateItems(codex, { ...codex, personality: 'friendly' })), ['developer: <personality_spec']);
  assert.deepEqual(shape(settingsUpdateItems(codex, { ...codex, personality: 'none' })), []);
  assert.deepEqual(shape(settingsUpdateItems(testContext(), testContext({ personality: 'friendly' }))), []);
  assert.deepEqual(
    shape(settingsUpdateItems(codex, { ...codex, model: 'gpt-5.3-codex', personality: 'friendly', sandboxPolicy: { type: 'readOnly' } })),
    ['developer: <model_switch <permissions'],
  );
});

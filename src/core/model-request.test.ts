import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResponseItem } from '../model/index.ts';
import { contextUpdate } from './model-request.ts';
import { modeContext } from './prompt/collaboration-mode.ts';
import { testContext } from './prompt/test-context.ts';

/** Each message as role and the opening tag of each section. */
const shape = (items: ResponseItem[]) =>
  items.map((m) => (m.type === 'message' ? `${m.role}: ${m.content.map((c) => (c.type === 'input_image' ? '' : c.text.split(/[\s>]/)[0])).join(' ')}` : m.type));

const plan = modeContext({ mode: 'plan', settings: { model: 'other', reasoning_effort: null, developer_instructions: null } }, false);

test("a thread's first turn: the context it was started with, then this turn's overrides, a new model unmentioned", () => {
  const started = testContext();
  const turn = testContext({ ...plan, model: 'other', approvalPolicy: 'untrusted' });
  assert.deepEqual(shape(contextUpdate([], started, turn)), [
    'developer: <permissions',
    'user: <environment_context',
    'developer: <permissions <collaboration_mode',
  ]);
});

test('a compacted history gets the whole context again, as it is now', () => {
  const summary: ResponseItem = { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'summary' }] };
  assert.deepEqual(shape(contextUpdate([summary], testContext(), testContext(plan))), ['developer: <permissions <collaboration_mode', 'user: <environment_context']);
});

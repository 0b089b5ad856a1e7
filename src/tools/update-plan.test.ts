import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testToolContext } from '../../test/support/tool-context.ts';
import type { ToolContext } from './registry.ts';
import { updatePlanHandler } from './update-plan.ts';

function context(sent: unknown[]): ToolContext {
  return testToolContext({ threadId: 't', turnId: 'u', notify: (method, params) => void sent.push([method, params]) });
}

test('update_plan announces the plan with protocol statuses and acknowledges it', async () => {
  const sent: unknown[] = [];
  const input = JSON.stringify({ explanation: 'why', plan: [{ step: 'a', status: 'in_progress' }, { step: 'b', status: 'pending' }] });
  const out = await updatePlanHandler({ callId: 'c', name: 'update_plan', input, kind: 'function' }, context(sent));
  assert.deepEqual(out, { type: 'function_call_output', call_id: 'c', output: 'Plan updated' });
  assert.deepEqual(sent, [['turn/plan/updated', { explanation: 'why', plan: [{ step: 'a', status: 'inProgress' }, { step: 'b', status: 'pending' }] }]]);
});

test('unusable arguments are answered to the model and nothing is announced', async () => {
  const sent: unknown[] = [];
  const out = await updatePlanHandler({ callId: 'c', name: 'update_plan', input: '{"plan":[{"step":"a","status":"doing"}]}', kind: 'function' }, context(sent));
  assert.match(String((out as { output: string }).output), /failed to parse function arguments/);
  assert.deepEqual(sent, []);
});

test('update_plan is refused in Plan mode, and nothing is announced', async () => {
  const sent: unknown[] = [];
  const ctx = { ...context(sent), collaborationMode: 'plan' as const };
  const out = await updatePlanHandler({ callId: 'c', name: 'update_plan', input: '{"plan":[]}', kind: 'function' }, ctx);
  assert.deepEqual(out, { type: 'function_call_output', call_id: 'c', output: 'update_plan is a TODO/checklist tool and is not allowed in Plan mode' });
  assert.deepEqual(sent, []);
});

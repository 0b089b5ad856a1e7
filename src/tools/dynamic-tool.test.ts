import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testToolContext } from '../../test/support/tool-context.ts';
import type { AskOptions, ClientAnswer } from '../core/client-requests.ts';
import type { ThreadItem } from '../protocol/index.ts';
import { dynamicToolHandler, REQUEST_FAILED } from './dynamic-tool.ts';
import type { ToolCall, ToolContext } from './registry.ts';

const weather = { name: 'lookup_weather', description: 'weather', inputSchema: { type: 'object' } };
const call = (input: string, name = 'lookup_weather'): ToolCall => ({ callId: 'call_1', name, input, kind: 'function' });

interface Seen {
  started: Array<[ThreadItem, { stored: boolean } | undefined]>;
  completed: ThreadItem[];
  asked: Array<[string, Record<string, unknown>, AskOptions]>;
}

function context(answer: () => Promise<ClientAnswer>): { ctx: ToolContext; seen: Seen } {
  const seen: Seen = { started: [], completed: [], asked: [] };
  const ctx = testToolContext({
    dynamicTools: [weather],
    startItem: (item, opts) => seen.started.push([item, opts]),
    completeItem: (item) => seen.completed.push(item),
    ask: (method, params, opts) => {
      seen.asked.push([method, params, opts]);
      return answer();
    },
  });
  return { ctx, seen };
}

test('the client runs the call: item/tool/call without a status flag, the items go to the model as they are', async () => {
  const { ctx, seen } = context(async () => ({
    kind: 'result',
    result: { contentItems: [{ type: 'inputText', text: 'sunny' }, { type: 'inputImage', imageUrl: 'data:image/png;base64,AA' }], success: false },
  }));
  const out = await dynamicToolHandler(call('{"city":"Paris"}'), ctx);
  assert.deepEqual(out, {
    type: 'function_call_output',
    call_id: 'call_1',
    output: [{ type: 'input_text', text: 'sunny' }, { type: 'input_image', image_url: 'data:image/png;base64,AA' }],
  });
  assert.deepEqual(seen.asked, [['item/tool/call', { callId: 'call_1', tool: 'lookup_weather', arguments: { city: 'Paris' } }, {}]]);
  const [started, opts] = seen.started[0]!;
  assert.deepEqual(opts, { stored: true });
  assert.deepEqual(started, { type: 'dynamicToolCall', id: 'call_1', tool: 'lookup_weather', arguments: { city: 'Paris' }, status: 'inProgress', contentItems: null, success: null, durationMs: null });
  const completed = seen.completed[0] as Extract<ThreadItem, { type: 'dynamicToolCall' }>;
  assert.equal(completed.status, 'failed');
  assert.equal(completed.success, false);
  assert.equal(typeof completed.durationMs, 'number');
});

test('an error answer or an unreadable result fails the call with the stand-in text', async () => {
  for (const answer of [{ kind: 'error', error: { code: -1, message: 'no' } }, { kind: 'result', result: { success: true } }] as ClientAnswer[]) {
    const { ctx, seen } = context(async () => answer);
    const out = await dynamicToolHandler(call('[1,2]'), ctx);
    assert.deepEqual(out, { type: 'function_call_output', call_id: 'call_1', output: [{ type: 'input_text', text: REQUEST_FAILED }] });
    assert.deepEqual(seen.asked[0]![1].arguments, [1, 2]);
    assert.equal((seen.completed[0] as { status: string }).status, 'failed');
  }
});

test('arguments that are not JSON are refused to the model without asking the client', async () => {
  const { ctx, seen } = context(async () => assert.fail('asked'));
  const out = await dynamicToolHandler(call('not json'), ctx);
  assert.deepEqual(out, { type: 'function_call_output', call_id: 'call_1', output: 'failed to parse function arguments: expected ident at line 1 column 2' });
  assert.equal(seen.started.length, 0);
});

test('a name the thread does not have is an unsupported call', async () => {
  const { ctx, seen } = context(async () => assert.fail('asked'));
  assert.deepEqual(await dynamicToolHandler(call('{}', 'other'), ctx), { type: 'function_call_output', call_id: 'call_1', output: 'unsupported call: other' });
  assert.equal(seen.started.length, 0);
});

test('an interrupted call rejects and leaves its item in progress', async () => {
  const { ctx, seen } = context(() => Promise.reject(new Error('interrupted')));
  await assert.rejects(dynamicToolHandler(call('{}'), ctx), /interrupted/);
  assert.equal(seen.started.length, 1);
  assert.equal(seen.completed.length, 0);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testToolContext } from '../../test/support/tool-context.ts';
import { ToolRegistry, toolCallOf, toolOutput } from './registry.ts';

const ctx = testToolContext();

test('calls to unknown tools are answered to the model instead of failing the turn', async () => {
  const registry = new ToolRegistry();
  const call = toolCallOf({ type: 'function_call', name: 'nope', arguments: '{}', call_id: 'c1' })!;
  assert.deepEqual(await registry.run(call, ctx), { type: 'function_call_output', call_id: 'c1', output: 'unsupported call: nope' });
});

test('a registered handler gets the call; custom tool calls get custom outputs', async () => {
  const registry = new ToolRegistry();
  registry.register('echo', async (call) => toolOutput(call, call.input.toUpperCase()));
  const call = toolCallOf({ type: 'custom_tool_call', name: 'echo', input: 'hi', call_id: 'c2' })!;
  assert.equal(call.kind, 'custom');
  assert.deepEqual(await registry.run(call, ctx), { type: 'custom_tool_call_output', call_id: 'c2', output: 'HI' });
  assert.equal(toolCallOf({ type: 'message', role: 'assistant', content: [] }), null);
});

test('calls to unregistered names go to the fallback', async () => {
  const registry = new ToolRegistry();
  registry.registerFallback(async (call) => toolOutput(call, `fallback ${call.name}`));
  const call = toolCallOf({ type: 'function_call', name: 'client_tool', arguments: '{}', call_id: 'c3' })!;
  assert.deepEqual(await registry.run(call, ctx), { type: 'function_call_output', call_id: 'c3', output: 'fallback client_tool' });
});

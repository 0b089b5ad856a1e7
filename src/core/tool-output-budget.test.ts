import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boundedToolOutput, toolOutputPolicy } from './tool-output-budget.ts';

test('the budget comes from the catalogue, 10 000 bytes for unknown models, tool_output_token_limit replacing the limit', () => {
  assert.deepEqual(toolOutputPolicy('gpt-5.3-codex', {}), { kind: 'tokens', limit: 10_000 });
  assert.deepEqual(toolOutputPolicy('gpt-5.2', {}), { kind: 'bytes', limit: 10_000 });
  assert.deepEqual(toolOutputPolicy('mock-model', {}), { kind: 'bytes', limit: 10_000 });
  assert.deepEqual(toolOutputPolicy('mock-model', { toolOutputTokenLimit: 100 }), { kind: 'bytes', limit: 400 });
  assert.deepEqual(toolOutputPolicy('gpt-5-codex', { toolOutputTokenLimit: 100 }), { kind: 'tokens', limit: 100 });
});

test('outputs within a fifth over the budget are kept whole; longer ones are cut in the middle', () => {
  const policy = { kind: 'bytes' as const, limit: 100 };
  const fits = { type: 'function_call_output' as const, call_id: 'c', output: 'x'.repeat(120) };
  assert.equal(boundedToolOutput(fits, policy), fits);
  const long = boundedToolOutput({ type: 'custom_tool_call_output', call_id: 'c', output: 'a'.repeat(100) + 'b'.repeat(100) }, policy);
  assert.equal(long.type, 'custom_tool_call_output');
  const text = (long as { output: string }).output;
  assert.match(text, /^a{60}…80 chars truncated…b{60}$/);
  const message = { type: 'message' as const, role: 'user' as const, content: [{ type: 'input_text' as const, text: 'z'.repeat(1000) }] };
  assert.equal(boundedToolOutput(message, policy), message);
});

test('content items share the budget; images stay; texts past it are counted', () => {
  const out = boundedToolOutput(
    {
      type: 'function_call_output',
      call_id: 'c',
      output: [
        { type: 'input_text', text: 'a'.repeat(100) },
        { type: 'input_image', image_url: 'data:image/png;base64,AAAA' },
        { type: 'input_text', text: 'b'.repeat(100) },
        { type: 'input_text', text: 'c' },
      ],
    },
    { kind: 'bytes', limit: 100 },
  ) as { output: unknown[] };
  assert.deepEqual(out.output.map((i) => (i as { type: string }).type), ['input_text', 'input_image', 'input_text', 'input_text']);
  assert.equal((out.output[0] as { text: string }).text, 'a'.repeat(100));
  assert.match((out.output[2] as { text: string }).text, /truncated/);
  assert.deepEqual(out.output[3], { type: 'input_text', text: '[omitted 1 text items ...]' });
});

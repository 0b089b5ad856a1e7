import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestBody } from '../../model/request.ts';
import { BASE_INSTRUCTIONS } from './base-instructions.ts';
import { buildRequest } from './build-request.ts';
import { testContext } from './test-context.ts';
import type { TurnContext } from './turn-context.ts';

const body = (ctx: Partial<TurnContext>) => {
  const { input, tools, instructions, ...rest } = JSON.parse(requestBody(buildRequest(testContext(ctx), [], { promptCacheKey: 'thread-1' })));
  return { ...rest, instructions: instructions === BASE_INSTRUCTIONS ? 'BASE' : instructions, tools: tools.length };
};

// The request settings codex-cli 0.113.0 sent for these models and configurations.

test('a model outside the catalogue gets no reasoning settings', () => {
  assert.deepEqual(body({ effort: 'high', summary: 'detailed' }), {
    model: 'mock-model',
    instructions: 'BASE',
    tools: 6,
    tool_choice: 'auto',
    parallel_tool_calls: false,
    reasoning: null,
    store: false,
    stream: true,
    include: [],
    prompt_cache_key: 'thread-1',
  });
});

test("catalogue models: reasoning from the model's defaults, encrypted reasoning included", () => {
  const pick = (ctx: Partial<TurnContext>) => {
    const { parallel_tool_calls, reasoning, include, text } = body(ctx);
    return { parallel_tool_calls, reasoning, include, text };
  };
  const encrypted = ['reasoning.encrypted_content'];
  assert.deepEqual(pick({ model: 'gpt-5.1-codex' }), { parallel_tool_calls: false, reasoning: { effort: 'medium', summary: 'auto' }, include: encrypted, text: undefined });
  assert.deepEqual(pick({ model: 'gpt-5.2' }), { parallel_tool_calls: true, reasoning: { effort: 'medium', summary: 'auto' }, include: encrypted, text: { verbosity: 'low' } });
  assert.deepEqual(pick({ model: 'gpt-5.3-codex' }), { parallel_tool_calls: true, reasoning: { effort: 'medium' }, include: encrypted, text: { verbosity: 'low' } });
  assert.deepEqual(pick({ model: 'gpt-5.1-codex-max', effort: 'xhigh', summary: 'concise', verbosity: 'low' }), {
    parallel_tool_calls: false,
    reasoning: { effort: 'xhigh', summary: 'concise' },
    include: encrypted,
    text: undefined,
  });
  assert.deepEqual(pick({ model: 'gpt-5.2', effort: 'none', summary: 'none' }).reasoning, { effort: 'none' });
  assert.deepEqual(pick({ model: 'gpt-5.2-codex-preview' }).parallel_tool_calls, true, 'longest listed prefix');
});

test('output schema, service tier', () => {
  const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false };
  assert.deepEqual(body({ outputSchema: schema }).text, { format: { type: 'json_schema', strict: true, schema, name: 'codex_output_schema' } });
  assert.equal(body({ serviceTier: 'fast' }).service_tier, 'priority');
  assert.equal(body({ serviceTier: 'flex' }).service_tier, 'flex');
});

test('instructions: the thread\'s own, or ours with the style for models that take one', () => {
  assert.equal(body({ baseInstructions: 'Be brief.' }).instructions, 'Be brief.');
  assert.equal(body({ personality: 'friendly' }).instructions, 'BASE', 'mock-model takes no personality');
  assert.match(body({ model: 'gpt-5.2-codex' }).instructions, /direct, pragmatic engineer/);
  assert.match(body({ model: 'gpt-5.2-codex', personality: 'friendly' }).instructions, /warm, encouraging/);
  assert.equal(body({ model: 'gpt-5.2-codex', personality: 'none' }).instructions, 'BASE');
});

test('a compaction request offers no tools', () => {
  assert.deepEqual(buildRequest(testContext(), [], { promptCacheKey: 'k', withTools: false }).tools, []);
});

test('Azure endpoints store responses', () => {
  const provider = { ...testContext().provider, name: 'Azure OpenAI', baseUrl: 'https://x.openai.azure.com/openai' };
  assert.equal(body({ provider }).store, true);
});

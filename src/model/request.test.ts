import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestBody, requestHeaders, type ResponsesRequest } from './request.ts';

const base: ResponsesRequest = {
  model: 'mock-model',
  instructions: 'sys',
  input: [{ type: 'message', id: 'dropped', role: 'user', content: [{ type: 'input_text', text: 'hi' }] }],
  tools: [{ type: 'function', name: 'exec_command' }],
  parallelToolCalls: false,
  reasoning: null,
  store: false,
  include: [],
  promptCacheKey: 'thread-1',
};

test('the body has the reference keys in the reference order', () => {
  assert.equal(
    requestBody(base),
    '{"model":"mock-model","instructions":"sys","input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"hi"}]}],' +
      '"tools":[{"type":"function","name":"exec_command"}],"tool_choice":"auto","parallel_tool_calls":false,"reasoning":null,"store":false,' +
      '"stream":true,"include":[],"prompt_cache_key":"thread-1"}',
  );
});

test('optional controls, as the reference sent them for gpt-5.1', () => {
  const body = JSON.parse(
    requestBody({
      ...base,
      parallelToolCalls: true,
      reasoning: { effort: 'high', summary: 'detailed' },
      include: ['reasoning.encrypted_content'],
      serviceTier: 'priority',
      text: { verbosity: 'low' },
    }),
  ) as Record<string, unknown>;
  assert.deepEqual(Object.keys(body), [
    'model', 'instructions', 'input', 'tools', 'tool_choice', 'parallel_tool_calls', 'reasoning', 'store', 'stream', 'include',
    'service_tier', 'prompt_cache_key', 'text',
  ]);
  assert.deepEqual(body.reasoning, { effort: 'high', summary: 'detailed' });
  assert.deepEqual(body.text, { verbosity: 'low' });
  assert.deepEqual(JSON.parse(requestBody({ ...base, reasoning: { effort: 'low' } })).reasoning, { effort: 'low' });
});

test('headers: provider ones first, then the turn, credentials and fixed ones', () => {
  const headers = requestHeaders(
    { url: 'http://x/v1/responses', headers: { version: '0.113.0', 'X-A': 'a' }, bearerToken: 'sk-test' },
    { originator: 'probe', userAgent: 'probe/0.113.0', sessionId: 'thread-1', turnMetadata: '{"turn_id":"t"}' },
  );
  assert.deepEqual(Object.entries(headers), [
    ['version', '0.113.0'],
    ['X-A', 'a'],
    ['x-codex-turn-metadata', '{"turn_id":"t"}'],
    ['session_id', 'thread-1'],
    ['authorization', 'Bearer sk-test'],
    ['accept', 'text/event-stream'],
    ['content-type', 'application/json'],
    ['user-agent', 'probe/0.113.0'],
    ['originator', 'probe'],
  ]);
  const bare = requestHeaders({ url: 'u', headers: {}, bearerToken: undefined }, { originator: 'o', userAgent: 'ua' });
  assert.equal('authorization' in bare, false);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ModelError } from './errors.ts';
import { EventReader } from './event-reader.ts';
import type { ModelEvent } from './events.ts';

function readAll(payloads: unknown[]): { events: ModelEvent[]; reader: EventReader } {
  const reader = new EventReader();
  const events: ModelEvent[] = [];
  for (const p of payloads) reader.read(typeof p === 'string' ? p : JSON.stringify(p), events);
  return { events, reader };
}

const events = (payloads: unknown[]) => readAll(payloads).events;

/** The error the stream reports when it ends after these payloads. */
function endError(payloads: unknown[]): { message: string; kind: string; retryDelayMs: number | undefined } {
  const err: ModelError = readAll(payloads).reader.endOfStream();
  return { message: err.message, kind: err.kind, retryDelayMs: err.retryDelayMs };
}

test('deltas carry their indexes and, when given, the item id', () => {
  assert.deepEqual(
    events([
      { type: 'response.output_text.delta', item_id: 'm1', content_index: 0, delta: 'Hi' },
      { type: 'response.reasoning_summary_part.added', item_id: 'rs', summary_index: 1 },
      { type: 'response.reasoning_summary_text.delta', item_id: 'rs', summary_index: 1, delta: 's' },
      { type: 'response.reasoning_text.delta', content_index: 2, delta: 'r' },
    ]),
    [
      { type: 'outputTextDelta', delta: 'Hi', itemId: 'm1' },
      { type: 'reasoningSummaryPartAdded', summaryIndex: 1, itemId: 'rs' },
      { type: 'reasoningSummaryTextDelta', delta: 's', summaryIndex: 1, itemId: 'rs' },
      { type: 'reasoningTextDelta', delta: 'r', contentIndex: 2, itemId: undefined },
    ],
  );
});

test('events missing what they need, unknown events and unparsable payloads are skipped', () => {
  assert.deepEqual(
    events([
      'not json',
      '[1]',
      { no: 'type' },
      { type: 'response.created' },
      { type: 'response.created', response: null },
      { type: 'response.output_text.delta' },
      { type: 'response.reasoning_summary_text.delta', delta: 'x' },
      { type: 'response.reasoning_summary_part.added' },
      { type: 'response.output_item.done', item: { type: 'function_call', name: 'f' } },
      { type: 'response.in_progress', response: {} },
      // A declared field of the wrong type spoils the whole event, even a completion.
      { type: 'response.completed', response: { id: 'r' }, delta: 5 },
      { type: 'response.output_text.delta', delta: 'x', summary_index: 'one' },
    ]),
    [],
  );
});

test('output items are parsed; unknown item types become `other`', () => {
  assert.deepEqual(
    events([
      { type: 'response.created', response: { id: 'r' } },
      { type: 'response.output_item.added', output_index: 0, item: { type: 'message', role: 'assistant', id: 'm', content: [] } },
      {
        type: 'response.output_item.done',
        item: { type: 'function_call', id: 'fc', call_id: 'c', name: 'f', arguments: '{}', status: 'completed' },
      },
      { type: 'response.output_item.done', item: { type: 'future_thing', id: 'x' } },
    ]),
    [
      { type: 'created' },
      { type: 'outputItemAdded', item: { type: 'message', id: 'm', role: 'assistant', content: [] } },
      { type: 'outputItemDone', item: { type: 'function_call', id: 'fc', name: 'f', arguments: '{}', call_id: 'c' } },
      { type: 'outputItemDone', item: { type: 'other' } },
    ],
  );
});

test('response.completed reports the id and usage, details defaulting to 0', () => {
  const usage = { input_tokens: 10, input_tokens_details: null, output_tokens: 5, output_tokens_details: null, total_tokens: 15 };
  assert.deepEqual(events([{ type: 'response.completed', response: { id: 'r1', usage } }]), [
    {
      type: 'completed',
      responseId: 'r1',
      usage: { inputTokens: 10, cachedInputTokens: 0, outputTokens: 5, reasoningOutputTokens: 0, totalTokens: 15 },
    },
  ]);
  const detailed = { ...usage, input_tokens_details: { cached_tokens: 3 }, output_tokens_details: { reasoning_tokens: 2 } };
  assert.deepEqual(events([{ type: 'response.completed', response: { id: 'r2', usage: detailed } }]), [
    {
      type: 'completed',
      responseId: 'r2',
      usage: { inputTokens: 10, cachedInputTokens: 3, outputTokens: 5, reasoningOutputTokens: 2, totalTokens: 15 },
    },
  ]);
  assert.deepEqual(events([{ type: 'response.completed', response: { id: 'r3', constructor: 1 } }]), [
    { type: 'completed', responseId: 'r3', usage: null },
  ]);
});

test('an unreadable response.completed fails the stream with serde-style detail', () => {
  const cases: [unknown, string][] = [
    [{ usage: null }, 'missing field `id`'],
    [{ id: 'r', usage: { input_tokens: 1 } }, 'missing field `output_tokens`'],
    [{ id: 5 }, 'invalid type: integer `5`, expected a string'],
    [{ id: 'r', usage: { input_tokens: 1.5, output_tokens: 1, total_tokens: 1 } }, 'invalid type: floating point `1.5`, expected i64'],
    [{ id: 'r', usage: 'lots' }, 'invalid type: string "lots", expected struct ResponseCompletedUsage'],
    [
      { id: 'r', usage: { input_tokens: 1, output_tokens: 1, total_tokens: 1, input_tokens_details: {} } },
      'missing field `cached_tokens`',
    ],
    ['done', 'invalid type: string "done", expected struct ResponseCompleted'],
  ];
  for (const [response, detail] of cases) {
    assert.equal(
      endError([{ type: 'response.completed', response }]).message,
      `stream disconnected before completion: failed to parse ResponseCompleted: ${detail}`,
    );
  }
});

test('response.failed maps error codes as the reference does', () => {
  const failed = (error: unknown) => endError([{ type: 'response.failed', response: { id: 'r', error } }]);
  assert.deepEqual(failed({ code: 'context_length_exceeded', message: 'long' }), {
    kind: 'contextWindowExceeded',
    message: "Codex ran out of room in the model's context window. Start a new thread or clear earlier history before retrying.",
    retryDelayMs: undefined,
  });
  assert.equal(failed({ code: 'insufficient_quota' }).message, 'Quota exceeded. Check your plan and billing details.');
  assert.equal(failed({ code: 'usage_not_included' }).message, 'To use Codex with your ChatGPT plan, upgrade to Plus: https://chatgpt.com/explore/plus.');
  assert.deepEqual(failed({ code: 'invalid_prompt', message: 'bad prompt here' }), { kind: 'invalidRequest', message: 'bad prompt here', retryDelayMs: undefined });
  assert.equal(failed({ code: 'invalid_prompt' }).message, 'Invalid request.');
  for (const code of ['server_is_overloaded', 'slow_down']) assert.equal(failed({ code }).kind, 'serverOverloaded');
  assert.deepEqual(failed({ code: 'server_error', message: 'The server had an error' }), {
    kind: 'stream',
    message: 'stream disconnected before completion: The server had an error',
    retryDelayMs: undefined,
  });
  assert.equal(failed({ code: 'server_error' }).message, 'stream disconnected before completion: ');
  for (const error of ['text', { code: 7 }, { message: 'm', resets_at: 'soon' }]) {
    assert.equal(failed(error).message, 'stream disconnected before completion: response.failed event received');
  }
  assert.equal(endError([{ type: 'response.failed', response: {} }]).message, 'stream disconnected before completion: response.failed event received');
});

test('a rate-limited response.failed asks for the delay named in its message', () => {
  const delay = (message: string, code = 'rate_limit_exceeded') =>
    endError([{ type: 'response.failed', response: { error: { code, message } } }]).retryDelayMs;
  assert.equal(delay('Rate limit reached. Please try again in 1.2s.'), 1200);
  assert.equal(delay('Please try again in 20ms.'), 20);
  assert.equal(delay('TRY AGAIN IN 3 seconds'), 3000);
  assert.equal(delay('try again in a while'), undefined);
  assert.equal(delay('Please try again in 1.2s.', 'server_error'), undefined);
});

test('response.incomplete names its reason', () => {
  assert.equal(
    endError([{ type: 'response.incomplete', response: { incomplete_details: { reason: 'max_output_tokens' } } }]).message,
    'stream disconnected before completion: Incomplete response returned, reason: max_output_tokens',
  );
  assert.equal(
    endError([{ type: 'response.incomplete' }]).message,
    'stream disconnected before completion: Incomplete response returned, reason: unknown',
  );
});

test('a failure is only reported at the end, so a later completion wins', () => {
  const { events: out, reader } = readAll([
    { type: 'response.failed', response: { error: { code: 'context_length_exceeded' } } },
    { type: 'response.completed', response: { id: 'r' } },
  ]);
  assert.deepEqual(out, [{ type: 'completed', responseId: 'r', usage: null }]);
  assert.equal(reader.endOfStream().kind, 'contextWindowExceeded');
  assert.equal(new EventReader().endOfStream().message, 'stream disconnected before completion: stream closed before response.completed');
});

test('a model named in the event headers is reported once per change', () => {
  assert.deepEqual(
    events([
      { type: 'response.created', response: { id: 'r', headers: { 'OpenAI-Model': 'gpt-x' } } },
      { type: 'response.in_progress', response: { headers: { 'openai-model': 'gpt-x' } } },
      { type: 'response.in_progress', headers: { 'x-openai-model': ['gpt-y'] } },
    ]),
    [{ type: 'serverModel', model: 'gpt-x' }, { type: 'created' }, { type: 'serverModel', model: 'gpt-y' }],
  );
});

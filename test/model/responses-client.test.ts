import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { before, test } from 'node:test';
import type { ModelProvider } from '../../src/config/index.ts';
import { ModelError, streamResponses, type ModelEvent, type ResponsesRequest, type StreamOptions } from '../../src/model/index.ts';
import { mockProvider, startMock, type Mock, type MockEntry } from './mock.ts';

const REQUEST: ResponsesRequest = {
  model: 'mock-model',
  instructions: 'be brief',
  input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] }],
  tools: [],
  parallelToolCalls: false,
  reasoning: null,
  store: false,
  include: [],
  promptCacheKey: 'thread-1',
};

function options(overrides: Partial<StreamOptions> = {}): StreamOptions {
  return { signal: new AbortController().signal, env: {}, originator: 'weft_test', userAgent: 'weft_test/0.113.0', sessionId: 'thread-1', ...overrides };
}

/** Everything the round trip yielded, and the error it ended with (if any). */
async function run(provider: ModelProvider, opts: StreamOptions = options()): Promise<{ events: ModelEvent[]; error?: unknown }> {
  const events: ModelEvent[] = [];
  try {
    for await (const event of streamResponses(provider, REQUEST, opts)) events.push(event);
    return { events };
  } catch (error) {
    return { events, error };
  }
}

/** A mock per test, closed afterwards. */
async function withMock(script: MockEntry[], body: (mock: Mock, provider: (o?: Partial<ModelProvider>) => ModelProvider) => Promise<void>) {
  const mock = await startMock(script);
  try {
    await body(mock, (o) => mockProvider(`http://127.0.0.1:${mock.port}/v1`, o));
  } finally {
    await mock.close();
  }
}

const types = (events: ModelEvent[]) => events.map((e) => e.type);
const CODEX_LIMITS: ModelEvent = { type: 'rateLimits', snapshot: { limitId: 'codex', limitName: null, primary: null, secondary: null, credits: null } };

function assertModelError(error: unknown, expected: { kind?: string; message: string }) {
  assert.ok(error instanceof ModelError, `expected a ModelError, got ${String(error)}`);
  if (expected.kind) assert.equal(error.kind, expected.kind);
  assert.equal(error.message, expected.message);
}

test('a streamed turn: reasoning summary parts, message deltas, a function call and usage', () =>
  withMock(
    [
      {
        items: [
          { type: 'reasoning', summary: ['first', 'second'] },
          { type: 'message', deltas: ['Hel', 'lo'] },
          { type: 'function_call', name: 'exec_command', arguments: { cmd: 'ls' }, call_id: 'call_9' },
        ],
        usage: { input_tokens: 100, input_tokens_details: { cached_tokens: 40 }, output_tokens: 20, output_tokens_details: { reasoning_tokens: 8 }, total_tokens: 120 },
      },
    ],
    async (mock, provider) => {
      const { events, error } = await run(provider({ envKey: 'MOCK_KEY' }), options({ env: { MOCK_KEY: 'sk-mock' } }));
      assert.equal(error, undefined);
      assert.deepEqual(events, [
        CODEX_LIMITS,
        { type: 'created' },
        { type: 'outputItemAdded', item: { type: 'reasoning', id: 'rs_1_0', summary: [], content: [], encrypted_content: null } },
        { type: 'reasoningSummaryPartAdded', summaryIndex: 0, itemId: 'rs_1_0' },
        { type: 'reasoningSummaryTextDelta', delta: 'first', summaryIndex: 0, itemId: 'rs_1_0' },
        { type: 'reasoningSummaryPartAdded', summaryIndex: 1, itemId: 'rs_1_0' },
        { type: 'reasoningSummaryTextDelta', delta: 'second', summaryIndex: 1, itemId: 'rs_1_0' },
        {
          type: 'outputItemDone',
          item: {
            type: 'reasoning',
            id: 'rs_1_0',
            summary: [
              { type: 'summary_text', text: 'first' },
              { type: 'summary_text', text: 'second' },
            ],
            content: null,
            encrypted_content: null,
          },
        },
        { type: 'outputItemAdded', item: { type: 'message', role: 'assistant', content: [], id: 'msg_1_1' } },
        { type: 'outputTextDelta', delta: 'Hel', itemId: 'msg_1_1' },
        { type: 'outputTextDelta', delta: 'lo', itemId: 'msg_1_1' },
        { type: 'outputItemDone', item: { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hello' }], id: 'msg_1_1' } },
        { type: 'outputItemAdded', item: { type: 'function_call', name: 'exec_command', arguments: '', call_id: 'call_9', id: 'fc_1_2' } },
        { type: 'outputItemDone', item: { type: 'function_call', name: 'exec_command', arguments: '{"cmd":"ls"}', call_id: 'call_9', id: 'fc_1_2' } },
        {
          type: 'completed',
          responseId: 'resp_1',
          usage: { inputTokens: 100, cachedInputTokens: 40, outputTokens: 20, reasoningOutputTokens: 8, totalTokens: 120 },
        },
      ]);
      const [request] = mock.requests;
      assert.equal(request?.method, 'POST');
      assert.equal(request?.url, '/v1/responses');
      assert.deepEqual(request?.headers, {
        session_id: 'thread-1',
        authorization: 'Bearer sk-mock',
        accept: 'text/event-stream',
        'content-type': 'application/json',
        'user-agent': 'weft_test/0.113.0',
        originator: 'weft_test',
        connection: 'keep-alive',
      });
      assert.deepEqual(request?.body, {
        model: 'mock-model',
        instructions: 'be brief',
        input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] }],
        tools: [],
        tool_choice: 'auto',
        parallel_tool_calls: false,
        reasoning: null,
        store: false,
        stream: true,
        include: [],
        prompt_cache_key: 'thread-1',
      });
    },
  ));

test('HTTP 500 without retries: the reference text, internalServerError (golden model-errors)', () =>
  withMock([{ status: 500, body: { error: { message: 'boom from mock', type: 'server_error', code: null } } }], async (mock, provider) => {
    const { events, error } = await run(provider());
    assert.deepEqual(events, []);
    assertModelError(error, { kind: 'internalServerError', message: "We're currently experiencing high demand, which may cause temporary errors." });
    assert.equal((error as ModelError).codexErrorInfo, 'internalServerError');
    assert.equal(mock.requests.length, 1);
  }));

test('5xx is retried silently up to request_max_retries, with backoff', () =>
  withMock([{ status: 500 }, { status: 502 }, { items: [{ type: 'message', text: 'ok' }] }], async (mock, provider) => {
    const { events, error } = await run(provider({ requestMaxRetries: 2 }));
    assert.equal(error, undefined);
    assert.deepEqual(types(events), ['rateLimits', 'created', 'outputItemAdded', 'outputTextDelta', 'outputItemDone', 'completed']);
    assert.equal(mock.requests.length, 3);
    const [a, b, c] = mock.requests.map((r) => r.t);
    assert.ok(b! - a! >= 170 && c! - b! >= 350, `delays ${b! - a!} ${c! - b!}`);
  }));

test('429 without retries fails at once with the reference text', () =>
  withMock(
    [{ status: 429, body: { error: { message: 'Rate limit reached. Please try again in 1.5s.', type: 'tokens', code: 'rate_limit_exceeded' } } }],
    async (mock, provider) => {
      const { error } = await run(provider());
      assertModelError(error, { kind: 'retryLimit', message: 'exceeded retry limit, last status: 429 Too Many Requests' });
      assert.deepEqual((error as ModelError).codexErrorInfo, { responseTooManyFailedAttempts: { httpStatusCode: 429 } });
      assert.equal(mock.requests.length, 1);
    },
  ));

test('429 is retried within request_max_retries (the reference gives up at once)', () =>
  withMock([{ status: 429 }, { items: [{ type: 'message', text: 'ok' }] }], async (mock, provider) => {
    const { error } = await run(provider({ requestMaxRetries: 1 }));
    assert.equal(error, undefined);
    assert.equal(mock.requests.length, 2);
  }));

test('Retry-After on a 429 sets the wait before the retry', async () => {
  const { createServer } = await import('node:http');
  const { responseEvents } = await import(new URL('../../../shared/conformance/mock-model.mjs', import.meta.url).href);
  const times: number[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      times.push(performance.now());
      if (times.length === 1) {
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
        res.end('{"error":{"message":"slow down","type":"tokens","code":null}}');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const ev of responseEvents({ items: [{ type: 'message', text: 'ok' }] }, 1)) res.write(`event: ${ev.type}\ndata: ${JSON.stringify(ev)}\n\n`);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`;
    const { error } = await run(mockProvider(url, { requestMaxRetries: 2 }));
    assert.equal(error, undefined);
    assert.equal(times.length, 2);
    assert.ok(times[1]! - times[0]! >= 950, `waited ${times[1]! - times[0]!} ms`);
  } finally {
    server.close();
  }
});

test('a stream ending before response.completed (golden model-errors)', () =>
  withMock([{ cutAfter: 3, items: [{ type: 'message', deltas: ['partial ', 'text'] }] }], async (_mock, provider) => {
    const { events, error } = await run(provider());
    assert.deepEqual(types(events), ['rateLimits', 'created', 'outputItemAdded', 'outputTextDelta']);
    assertModelError(error, { kind: 'stream', message: 'stream disconnected before completion: stream closed before response.completed' });
    assert.equal((error as ModelError).codexErrorInfo, 'other');
  }));

test('a connection reset mid-stream', () =>
  withMock([{ cutAfter: 3, cut: 'destroy', eventDelayMs: 20, items: [{ type: 'message', deltas: ['partial ', 'text'] }] }], async (_mock, provider) => {
    const { events, error } = await run(provider());
    assert.deepEqual(types(events), ['rateLimits', 'created', 'outputItemAdded', 'outputTextDelta']);
    assertModelError(error, { kind: 'stream', message: 'stream disconnected before completion: Transport error: network error: error decoding response body' });
  }));

test('a connection reset before the response is complete on the wire counts as not sent', () =>
  // The mock destroys the socket right after writing, before the response leaves; the reference
  // reports this case (checked against it with this very script) as a send failure too.
  withMock([{ cutAfter: 3, cut: 'destroy', items: [{ type: 'message', deltas: ['partial ', 'text'] }] }], async (mock, provider) => {
    const { events, error } = await run(provider());
    assert.deepEqual(events, []);
    assertModelError(error, { kind: 'stream', message: `stream disconnected before completion: error sending request for url (http://127.0.0.1:${mock.port}/v1/responses)` });
  }));

test('stream retries re-send the whole request after a `retrying` event', () =>
  withMock(
    [
      { cutAfter: 3, items: [{ type: 'message', deltas: ['partial ', 'text'] }] },
      { cutAfter: 2, cut: 'destroy', eventDelayMs: 20, items: [{ type: 'message', text: 'x' }] },
      { items: [{ type: 'message', text: 'whole' }] },
    ],
    async (mock, provider) => {
      const { events, error } = await run(provider({ streamMaxRetries: 2 }));
      assert.equal(error, undefined);
      assert.deepEqual(types(events), [
        'rateLimits', 'created', 'outputItemAdded', 'outputTextDelta', 'retrying',
        'rateLimits', 'created', 'outputItemAdded', 'retrying',
        'rateLimits', 'created', 'outputItemAdded', 'outputTextDelta', 'outputItemDone', 'completed',
      ]);
      const retries = events.filter((e) => e.type === 'retrying');
      assert.deepEqual(retries.map((r) => [r.attempt, r.max, r.error.message]), [
        [1, 2, 'stream disconnected before completion: stream closed before response.completed'],
        [2, 2, 'stream disconnected before completion: Transport error: network error: error decoding response body'],
      ]);
      assert.ok(retries[0]!.delayMs >= 180 && retries[0]!.delayMs < 220);
      assert.ok(retries[1]!.delayMs >= 360 && retries[1]!.delayMs < 440);
      assert.equal(mock.requests.length, 3);
      assert.deepEqual(mock.requests[2]!.body, mock.requests[0]!.body);
    },
  ));

test('when stream retries run out, the last error ends the round trip', () =>
  withMock([{ cutAfter: 1 }, { cutAfter: 1 }], async (mock, provider) => {
    const { events, error } = await run(provider({ streamMaxRetries: 1 }));
    assert.deepEqual(types(events), ['rateLimits', 'created', 'retrying', 'rateLimits', 'created']);
    assertModelError(error, { message: 'stream disconnected before completion: stream closed before response.completed' });
    assert.equal(mock.requests.length, 2);
  }));

test('response.failed: mapped when the stream ends; a rate limit retries after the delay it names', () =>
  withMock(
    [
      { failed: { code: 'context_length_exceeded', message: 'too long' } },
      { failed: { code: 'rate_limit_exceeded', message: 'Rate limit reached. Please try again in 50ms.' } },
      { items: [{ type: 'message', text: 'ok' }] },
    ],
    async (_mock, provider) => {
      const first = await run(provider({ streamMaxRetries: 3 }));
      assertModelError(first.error, {
        kind: 'contextWindowExceeded',
        message: "Codex ran out of room in the model's context window. Start a new thread or clear earlier history before retrying.",
      });
      const second = await run(provider({ streamMaxRetries: 3 }));
      assert.equal(second.error, undefined);
      const retry = second.events.find((e) => e.type === 'retrying');
      assert.equal(retry?.delayMs, 50);
      assert.equal(retry?.error.message, 'stream disconnected before completion: Rate limit reached. Please try again in 50ms.');
    },
  ));

test('no event for stream_idle_timeout_ms fails the stream', () =>
  withMock([{ eventDelayMs: 400, items: [{ type: 'message', text: 'slow' }] }], async (_mock, provider) => {
    const started = performance.now();
    const { events, error } = await run(provider({ streamIdleTimeoutMs: 150 }));
    assert.deepEqual(types(events), ['rateLimits', 'created']);
    assertModelError(error, { kind: 'stream', message: 'stream disconnected before completion: idle timeout waiting for SSE' });
    assert.ok(performance.now() - started < 1000);
  }));

test('a slow but steady stream is not idle', () =>
  withMock([{ eventDelayMs: 60, items: [{ type: 'message', deltas: ['a', 'b', 'c'] }] }], async (_mock, provider) => {
    const { error } = await run(provider({ streamIdleTimeoutMs: 200 }));
    assert.equal(error, undefined);
  }));

test('aborting the signal stops the stream at once with its reason', () =>
  withMock([{ eventDelayMs: 100, items: [{ type: 'message', deltas: ['a', 'b', 'c', 'd', 'e'] }] }], async (_mock, provider) => {
    const controller = new AbortController();
    const events: ModelEvent[] = [];
    const started = performance.now();
    await assert.rejects(
      (async () => {
        for await (const event of streamResponses(provider({ streamMaxRetries: 5 }), REQUEST, options({ signal: controller.signal }))) {
          events.push(event);
          if (event.type === 'outputTextDelta') setTimeout(() => controller.abort(new Error('turn interrupted')), 10);
        }
      })(),
      /turn interrupted/,
    );
    assert.ok(performance.now() - started < 400, 'aborted promptly');
    assert.equal(events.filter((e) => e.type === 'retrying').length, 0);
  }));

test('aborting during a retry delay stops it too', () =>
  withMock([{ status: 502 }, { status: 502 }], async (_mock, provider) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 50);
    const { error } = await run(provider({ requestMaxRetries: 10 }), options({ signal: controller.signal }));
    assert.match(String(error), /stop/);
  }));

let closedPort = 0;
before(async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closedPort = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
});

test('connection refused: the reference text, retried as a stream error', async () => {
  const provider = mockProvider(`http://127.0.0.1:${closedPort}/v1`, { requestMaxRetries: 1, streamMaxRetries: 1 });
  const { events, error } = await run(provider);
  const message = `stream disconnected before completion: error sending request for url (http://127.0.0.1:${closedPort}/v1/responses)`;
  assert.deepEqual(types(events), ['retrying']);
  assertModelError(error, { kind: 'stream', message });
});

test('throughput: 20,000 deltas from the mock well above 30,000 deltas/s', async (t) => {
  const deltas = Array.from({ length: 20_000 }, (_, i) => `token${i} `);
  const mock = await startMock([], { items: [{ type: 'message', deltas }] });
  try {
    const provider = mockProvider(`http://127.0.0.1:${mock.port}/v1`);
    let best = 0;
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      let count = 0;
      for await (const event of streamResponses(provider, REQUEST, options())) if (event.type === 'outputTextDelta') count++;
      assert.equal(count, deltas.length);
      best = Math.max(best, count / ((performance.now() - started) / 1000));
    }
    t.diagnostic(`${Math.round(best)} deltas/s end to end (mock in the same process)`);
    assert.ok(best >= 30_000, `${Math.round(best)} deltas/s`);
  } finally {
    await mock.close();
  }
});

test('time the consumer spends on an event does not count as idle', () =>
  withMock([{ items: [{ type: 'message', deltas: ['a', 'b'] }] }], async (_mock, provider) => {
    const events: ModelEvent[] = [];
    for await (const event of streamResponses(provider({ streamIdleTimeoutMs: 100 }), REQUEST, options())) {
      events.push(event);
      if (event.type === 'outputTextDelta') await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(events.at(-1)?.type, 'completed');
  }));

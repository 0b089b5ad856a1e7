import assert from 'node:assert/strict';
import { test } from 'node:test';
import { httpError, ModelError, reconnectingError } from './errors.ts';

const URL = 'http://127.0.0.1:9/v1/responses';
const json = (value: unknown) => JSON.stringify(value);

function mapped(status: number, body: string, headers: Record<string, string> = {}) {
  const err = httpError(status, headers, body, URL);
  return { kind: err.kind, message: err.message, info: err.codexErrorInfo, retryable: err.retryable };
}

test('HTTP 500 is the high-demand message, whatever the body (golden model-errors)', () => {
  assert.deepEqual(mapped(500, json({ error: { message: 'boom from mock', type: 'server_error', code: null } })), {
    kind: 'internalServerError',
    message: "We're currently experiencing high demand, which may cause temporary errors.",
    info: 'internalServerError',
    retryable: true,
  });
  assert.equal(mapped(500, '').message, "We're currently experiencing high demand, which may cause temporary errors.");
});

test('429 is a retry-limit failure that is not retried, naming a request id when there is one', () => {
  assert.deepEqual(mapped(429, json({ error: { message: 'Rate limit reached. Please try again in 1.5s.', code: 'rate_limit_exceeded' } })), {
    kind: 'retryLimit',
    message: 'exceeded retry limit, last status: 429 Too Many Requests',
    info: { responseTooManyFailedAttempts: { httpStatusCode: 429 } },
    retryable: false,
  });
  assert.equal(mapped(429, '{}', { 'cf-ray': 'ray1' }).message, 'exceeded retry limit, last status: 429 Too Many Requests, request id: ray1');
  assert.equal(
    mapped(429, '{}', { 'cf-ray': 'ray1', 'x-request-id': 'req1' }).message,
    'exceeded retry limit, last status: 429 Too Many Requests, request id: req1',
  );
  assert.equal(mapped(429, json({ error: { type: 'insufficient_quota', code: 'insufficient_quota' } })).kind, 'retryLimit');
});

test('429 usage limits carry the plan text and the limit snapshot', () => {
  const err = httpError(429, { 'x-codex-active-limit': 'codex_bengalfox', 'x-codex-bengalfox-limit-name': 'GPT-Sonic' }, json({ error: { type: 'usage_limit_reached', plan_type: 'plus' } }), URL);
  assert.equal(err.message, "You've hit your usage limit for GPT-Sonic. Switch to another model now, or try again later.");
  assert.equal(err.codexErrorInfo, 'usageLimitExceeded');
  assert.equal(err.retryable, false);
  assert.deepEqual(err.rateLimits, { limitId: 'codex_bengalfox', limitName: 'GPT-Sonic', primary: null, secondary: null, credits: null });
  assert.equal(
    mapped(429, json({ error: { type: 'usage_limit_reached' } })).message,
    "You've hit your usage limit. Try again later.",
  );
  assert.deepEqual(mapped(429, json({ error: { type: 'usage_not_included' } })), {
    kind: 'usageNotIncluded',
    message: 'To use Codex with your ChatGPT plan, upgrade to Plus: https://chatgpt.com/explore/plus.',
    info: 'usageLimitExceeded',
    retryable: false,
  });
  // A body the reference cannot read as a usage error falls back to the retry-limit text.
  assert.equal(mapped(429, json({ error: { type: 'usage_limit_reached', resets_at: 'soon' } })).kind, 'retryLimit');
});

test('other statuses: the error message (or body), the url and any ids; retryable', () => {
  assert.deepEqual(mapped(401, json({ error: { message: 'Incorrect API key provided: sk-xx.', code: 'invalid_api_key' } })), {
    kind: 'unexpectedStatus',
    message: `unexpected status 401 Unauthorized: Incorrect API key provided: sk-xx., url: ${URL}`,
    info: 'other',
    retryable: true,
  });
  assert.equal(mapped(502, 'bad gateway text').message, `unexpected status 502 Bad Gateway: bad gateway text, url: ${URL}`);
  assert.equal(mapped(418, '  ').message, `unexpected status 418 I'm a teapot: Unknown error, url: ${URL}`);
  assert.equal(mapped(499, 'x').message, `unexpected status 499 <unknown status code>: x, url: ${URL}`);
  assert.equal(
    mapped(503, json({ error: { message: 'unavailable' } }), { 'x-oai-request-id': 'oai_1' }).message,
    `unexpected status 503 Service Unavailable: unavailable, url: ${URL}, request id: oai_1`,
  );
  assert.equal(
    mapped(403, 'x'.repeat(990) + 'é'.repeat(7) + 'tail', { 'x-request-id': 'req_123', 'cf-ray': 'ray9' }).message,
    `unexpected status 403 Forbidden: ${'x'.repeat(990)}${'é'.repeat(5)}..., url: ${URL}, cf-ray: ray9, request id: req_123`,
  );
  assert.equal(httpError(401, {}, '', URL).httpStatus, 401);
});

test('403 from Cloudflare gets the friendlier text', () => {
  assert.equal(
    mapped(403, '<html>Cloudflare: Sorry, you have been blocked</html>', { 'cf-ray': 'r1', 'x-request-id': 'q1' }).message,
    `Access blocked by Cloudflare. This usually happens when connecting from a restricted region (status 403 Forbidden), url: ${URL}, cf-ray: r1, request id: q1`,
  );
});

test('503 overload codes, 400 bodies and invalid images', () => {
  for (const code of ['server_is_overloaded', 'slow_down']) {
    assert.deepEqual(mapped(503, json({ error: { code } })), {
      kind: 'serverOverloaded',
      message: 'Selected model is at capacity. Please try a different model.',
      info: 'serverOverloaded',
      retryable: false,
    });
  }
  assert.equal(mapped(502, json({ error: { message: 's', code: 'server_is_overloaded' } })).kind, 'unexpectedStatus');
  const body = json({ error: { message: "Invalid value for 'input'.", type: 'invalid_request_error', param: 'input', code: null } });
  assert.deepEqual(mapped(400, body), { kind: 'invalidRequest', message: body, info: 'other', retryable: false });
  assert.deepEqual(mapped(400, json({ error: { message: 'The image data you provided does not represent a valid image' } })), {
    kind: 'invalidImage',
    message: 'Invalid image in your last message. Please remove it and try again.',
    info: 'badRequest',
    retryable: false,
  });
});

test('stream errors, and the notice sent before each stream retry', () => {
  const cut = ModelError.stream('stream closed before response.completed');
  assert.equal(cut.message, 'stream disconnected before completion: stream closed before response.completed');
  assert.equal(cut.codexErrorInfo, 'other');
  assert.equal(cut.retryable, true);
  assert.deepEqual(reconnectingError(1, 2, cut), {
    message: 'Reconnecting... 1/2',
    codexErrorInfo: { responseStreamDisconnected: { httpStatusCode: null } },
    additionalDetails: 'stream disconnected before completion: stream closed before response.completed',
  });
  assert.deepEqual(reconnectingError(2, 2, httpError(401, {}, 'no', URL)).codexErrorInfo, {
    responseStreamDisconnected: { httpStatusCode: 401 },
  });
  assert.equal(ModelError.missingEnvVar('KEY', 'Set it.').message, 'Missing environment variable: `KEY`. Set it.');
  assert.equal(ModelError.missingEnvVar('KEY').message, 'Missing environment variable: `KEY`.');
  assert.equal(ModelError.missingEnvVar('KEY').retryable, false);
});

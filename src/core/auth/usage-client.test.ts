import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { RpcError } from '../../rpc/errors.ts';
import type { StoredAuth } from './stored-auth.ts';
import { readRateLimits, usageUrl } from './usage-client.ts';

const CHATGPT: StoredAuth = { mode: 'chatgpt', tokens: { idToken: {}, accessToken: 'at', refreshToken: 'rt', accountId: 'acct' }, lastRefresh: '2026-01-01T00:00:00Z' };
const failure = (kind: string, message: string) => (err: unknown) => err instanceof RpcError && err.kind === kind && err.message === message;

async function withServer(status: number, contentType: string | undefined, body: string, fn: (base: string, seen: IncomingHttpHeaders[]) => Promise<void>) {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push({ ...req.headers, ':path': req.url });
    res.writeHead(status, contentType ? { 'content-type': contentType } : {});
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen);
  } finally {
    server.close();
  }
}

test('ChatGPT hosts use /backend-api/wham/usage, other bases /api/codex/usage', () => {
  assert.equal(usageUrl(), 'https://chatgpt.com/backend-api/wham/usage');
  assert.equal(usageUrl('https://chatgpt.com'), 'https://chatgpt.com/backend-api/wham/usage');
  assert.equal(usageUrl('https://chat.openai.com/'), 'https://chat.openai.com/backend-api/wham/usage');
  assert.equal(usageUrl('http://127.0.0.1:9/x'), 'http://127.0.0.1:9/x/api/codex/usage');
  assert.equal(usageUrl('http://127.0.0.1:9/backend-api//'), 'http://127.0.0.1:9/backend-api/wham/usage');
});

test('without a ChatGPT login with tokens nothing is asked', async () => {
  const request = (auth: StoredAuth | undefined) => readRateLimits({ auth, userAgent: 'ua', chatgptBaseUrl: 'http://127.0.0.1:1' });
  await assert.rejects(request(undefined), failure('badRequest', 'codex account authentication required to read rate limits'));
  await assert.rejects(request({ mode: 'apiKey', apiKey: 'sk' }), failure('badRequest', 'chatgpt authentication required to read rate limits'));
  await assert.rejects(request({ mode: 'chatgpt' }), failure('internal', 'failed to construct backend client: Token data is not available.'));
  await assert.rejects(
    request({ mode: 'chatgpt', tokens: { idToken: {}, accessToken: 'at', refreshToken: 'rt', accountId: 'acct' } }),
    failure('internal', 'failed to construct backend client: Token data is not available.'),
  );
});

test('an unreachable backend', async () => {
  await assert.rejects(
    readRateLimits({ auth: CHATGPT, userAgent: 'ua', chatgptBaseUrl: 'http://127.0.0.1:1/x' }),
    failure('internal', 'failed to fetch codex rate limits: error sending request for url (http://127.0.0.1:1/x/api/codex/usage)'),
  );
});

test('the request carries the token and account; the answer is decoded', async () => {
  await withServer(200, 'application/json', '{"plan_type":"plus"}', async (base, seen) => {
    const result = await readRateLimits({ auth: CHATGPT, userAgent: 'client/0.113.0', chatgptBaseUrl: base });
    assert.equal(result.rateLimits.planType, 'plus');
    assert.equal(seen[0]![':path'], '/api/codex/usage');
    assert.equal(seen[0]!.authorization, 'Bearer at');
    assert.equal(seen[0]!['chatgpt-account-id'], 'acct');
    assert.equal(seen[0]!['user-agent'], 'client/0.113.0');
  });
});

test('without an account id the header is left out', async () => {
  await withServer(200, 'application/json', '{"plan_type":"plus"}', async (base, seen) => {
    const auth: StoredAuth = { mode: 'chatgpt', tokens: { idToken: { accountId: 'claim' }, accessToken: 'at', refreshToken: 'rt' }, lastRefresh: '2026-01-01T00:00:00Z' };
    await readRateLimits({ auth, userAgent: 'ua', chatgptBaseUrl: base });
    assert.equal(seen[0]!['chatgpt-account-id'], undefined);
  });
});

test('HTTP errors and undecodable bodies are reported with status, content type and body', async () => {
  await withServer(500, 'text/plain', 'boom', async (base) => {
    await assert.rejects(
      readRateLimits({ auth: CHATGPT, userAgent: 'ua', chatgptBaseUrl: base }),
      failure('internal', `failed to fetch codex rate limits: GET ${base}/api/codex/usage failed: 500 Internal Server Error; content-type=text/plain; body=boom`),
    );
  });
  await withServer(503, undefined, '', async (base) => {
    await assert.rejects(
      readRateLimits({ auth: CHATGPT, userAgent: 'ua', chatgptBaseUrl: base }),
      failure('internal', `failed to fetch codex rate limits: GET ${base}/api/codex/usage failed: 503 Service Unavailable; content-type=; body=`),
    );
  });
  await withServer(200, 'application/json', '{"data":[]}', async (base) => {
    await assert.rejects(
      readRateLimits({ auth: CHATGPT, userAgent: 'ua', chatgptBaseUrl: base }),
      failure('internal', `failed to fetch codex rate limits: Decode error for ${base}/api/codex/usage: missing field \`plan_type\`; content-type=application/json; body={"data":[]}`),
    );
  });
});

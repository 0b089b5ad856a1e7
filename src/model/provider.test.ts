import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ModelProvider } from '../config/index.ts';
import { responsesEndpoint } from './provider.ts';

const provider = (overrides: Partial<ModelProvider>): ModelProvider => ({
  id: 'p',
  name: 'p',
  wireApi: 'responses',
  requestMaxRetries: 4,
  streamMaxRetries: 5,
  streamIdleTimeoutMs: 300_000,
  requiresOpenaiAuth: false,
  ...overrides,
});

test('base URL, path and query parameters (unencoded, as error texts show them)', () => {
  assert.equal(responsesEndpoint(provider({ baseUrl: 'http://h:1/v1/' }), {}).url, 'http://h:1/v1/responses');
  assert.equal(
    responsesEndpoint(provider({ baseUrl: 'http://h/v1', queryParams: { 'api-version': '2025 x', b: '1' } }), {}).url,
    'http://h/v1/responses?api-version=2025 x&b=1',
  );
  assert.equal(responsesEndpoint(provider({}), {}).url, 'https://api.openai.com/v1/responses');
  assert.equal(responsesEndpoint(provider({}), {}, { mode: 'chatgpt', token: 't' }).url, 'https://chatgpt.com/backend-api/codex/responses');
});

test('static headers, and env headers only when set and not blank', () => {
  const p = provider({ httpHeaders: { 'X-A': 'a' }, envHttpHeaders: { 'X-B': 'B', 'X-C': 'C', 'X-D': 'D' } });
  assert.deepEqual(responsesEndpoint(p, { B: 'bee', C: '  ' }).headers, { 'X-A': 'a', 'X-B': 'bee' });
  const invalid = provider({ httpHeaders: { 'bad name': 'x', 'X-Nl': 'a\nb', 'X-Ok': 'ok' }, envHttpHeaders: { 'X-E': 'E' } });
  assert.deepEqual(responsesEndpoint(invalid, { E: 'line\r\nbreak' }).headers, { 'X-Ok': 'ok' });
});

test('credentials: env_key, then the bearer token, then the login', () => {
  const keyed = provider({ envKey: 'MY_KEY', experimentalBearerToken: 'tok' });
  assert.equal(responsesEndpoint(keyed, { MY_KEY: 'sk-env' }, { mode: 'apiKey', token: 'login' }).bearerToken, 'sk-env');
  assert.equal(responsesEndpoint(provider({ experimentalBearerToken: 'tok' }), {}, { mode: 'apiKey', token: 'login' }).bearerToken, 'tok');
  const chatgpt = responsesEndpoint(provider({}), {}, { mode: 'chatgpt', token: 'jwt', accountId: 'acct' });
  assert.equal(chatgpt.bearerToken, 'jwt');
  assert.equal(chatgpt.headers['ChatGPT-Account-ID'], 'acct');
  assert.equal(responsesEndpoint(provider({}), {}).bearerToken, undefined);
});

test('a missing or blank env_key variable fails the turn with the reference text', () => {
  const p = provider({ envKey: 'NOPE_KEY', envKeyInstructions: 'Set it please.' });
  assert.throws(() => responsesEndpoint(p, {}), { kind: 'missingEnvVar', message: 'Missing environment variable: `NOPE_KEY`. Set it please.' });
  assert.throws(() => responsesEndpoint(provider({ envKey: 'NOPE_KEY' }), { NOPE_KEY: '  ' }), {
    message: 'Missing environment variable: `NOPE_KEY`.',
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseStoredAuth, readStoredAuth } from './stored-auth.ts';

const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const ID_TOKEN = `${part({ alg: 'none' })}.${part({ email: 'a@b.c', 'https://api.openai.com/auth': { chatgpt_plan_type: 'team' } })}.sig`;
const TOKENS = { id_token: ID_TOKEN, access_token: 'at', refresh_token: 'rt', account_id: 'acct' };
const CLAIMS = { email: 'a@b.c', planType: 'team' };

test('an API key wins over tokens unless auth_mode says chatgpt', () => {
  assert.deepEqual(parseStoredAuth({ OPENAI_API_KEY: 'sk' }), { mode: 'apiKey', apiKey: 'sk' });
  assert.deepEqual(parseStoredAuth({ OPENAI_API_KEY: '' }), { mode: 'apiKey', apiKey: '' });
  assert.deepEqual(parseStoredAuth({ OPENAI_API_KEY: 'sk', tokens: TOKENS }), { mode: 'apiKey', apiKey: 'sk' });
  assert.deepEqual(parseStoredAuth({ OPENAI_API_KEY: 'sk', tokens: TOKENS, auth_mode: 'apikey' }), { mode: 'apiKey', apiKey: 'sk' });
  const chatgpt = { mode: 'chatgpt', tokens: { idToken: CLAIMS, accessToken: 'at', refreshToken: 'rt', accountId: 'acct' } };
  assert.deepEqual(parseStoredAuth({ OPENAI_API_KEY: 'sk', tokens: TOKENS, auth_mode: 'chatgpt' }), chatgpt);
  assert.deepEqual(parseStoredAuth({ OPENAI_API_KEY: null, tokens: TOKENS }), chatgpt);
  assert.deepEqual(parseStoredAuth({ tokens: TOKENS, auth_mode: 'chatgptAuthTokens' }), chatgpt);
});

test('a ChatGPT login may lack its tokens and its account id', () => {
  assert.deepEqual(parseStoredAuth({}), { mode: 'chatgpt' });
  assert.deepEqual(parseStoredAuth({ OPENAI_API_KEY: null, tokens: null }), { mode: 'chatgpt' });
  const { account_id: _, ...withoutAccount } = TOKENS;
  assert.deepEqual(parseStoredAuth({ tokens: withoutAccount }), { mode: 'chatgpt', tokens: { idToken: CLAIMS, accessToken: 'at', refreshToken: 'rt' } });
});

test('last_refresh is kept when it is a date-time', () => {
  assert.deepEqual(parseStoredAuth({ last_refresh: '2026-01-01T00:00:00.123456+02:00' }), { mode: 'chatgpt', lastRefresh: '2026-01-01T00:00:00.123456+02:00' });
  assert.deepEqual(parseStoredAuth({ last_refresh: '2026-01-01 00:00:00Z' }), { mode: 'chatgpt', lastRefresh: '2026-01-01 00:00:00Z' });
  assert.deepEqual(parseStoredAuth({ last_refresh: null }), { mode: 'chatgpt' });
});

test('anything undecodable means no login at all', () => {
  for (const bad of [
    [],
    'x',
    { OPENAI_API_KEY: 5 },
    { OPENAI_API_KEY: 'sk', auth_mode: 'bogus' },
    { tokens: { id_token: ID_TOKEN } },
    { tokens: { ...TOKENS, id_token: 'notajwt' } },
    { tokens: { ...TOKENS, id_token: { raw_jwt: ID_TOKEN } } },
    { tokens: { ...TOKENS, account_id: 7 } },
    { tokens: 'x' },
    { tokens: TOKENS, last_refresh: '2026-01-01' },
    { tokens: TOKENS, last_refresh: 'garbage' },
    { tokens: TOKENS, last_refresh: 5 },
  ]) {
    assert.equal(parseStoredAuth(bad), undefined, JSON.stringify(bad));
  }
});

test('the file is read from CODEX_HOME; a missing or broken one is no login', () => {
  const home = mkdtempSync(join(tmpdir(), 'weft-auth-'));
  try {
    assert.equal(readStoredAuth(home), undefined);
    writeFileSync(join(home, 'auth.json'), '{broken');
    assert.equal(readStoredAuth(home), undefined);
    writeFileSync(join(home, 'auth.json'), JSON.stringify({ OPENAI_API_KEY: 'sk-file' }));
    assert.deepEqual(readStoredAuth(home), { mode: 'apiKey', apiKey: 'sk-file' });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { currentLogin } from './login.ts';

test('the login comes from OPENAI_API_KEY, else auth.json (API key, then ChatGPT tokens)', () => {
  const home = mkdtempSync(join(tmpdir(), 'weft-login-'));
  try {
    assert.equal(currentLogin(home, {}), undefined);
    assert.deepEqual(currentLogin(home, { OPENAI_API_KEY: 'sk-env' }), { mode: 'apiKey', token: 'sk-env' });
    writeFileSync(join(home, 'auth.json'), JSON.stringify({ OPENAI_API_KEY: 'sk-file' }));
    assert.deepEqual(currentLogin(home, {}), { mode: 'apiKey', token: 'sk-file' });
    writeFileSync(join(home, 'auth.json'), JSON.stringify({ OPENAI_API_KEY: null, tokens: { access_token: 'at', account_id: 'acc' } }));
    assert.deepEqual(currentLogin(home, {}), { mode: 'chatgpt', token: 'at', accountId: 'acc' });
    writeFileSync(join(home, 'auth.json'), '{broken');
    assert.equal(currentLogin(home, {}), undefined);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

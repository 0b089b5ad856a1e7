import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIdToken } from './id-token.ts';

const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (claims: unknown) => `${part({ alg: 'none' })}.${part(claims)}.sig`;

test('email comes from the top-level claim, else the profile claim; plan and account from the auth claim', () => {
  const auth = { chatgpt_plan_type: 'pro', chatgpt_account_id: 'acct', chatgpt_user_id: 'u' };
  assert.deepEqual(parseIdToken(jwt({ email: 'a@b.c', 'https://api.openai.com/auth': auth })), { email: 'a@b.c', planType: 'pro', accountId: 'acct' });
  assert.deepEqual(
    parseIdToken(jwt({ 'https://api.openai.com/profile': { email: 'p@b.c' }, 'https://api.openai.com/auth': auth })),
    { email: 'p@b.c', planType: 'pro', accountId: 'acct' },
  );
  assert.deepEqual(parseIdToken(jwt({ email: 'a@b.c', 'https://api.openai.com/profile': { email: 'p@b.c' } })), { email: 'a@b.c' });
  assert.deepEqual(parseIdToken(jwt({ email: null, extra: [1] })), {});
});

test('malformed tokens and wrongly typed claims are refused', () => {
  assert.equal(parseIdToken('notajwt'), undefined);
  assert.equal(parseIdToken(`a.${part({ email: 'a@b.c' })}`), undefined);
  assert.equal(parseIdToken(`.${part({})}.s`), undefined);
  assert.equal(parseIdToken(`h.${part({})}=.s`), undefined);
  assert.equal(parseIdToken('h.bm90IGpzb24.s'), undefined);
  assert.equal(parseIdToken(jwt([1])), undefined);
  assert.equal(parseIdToken(jwt({ email: 5 })), undefined);
  assert.equal(parseIdToken(jwt({ 'https://api.openai.com/auth': { chatgpt_plan_type: 5 } })), undefined);
  assert.equal(parseIdToken(jwt({ 'https://api.openai.com/auth': 'x' })), undefined);
});

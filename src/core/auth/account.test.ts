import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RpcError } from '../../rpc/errors.ts';
import { accountPlanType, accountView } from './account.ts';
import type { StoredAuth } from './stored-auth.ts';

const chatgpt = (email?: string, planType?: string): StoredAuth => ({
  mode: 'chatgpt',
  tokens: { idToken: { ...(email ? { email } : {}), ...(planType ? { planType } : {}) }, accessToken: 'at', refreshToken: 'rt' },
});

test('no account without a login, or for a provider that does not use the OpenAI login', () => {
  assert.deepEqual(accountView(undefined, true), { account: null, requiresOpenaiAuth: true });
  assert.deepEqual(accountView({ mode: 'apiKey', apiKey: 'sk' }, false), { account: null, requiresOpenaiAuth: false });
  assert.deepEqual(accountView(chatgpt('a@b.c', 'pro'), false), { account: null, requiresOpenaiAuth: false });
});

test('an API key or a ChatGPT login with its email and plan', () => {
  assert.deepEqual(accountView({ mode: 'apiKey', apiKey: '' }, true), { account: { type: 'apiKey' }, requiresOpenaiAuth: true });
  assert.deepEqual(accountView(chatgpt('a@b.c', 'pro'), true), { account: { type: 'chatgpt', email: 'a@b.c', planType: 'pro' }, requiresOpenaiAuth: true });
  assert.deepEqual(accountView(chatgpt('a@b.c'), true).account, { type: 'chatgpt', email: 'a@b.c', planType: 'unknown' });
});

test('a ChatGPT login without an email (or without tokens) is an error', () => {
  const refused = (err: unknown) => err instanceof RpcError && err.kind === 'badRequest' && err.message === 'email and plan type are required for chatgpt authentication';
  assert.throws(() => accountView(chatgpt(undefined, 'pro'), true), refused);
  assert.throws(() => accountView({ mode: 'chatgpt' }, true), refused);
});

test('plan types outside the known set, or differently cased, are unknown', () => {
  for (const plan of ['free', 'go', 'plus', 'pro', 'team', 'business', 'enterprise', 'edu']) assert.equal(accountPlanType(plan), plan);
  for (const plan of ['education', 'free_workspace', 'guest', 'k12', 'PRO', 'Plus', 'unknown', undefined]) assert.equal(accountPlanType(plan), 'unknown');
});

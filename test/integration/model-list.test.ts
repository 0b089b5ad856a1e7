import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { mockConfig, startMockModel } from '../support/mock-model.ts';
import type { Message, RpcClient } from '../support/rpc-client.ts';
import { startStdio, tempHome } from '../support/weft.ts';

/*
 * Expected data recorded from the reference (codex-cli 0.113.0 `codex app-server`) in the same
 * configurations. Its list is the bundled catalogue whatever the provider, the configured model
 * or an API key: only a ChatGPT login makes it fetch the provider's `/models`.
 */

/** sha256 of the canonical JSON (keys sorted) of the reference's `result`, every field included. */
const VISIBLE_SHA256 = '8c8de63d279d57c5a6ba46a74280cc1675786765582ce9cfbfdeea9988f420e5';
const ALL_SHA256 = '779a336b305a486eca3a063506bfd1e61319dbfdf0402097bc08045dc4699ee8';

const VISIBLE = ['gpt-5.3-codex', 'gpt-5.4', 'gpt-5.2-codex', 'gpt-5.1-codex-max', 'gpt-5.2', 'gpt-5.1-codex-mini'];
const ALL = [
  'gpt-5.3-codex', 'gpt-5.4', 'gpt-5.2-codex', 'gpt-5.1-codex-max', 'gpt-5.1-codex', 'gpt-5.2', 'gpt-5.1',
  'gpt-5-codex', 'gpt-5', 'gpt-oss-120b', 'gpt-oss-20b', 'gpt-5.1-codex-mini', 'gpt-5-codex-mini',
];

/** The last hidden model as the reference sends it: its announcement keeps its placeholders. */
const GPT_5_CODEX_MINI = {
  id: 'gpt-5-codex-mini',
  model: 'gpt-5-codex-mini',
  upgrade: 'gpt-5.3-codex',
  upgradeInfo: {
    model: 'gpt-5.3-codex',
    upgradeCopy: null,
    modelLink: null,
    migrationMarkdown:
      "**Codex just got an upgrade. Introducing {model_to}.**\n\nCodex is now powered by {model_to}, our most capable agentic coding model yet. It's built for long-running, project-scale work, with mid-turn steering + frequent progress updates so you can collaborate while it runs (and it's faster too).\n\nLearn more: https://openai.com/index/introducing-gpt-5-3-codex/\n\nYou can keep using {model_from} if you prefer.\n",
  },
  availabilityNux: null,
  displayName: 'gpt-5-codex-mini',
  description: 'Optimized for codex. Cheaper, faster, but less capable.',
  hidden: true,
  supportedReasoningEfforts: [
    { reasoningEffort: 'medium', description: 'Dynamically adjusts reasoning based on the task' },
    { reasoningEffort: 'high', description: 'Maximizes reasoning depth for complex or ambiguous problems' },
  ],
  defaultReasoningEffort: 'medium',
  inputModalities: ['text', 'image'],
  supportsPersonality: false,
  isDefault: false,
};

type Page = { ids: string[]; nextCursor: string | null };
type Answer = Page | { error: { code: number; message: string } };

/** Requests in order and the reference's answers, with the models reduced to their ids. */
const PAGINATION: Array<[params: Message, answer: Answer]> = [
  [{ limit: 2 }, { ids: VISIBLE.slice(0, 2), nextCursor: '2' }],
  [{ limit: 2, cursor: '2' }, { ids: VISIBLE.slice(2, 4), nextCursor: '4' }],
  [{ limit: 2, cursor: '4' }, { ids: VISIBLE.slice(4), nextCursor: null }],
  [{ cursor: '6' }, { ids: [], nextCursor: null }],
  [{ cursor: 'abc' }, { error: { code: -32600, message: 'invalid cursor: abc' } }],
  [{ cursor: '7' }, { error: { code: -32600, message: 'cursor 7 exceeds total models 6' } }],
  [{ cursor: '+100' }, { error: { code: -32600, message: 'cursor 100 exceeds total models 6' } }],
  [{ cursor: '-1' }, { error: { code: -32600, message: 'invalid cursor: -1' } }],
  [{ cursor: '18446744073709551616' }, { error: { code: -32600, message: 'invalid cursor: 18446744073709551616' } }],
  [{ limit: 0, includeHidden: true, cursor: '12' }, { ids: ['gpt-5-codex-mini'], nextCursor: null }],
  [{ limit: 1, cursor: '3' }, { ids: ['gpt-5.1-codex-max'], nextCursor: '4' }],
  [{ limit: -1 }, { error: { code: -32600, message: 'Invalid request: invalid value: integer `-1`, expected u32' } }],
  [{ includeHidden: 'yes' }, { error: { code: -32600, message: 'Invalid request: invalid type: string "yes", expected a boolean' } }],
  [{ cursor: 3 }, { error: { code: -32600, message: 'Invalid request: invalid type: integer `3`, expected a string' } }],
  [{ limit: null, cursor: null, includeHidden: null }, { ids: VISIBLE, nextCursor: null }],
];

const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
      : v;
const sha256 = (v: unknown) => createHash('sha256').update(JSON.stringify(canonical(v))).digest('hex');

async function withServer(configToml: string, env: Record<string, string>, fn: (client: RpcClient) => Promise<void>) {
  const home = tempHome(configToml);
  const { weft, client } = await startStdio(home, [], env);
  try {
    await client.initialize();
    await fn(client);
  } finally {
    await weft.kill();
    home.dispose();
  }
}

async function assertReferenceCatalogue(client: RpcClient) {
  const visible = (await client.request('model/list', {})).result;
  assert.deepEqual(visible.data.map((m: Message) => m.id), VISIBLE);
  assert.equal(sha256(visible), VISIBLE_SHA256);
  const all = (await client.request('model/list', { includeHidden: true })).result;
  assert.deepEqual(all.data.map((m: Message) => m.id), ALL);
  assert.deepEqual(all.data.at(-1), GPT_5_CODEX_MINI);
  assert.equal(sha256(all), ALL_SHA256);
}

test('with the mock provider and an unlisted model: the catalogue, and nothing asked of the provider', async () => {
  const mock = await startMockModel();
  try {
    await withServer(mockConfig(mock.url), {}, assertReferenceCatalogue);
    assert.deepEqual(mock.requests, []);
  } finally {
    await mock.close();
  }
});

test('the list does not depend on the provider, the configured model or an API key', async () => {
  const configurations: Array<[string, Record<string, string>]> = [
    ['', {}],
    ['model = "gpt-5.4"', { OPENAI_API_KEY: 'sk-test' }],
    ['model_provider = "ollama"\nmodel = "llama3"', {}],
    ['model = "gpt-5.1-codex"', {}],
  ];
  for (const [configToml, env] of configurations) await withServer(configToml, env, assertReferenceCatalogue);
});

test('pagination and its errors answer as the reference', async () => {
  await withServer(mockConfig('http://127.0.0.1:1/v1'), {}, async (client) => {
    for (const [params, expected] of PAGINATION) {
      const res = await client.request('model/list', params);
      const actual: Answer = res.error
        ? { error: { code: res.error.code, message: res.error.message } }
        : { ids: res.result.data.map((m: Message) => m.id), nextCursor: res.result.nextCursor };
      assert.deepEqual(actual, expected, JSON.stringify(params));
    }
  });
});

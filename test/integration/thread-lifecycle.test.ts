import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { mockConfig, startMockModel } from '../support/mock-model.ts';
import type { RpcClient } from '../support/rpc-client.ts';
import { startStdio, startWebSocket, tempHome } from '../support/weft.ts';

const text = (t: string) => [{ type: 'text', text: t }];

async function turn(client: RpcClient, threadId: string, input: string): Promise<string> {
  const turnId = (await client.request('turn/start', { threadId, input: text(input) })).result.turn.id;
  await client.next((m) => m.method === 'turn/completed' && m.params.turn.id === turnId);
  return turnId;
}

test('thread lifecycle: list, read, name, fork, archive, unarchive, metadata, resume', async () => {
  const mock = await startMockModel();
  const home = tempHome(mockConfig(mock.url));
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    const thread = (await client.request('thread/start', {})).result.thread;
    assert.match(thread.path, /\/sessions\/\d{4}\/\d{2}\/\d{2}\/rollout-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-[0-9a-f-]{36}\.jsonl$/);
    assert.equal(existsSync(thread.path), false, 'Weft keeps threads in its database, not in rollout files');
    // Nothing is stored before the first turn.
    assert.equal((await client.request('thread/archive', { threadId: thread.id })).error.message, `no rollout found for thread id ${thread.id}`);
    assert.deepEqual((await client.request('thread/list', {})).result, { data: [], nextCursor: null });
    const first = await turn(client, thread.id, 'first question');
    await turn(client, thread.id, 'second question');

    const read = (await client.request('thread/read', { threadId: thread.id, includeTurns: true })).result.thread;
    assert.equal(read.preview, 'first question');
    assert.deepEqual(read.turns.map((t: any) => t.items.map((i: any) => i.id)), [['item-1', 'item-2'], ['item-3', 'item-4']]);

    assert.deepEqual((await client.request('thread/name/set', { threadId: thread.id, name: 'My thread' })).result, {});
    assert.deepEqual((await client.notification('thread/name/updated')).params, { threadId: thread.id, threadName: 'My thread' });
    assert.equal((await client.request('thread/metadata/update', { threadId: thread.id, gitInfo: {} })).error.message, 'gitInfo must include at least one field');
    const meta = await client.request('thread/metadata/update', { threadId: thread.id, gitInfo: { branch: 'main' } });
    assert.deepEqual(meta.result.thread.gitInfo, { sha: null, branch: 'main', originUrl: null });

    const fork = (await client.request('thread/fork', { threadId: thread.id })).result.thread;
    assert.notEqual(fork.id, thread.id);
    assert.equal(fork.preview, 'first question');
    assert.equal(fork.turns.length, 2);
    assert.equal((await client.notification('thread/started')).params.thread.id, thread.id);
    assert.equal((await client.notification('thread/started')).params.thread.id, fork.id);

    // Newest first, paged.
    const page1 = (await client.request('thread/list', { limit: 1 })).result;
    assert.deepEqual(page1.data.map((t: any) => t.id), [fork.id]);
    const page2 = (await client.request('thread/list', { limit: 1, cursor: page1.nextCursor })).result;
    assert.deepEqual(page2.data.map((t: any) => [t.id, t.name]), [[thread.id, 'My thread']]);
    assert.equal(page2.nextCursor, null);
    assert.equal((await client.request('thread/list', { cursor: 'bogus' })).error.message, 'invalid cursor: bogus');

    assert.deepEqual((await client.request('thread/archive', { threadId: fork.id })).result, {});
    assert.deepEqual((await client.next((m) => m.method === 'thread/archived')).params, { threadId: fork.id });
    const archived = (await client.request('thread/list', { archived: true })).result.data;
    assert.deepEqual(archived.map((t: any) => [t.id, t.status.type]), [[fork.id, 'notLoaded']]);
    assert.match(archived[0].path, /\/archived_sessions\/rollout-/);
    assert.equal((await client.request('thread/unarchive', { threadId: thread.id })).error.message, `no archived rollout found for thread id ${thread.id}`);
    const unarchived = (await client.request('thread/unarchive', { threadId: fork.id })).result.thread;
    assert.match(unarchived.path, /\/sessions\/\d{4}\/\d{2}\/\d{2}\/rollout-/);
    await client.notification('thread/unarchived');

    // A stored, unloaded thread comes back with its turns.
    const resumed = (await client.request('thread/resume', { threadId: fork.id })).result;
    assert.equal(resumed.thread.turns.length, 2);
    assert.equal(resumed.thread.status.type, 'idle');
    await turn(client, fork.id, 'on the fork');
    assert.equal((await client.request('thread/read', { threadId: fork.id, includeTurns: true })).result.thread.turns.length, 3);
    assert.equal((await client.request('thread/read', { threadId: first })).error.message, `thread not loaded: ${first}`);
  } finally {
    await weft.kill();
    await mock.close();
    home.dispose();
  }
});

test('resuming a thread another client has loaded joins it without reloading', async () => {
  const mock = await startMockModel();
  const home = tempHome(mockConfig(mock.url));
  const server = await startWebSocket(home);
  try {
    const a = await server.connect();
    const b = await server.connect();
    await a.initialize();
    await b.initialize();
    const threadId = (await a.request('thread/start', {})).result.thread.id;
    await turn(a, threadId, 'hello');
    const resumed = await b.request('thread/resume', { threadId });
    assert.equal(resumed.result.thread.turns.length, 1);
    assert.equal(b.log.filter((m) => m.method === 'thread/status/changed' && m.params.status.type === 'idle').length, 1);
    assert.equal((await a.request('thread/unsubscribe', { threadId })).result.status, 'unsubscribed');
    assert.equal((await a.request('thread/unsubscribe', { threadId })).result.status, 'notSubscribed');
    assert.deepEqual((await b.request('thread/loaded/list', {})).result.data, [threadId]);
  } finally {
    await server.weft.kill();
    await mock.close();
    home.dispose();
  }
});

test('thread/start config overrides apply to that thread only, and bad ones are refused', async () => {
  const mock = await startMockModel();
  const home = tempHome(mockConfig(mock.url));
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    const custom = (await client.request('thread/start', { config: { model: 'cfg-model', 'features.unified_exec': false } })).result;
    assert.equal(custom.model, 'cfg-model');
    await turn(client, custom.thread.id, 'hi');
    const request = mock.requests.find((r) => r.method === 'POST')!;
    assert.equal(request.body.model, 'cfg-model');
    assert.ok(!request.body.tools.some((t: any) => t.name === 'exec_command'));
    assert.equal((await client.request('thread/start', {})).result.model, 'mock-model');
    const bad = await client.request('thread/start', { config: { approval_policy: 5 } });
    assert.match(bad.error.message, /invalid config override: .*approval_policy/);
  } finally {
    await weft.kill();
    await mock.close();
    home.dispose();
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mockConfig, startMockModel, type MockResponse } from '../support/mock-model.ts';
import type { Message, RpcClient } from '../support/rpc-client.ts';
import { startStdio, startWebSocket, tempHome, type TempHome } from '../support/weft.ts';

const text = (t: string) => [{ type: 'text', text: t }];
const slow = (deltas: string[]): MockResponse => ({ eventDelayMs: 60, items: [{ type: 'message', deltas }] });

/** Texts of the messages a model request carried, role:text. */
function said(request: { body: any }): string[] {
  return (request.body.input as any[])
    .filter((i) => i.type === 'message')
    .map((i) => `${i.role}:${i.content.map((c: any) => c.text ?? '').join('')}`);
}

async function session(script: MockResponse[], extraConfig = '') {
  const mock = await startMockModel(script);
  const home = tempHome(mockConfig(mock.url, extraConfig));
  const { weft, client } = await startStdio(home);
  await client.initialize();
  const threadId: string = (await client.request('thread/start', {})).result.thread.id;
  return {
    mock,
    home,
    client,
    threadId,
    posts: () => mock.requests.filter((r) => r.method === 'POST'),
    close: async () => {
      await weft.kill();
      await mock.close();
      home.dispose();
    },
  };
}

const completed = (client: RpcClient, turnId: string) => client.next((m) => m.method === 'turn/completed' && m.params.turn.id === turnId);

test('turn/steer adds input to the running turn: a userMessage item, no new turn, and the model hears it', async () => {
  const s = await session([slow(['working ', 'on ', 'it ', 'now']), { items: [{ type: 'message', text: 'noted' }] }]);
  try {
    const turnId = (await s.client.request('turn/start', { threadId: s.threadId, input: text('start') })).result.turn.id;
    await s.client.next((m) => m.method === 'item/agentMessage/delta' && m.params.turnId === turnId);
    assert.deepEqual((await s.client.request('turn/steer', { threadId: s.threadId, input: text('also this'), expectedTurnId: turnId })).result, { turnId });
    const wrong = await s.client.request('turn/steer', { threadId: s.threadId, input: text('x'), expectedTurnId: 'nope' });
    assert.equal(wrong.error.message, `expected active turn id \`nope\` but found \`${turnId}\``);
    const steeredItem = await s.client.next((m) => m.method === 'item/completed' && m.params.item.type === 'userMessage' && m.params.item.content[0].text === 'also this');
    assert.equal(steeredItem.params.turnId, turnId);
    await completed(s.client, turnId);
    assert.equal(s.client.log.filter((m) => m.method === 'turn/started').length, 1);
    const posts = s.posts();
    assert.equal(posts.length, 2);
    assert.ok(said(posts[1]!).includes('user:also this'));
    assert.equal((await s.client.request('turn/steer', { threadId: s.threadId, input: text('late'), expectedTurnId: turnId })).error.message, 'no active turn to steer');
  } finally {
    await s.close();
  }
});

test('turn overrides persist to later turns and the model is told what changed; outputSchema is for one turn', async () => {
  const s = await session([]);
  try {
    const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false };
    let turnId = (await s.client.request('turn/start', { threadId: s.threadId, input: text('one'), model: 'other-model', outputSchema: schema })).result.turn.id;
    await completed(s.client, turnId);
    turnId = (await s.client.request('turn/start', { threadId: s.threadId, input: text('two'), approvalPolicy: 'on-request' })).result.turn.id;
    await completed(s.client, turnId);
    const [first, second] = s.posts();
    assert.equal(first!.body.model, 'other-model');
    assert.equal(first!.body.text.format.name, 'codex_output_schema');
    assert.equal(second!.body.model, 'other-model');
    assert.equal(second!.body.text, undefined);
    // One developer message at the start, one announcing the new approval policy before "two".
    const developer = said(second!).filter((m) => m.startsWith('developer:'));
    assert.equal(developer.length, 2);
    assert.match(developer[1]!, /Running commands outside the sandbox/);
  } finally {
    await s.close();
  }
});

test('a broken stream is retried when the provider allows it, with an error notification that says so', async () => {
  const mock = await startMockModel([{ cutAfter: 3, items: [{ type: 'message', deltas: ['par', 'tial'] }] }, { items: [{ type: 'message', text: 'recovered' }] }]);
  const home = tempHome(mockConfig(mock.url).replace('stream_max_retries = 0', 'stream_max_retries = 1'));
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    const threadId = (await client.request('thread/start', {})).result.thread.id;
    const turnId = (await client.request('turn/start', { threadId, input: text('go') })).result.turn.id;
    const retry = await client.notification('error');
    assert.equal(retry.params.willRetry, true);
    assert.equal(retry.params.error.message, 'Reconnecting... 1/1');
    assert.match(retry.params.error.additionalDetails, /stream disconnected before completion/);
    const done = await completed(client, turnId);
    assert.equal(done.params.turn.status, 'completed');
    const final = client.log.filter((m) => m.method === 'item/completed' && m.params.item.type === 'agentMessage');
    assert.deepEqual(final.map((m) => m.params.item.text), ['recovered']);
  } finally {
    await weft.kill();
    await mock.close();
    home.dispose();
  }
});

test('a model error fails the turn and the thread stays usable for the next one', async () => {
  const s = await session([{ status: 500, body: { error: { message: 'boom', type: 'server_error', code: null } } }]);
  try {
    let turnId = (await s.client.request('turn/start', { threadId: s.threadId, input: text('one') })).result.turn.id;
    const failed = await completed(s.client, turnId);
    assert.equal(failed.params.turn.status, 'failed');
    assert.equal(failed.params.turn.error.codexErrorInfo, 'internalServerError');
    turnId = (await s.client.request('turn/start', { threadId: s.threadId, input: text('two') })).result.turn.id;
    assert.equal((await completed(s.client, turnId)).params.turn.status, 'completed');
  } finally {
    await s.close();
  }
});

test('when the context fills up the thread is compacted automatically inside the turn', async () => {
  const s = await session(
    [{ items: [{ type: 'message', text: 'first' }] }, { items: [{ type: 'message', text: 'SUMMARY' }] }, { items: [{ type: 'message', text: 'after' }] }],
    'model_auto_compact_token_limit = 10\n',
  );
  try {
    let turnId = (await s.client.request('turn/start', { threadId: s.threadId, input: text('one') })).result.turn.id;
    await completed(s.client, turnId);
    turnId = (await s.client.request('turn/start', { threadId: s.threadId, input: text('two') })).result.turn.id;
    const compacted = await s.client.notification('thread/compacted');
    assert.equal(compacted.params.turnId, turnId);
    await completed(s.client, turnId);
    const posts = s.posts();
    assert.equal(posts.length, 3);
    assert.deepEqual(posts[1]!.body.tools, []);
    const last = said(posts[2]!);
    assert.ok(last.some((m) => m.includes('SUMMARY')), JSON.stringify(last));
    assert.ok(!last.includes('assistant:first'));
    assert.equal(last[last.length - 1], 'user:two');
  } finally {
    await s.close();
  }
});

test('rollback drops the last turns and the model sees the shorter history', async () => {
  const s = await session([]);
  try {
    for (const t of ['one', 'two']) {
      const turnId = (await s.client.request('turn/start', { threadId: s.threadId, input: text(t) })).result.turn.id;
      await completed(s.client, turnId);
    }
    const rolled = await s.client.request('thread/rollback', { threadId: s.threadId, numTurns: 1 });
    assert.equal(rolled.result.thread.turns.length, 1);
    const turnId = (await s.client.request('turn/start', { threadId: s.threadId, input: text('three') })).result.turn.id;
    await completed(s.client, turnId);
    const last = said(s.posts()[2]!);
    assert.ok(last.includes('user:one') && last.includes('user:three') && !last.includes('user:two'), JSON.stringify(last));
  } finally {
    await s.close();
  }
});

test('websocket fan-out: everyone hears thread/started and status, only subscribers hear items; a resume joins', async () => {
  const mock = await startMockModel();
  const home: TempHome = tempHome(mockConfig(mock.url));
  const server = await startWebSocket(home);
  try {
    const a = await server.connect();
    const b = await server.connect();
    await a.initialize();
    await b.initialize();
    const threadId = (await a.request('thread/start', {})).result.thread.id;
    await b.next((m) => m.method === 'thread/started' && m.params.thread.id === threadId);
    let turnId = (await a.request('turn/start', { threadId, input: text('one') })).result.turn.id;
    await completed(a, turnId);
    await b.next((m) => m.method === 'thread/status/changed' && m.params.status.type === 'idle');
    assert.equal(b.log.filter((m: Message) => m.method?.startsWith('item/') || m.method?.startsWith('turn/')).length, 0);
    const resumed = await b.request('thread/resume', { threadId });
    assert.equal(resumed.result.thread.turns.length, 1);
    turnId = (await a.request('turn/start', { threadId, input: text('two') })).result.turn.id;
    await completed(a, turnId);
    await completed(b, turnId);
    // A client that goes away is unsubscribed; the thread stays loaded for the other one.
    a.close();
    await a.waitClosed();
    turnId = (await b.request('turn/start', { threadId, input: text('three') })).result.turn.id;
    await completed(b, turnId);
    assert.deepEqual((await b.request('thread/loaded/list', {})).result.data, [threadId]);
  } finally {
    await server.weft.kill();
    await mock.close();
    home.dispose();
  }
});

test('a client that disconnects mid-turn does not stop the turn', async () => {
  const mock = await startMockModel([slow(['a ', 'b ', 'c ', 'd '])]);
  const home = tempHome(mockConfig(mock.url));
  const server = await startWebSocket(home);
  try {
    const a = await server.connect();
    await a.initialize();
    const threadId = (await a.request('thread/start', {})).result.thread.id;
    const turnId = (await a.request('turn/start', { threadId, input: text('go') })).result.turn.id;
    await a.next((m) => m.method === 'item/agentMessage/delta');
    a.close();
    const b = await server.connect();
    await b.initialize();
    // The turn finishes on its own, then the unwatched thread is unloaded.
    await b.next((m) => m.method === 'thread/closed' && m.params.threadId === threadId);
    const read = await b.request('thread/read', { threadId, includeTurns: true });
    assert.deepEqual(read.result.thread.turns.map((t: any) => [t.id, t.status]), [[turnId, 'completed']]);
    assert.equal(read.result.thread.turns[0].items[1].text, 'a b c d ');
  } finally {
    await server.weft.kill();
    await mock.close();
    home.dispose();
  }
});

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { mockConfig, startMockModel, type MockModel } from '../support/mock-model.ts';
import type { RpcClient } from '../support/rpc-client.ts';
import { startStdio, tempHome, type TempHome } from '../support/weft.ts';

const text = (t: string) => [{ type: 'text', text: t }];

/** Runs one complete turn and returns its id. */
async function completeTurn(client: RpcClient, threadId: string, input: string): Promise<string> {
  const res = await client.request('turn/start', { threadId, input: text(input) });
  const turnId = res.result.turn.id;
  await client.next((m) => m.method === 'turn/completed' && m.params.turn.id === turnId);
  return turnId;
}

async function withServer<T>(home: TempHome, fn: (client: RpcClient, kill: () => Promise<void>) => Promise<T>): Promise<T> {
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    return await fn(client, () => weft.kill());
  } finally {
    await weft.kill();
  }
}

/** A thread with one finished turn and a second one cut off by `cut` while the model streams. */
async function cutMidTurn(cut: 'SIGKILL' | 'stdin closed') {
  const mock = await startMockModel([
    { items: [{ type: 'message', text: 'first answer' }] },
    { eventDelayMs: 100, items: [{ type: 'message', deltas: ['a ', 'b ', 'c ', 'd ', 'e ', 'f ', 'g '] }] },
  ]);
  const home = tempHome(mockConfig(mock.url));
  const { weft, client } = await startStdio(home);
  await client.initialize();
  const threadId = (await client.request('thread/start', {})).result.thread.id;
  const first = await completeTurn(client, threadId, 'one');
  const second = (await client.request('turn/start', { threadId, input: text('two') })).result.turn.id;
  await client.next((m) => m.method === 'item/agentMessage/delta' && m.params.turnId === second);
  if (cut === 'SIGKILL') await weft.kill();
  else {
    client.close();
    await weft.exited;
  }
  return { mock, home, threadId, first, second };
}

async function checkRecovered(home: TempHome, mock: MockModel, threadId: string, first: string, second: string) {
  await withServer(home, async (client) => {
    const list = await client.request('thread/list', {});
    assert.deepEqual(list.result.data.map((t: any) => [t.id, t.preview]), [[threadId, 'one']]);
    const read = await client.request('thread/read', { threadId, includeTurns: true });
    const turns = read.result.thread.turns;
    assert.deepEqual(turns.map((t: any) => [t.id, t.status]), [[first, 'completed'], [second, 'interrupted']]);
    assert.deepEqual(turns[0].items.map((i: any) => [i.type, i.text ?? i.content?.[0]?.text]), [['userMessage', 'one'], ['agentMessage', 'first answer']]);
    assert.deepEqual(turns[1].items.map((i: any) => i.type), ['userMessage']);
    // The thread goes on where it stopped.
    await client.request('thread/resume', { threadId });
    await completeTurn(client, threadId, 'three');
    const requests = mock.requests.filter((r) => r.method === 'POST');
    const lastInput = requests[requests.length - 1]!.body.input as any[];
    const said = lastInput.filter((i) => i.type === 'message' && i.role !== 'developer').map((i) => i.content[0].text);
    assert.ok(said.includes('one') && said.includes('first answer') && said.includes('three'), JSON.stringify(said));
  });
}

test('a server killed with SIGKILL mid-turn loses only the unfinished part of that turn', async () => {
  const { mock, home, threadId, first, second } = await cutMidTurn('SIGKILL');
  try {
    await checkRecovered(home, mock, threadId, first, second);
  } finally {
    await mock.close();
    home.dispose();
  }
});

test('a server whose stdin closes mid-turn exits, and the cut turn is interrupted on restart', async () => {
  const { mock, home, threadId, first, second } = await cutMidTurn('stdin closed');
  try {
    await checkRecovered(home, mock, threadId, first, second);
  } finally {
    await mock.close();
    home.dispose();
  }
});

test('two servers on one CODEX_HOME never write to the same thread', async () => {
  const mock = await startMockModel();
  const home = tempHome(mockConfig(mock.url));
  try {
    const threadId = await withServer(home, async (client) => {
      const id = (await client.request('thread/start', {})).result.thread.id;
      await completeTurn(client, id, 'hello');
      return id;
    });
    const a = await startStdio(home);
    const b = await startStdio(home);
    try {
      await a.client.initialize();
      await b.client.initialize();
      assert.ok((await a.client.request('thread/resume', { threadId })).result);
      const refused = await b.client.request('thread/resume', { threadId });
      assert.equal(refused.error.code, -32600);
      assert.match(refused.error.message, /in use by another Weft process/);
      await a.weft.kill();
      // Once the holder is gone, the thread can be taken over.
      assert.ok((await b.client.request('thread/resume', { threadId })).result);
      await completeTurn(b.client, threadId, 'again');
    } finally {
      await a.weft.kill();
      await b.weft.kill();
    }
  } finally {
    await mock.close();
    home.dispose();
  }
});

test('a store that cannot be written makes thread/start fail with a clear error, and the server keeps serving', async () => {
  const mock = await startMockModel();
  const home = tempHome(mockConfig(mock.url));
  // Where the database's folder should be there is a file.
  writeFileSync(join(home.codexHome, 'weft'), 'not a folder');
  try {
    await withServer(home, async (client) => {
      const res = await client.request('thread/start', {});
      assert.equal(res.error.code, -32603);
      assert.match(res.error.message, /weft/);
      const ephemeral = await client.request('thread/start', { ephemeral: true });
      assert.ok(ephemeral.result.thread.id);
    });
  } finally {
    await mock.close();
    home.dispose();
  }
});

test('turn-level errors: unknown thread, two turns at once, interrupt without a turn, bad cwd', async () => {
  const mock = await startMockModel([{ eventDelayMs: 200, items: [{ type: 'message', deltas: ['x', 'y', 'z'] }] }]);
  const home = tempHome(mockConfig(mock.url));
  mkdirSync(join(home.cwd, 'sub'));
  try {
    await withServer(home, async (client) => {
      const threadId = (await client.request('thread/start', {})).result.thread.id;
      assert.match((await client.request('turn/interrupt', { threadId, turnId: 'x' })).error.message, /no active turn/);
      const turn = (await client.request('turn/start', { threadId, input: text('go') })).result.turn;
      const second = await client.request('turn/start', { threadId, input: text('again') });
      assert.match(second.error.message, /already running/);
      assert.match((await client.request('turn/interrupt', { threadId, turnId: 'other' })).error.message, /expected active turn id/);
      assert.match((await client.request('thread/start', { cwd: join(home.cwd, 'nope') })).error.message, /cwd does not exist/);
      assert.match((await client.request('thread/start', { cwd: join(home.root, 'codex-home', 'config.toml') })).error.message, /not a directory/);
      assert.deepEqual((await client.request('turn/interrupt', { threadId, turnId: turn.id })).result, {});
      const done = await client.next((m) => m.method === 'turn/completed');
      assert.equal(done.params.turn.status, 'interrupted');
      assert.match((await client.request('thread/rollback', { threadId, numTurns: 5 })).error.message, /cannot roll back 5 turns/);
    });
  } finally {
    await mock.close();
    home.dispose();
  }
});

test('a damaged thread database is moved aside, clients are warned, and the server goes on', async () => {
  const mock = await startMockModel();
  const home = tempHome(mockConfig(mock.url));
  try {
    const first = await startStdio(home);
    await first.client.initialize();
    const id = (await first.client.request('thread/start', {})).result.thread.id;
    await completeTurn(first.client, id, 'hello');
    first.client.close();
    await first.weft.exited;
    const { openSync, writeSync, closeSync, readdirSync } = await import('node:fs');
    // Scribble over the database header (the server closed it cleanly, so it holds everything).
    const fd = openSync(join(home.codexHome, 'weft', 'state.sqlite'), 'r+');
    writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
    closeSync(fd);
    await withServer(home, async (client) => {
      assert.deepEqual((await client.request('thread/list', {})).result, { data: [], nextCursor: null });
      const warning = await client.notification('configWarning');
      assert.match(warning.params.details, /corrupt/);
      const id = (await client.request('thread/start', {})).result.thread.id;
      await completeTurn(client, id, 'after');
    });
    assert.ok(readdirSync(join(home.codexHome, 'weft')).some((f) => f.includes('.corrupt-')), 'the damaged file is kept aside');
  } finally {
    await mock.close();
    home.dispose();
  }
});

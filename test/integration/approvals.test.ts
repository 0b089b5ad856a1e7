import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { mockConfig, startMockModel, type MockResponse } from '../support/mock-model.ts';
import type { RpcClient } from '../support/rpc-client.ts';
import { startStdio, startWebSocket, tempHome } from '../support/weft.ts';

const text = (t: string) => [{ type: 'text', text: t }];
const exec = (cmd: string, call_id: string): MockResponse => ({ items: [{ type: 'function_call', name: 'exec_command', arguments: { cmd }, call_id }] });
const say = (t: string): MockResponse => ({ items: [{ type: 'message', text: t }] });

/** The tool outputs the model was sent, by call id. */
function outputs(requests: Array<{ method: string; body: any }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of requests) for (const i of r.body?.input ?? []) if (i.type === 'function_call_output') out[i.call_id] = i.output;
  return out;
}

const untrusted = (url: string) => mockConfig(url).replace('approval_policy = "never"', 'approval_policy = "untrusted"');
const completed = (client: RpcClient, turnId: string) => client.next((m) => m.method === 'turn/completed' && m.params.turn.id === turnId);
const approval = (client: RpcClient) => client.next((m) => m.method === 'item/commandExecution/requestApproval');

test('an approval answered twice counts once; the second answer changes nothing', async () => {
  const mock = await startMockModel([exec('touch twice.txt', 'c1'), say('done')]);
  const home = tempHome(untrusted(mock.url));
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    const threadId = (await client.request('thread/start', { cwd: home.cwd })).result.thread.id;
    const turnId = (await client.request('turn/start', { threadId, input: text('go') })).result.turn.id;
    const request = await approval(client);
    client.send({ id: request.id, result: { decision: 'decline' } });
    client.send({ id: request.id, result: { decision: 'accept' } });
    await completed(client, turnId);
    assert.equal(existsSync(join(home.cwd, 'twice.txt')), false);
    assert.equal(client.log.filter((m) => m.method === 'serverRequest/resolved').length, 1);
    assert.equal(outputs(mock.requests).c1, 'exec_command failed: CreateProcess { message: "Rejected(\\"rejected by user\\")" }');
  } finally {
    await weft.kill();
    await mock.close();
    home.dispose();
  }
});

test('a client that disconnects with an approval pending blocks only that turn; another client resumes and answers', async () => {
  const mock = await startMockModel([exec('touch later.txt', 'c1'), say('done')]);
  const home = tempHome(untrusted(mock.url));
  const { weft, connect } = await startWebSocket(home);
  try {
    const first = await connect();
    await first.initialize();
    const threadId = (await first.request('thread/start', { cwd: home.cwd })).result.thread.id;
    const turnId = (await first.request('turn/start', { threadId, input: text('go') })).result.turn.id;
    const original = await approval(first);
    first.close();

    const second = await connect();
    await second.initialize();
    // The server keeps serving while the turn waits.
    assert.ok((await second.request('thread/loaded/list', {})).result.data.includes(threadId));
    const resumed = await second.request('thread/resume', { threadId });
    assert.deepEqual(resumed.result.thread.status, { type: 'active', activeFlags: ['waitingOnApproval'] });
    const replayed = await approval(second);
    assert.equal(replayed.id, original.id);
    second.send({ id: replayed.id, result: { decision: 'accept' } });
    await completed(second, turnId);
    assert.equal(existsSync(join(home.cwd, 'later.txt')), true);
  } finally {
    await weft.kill();
    await mock.close();
    home.dispose();
  }
});

test('thread/start config overrides shell_environment_policy for that thread only', async () => {
  const mock = await startMockModel([exec('echo "[$WEFT_PROBE]"', 'c1'), say('one'), exec('echo "[$WEFT_PROBE]"', 'c2'), say('two')]);
  const home = tempHome(mockConfig(mock.url));
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    const overridden = (await client.request('thread/start', { config: { 'shell_environment_policy.set': { WEFT_PROBE: 'from-thread' } } })).result.thread.id;
    await completed(client, (await client.request('turn/start', { threadId: overridden, input: text('a') })).result.turn.id);
    const plain = (await client.request('thread/start', {})).result.thread.id;
    await completed(client, (await client.request('turn/start', { threadId: plain, input: text('b') })).result.turn.id);
    const out = outputs(mock.requests);
    assert.match(out.c1!, /\[from-thread\]/);
    assert.match(out.c2!, /\[\]/);
  } finally {
    await weft.kill();
    await mock.close();
    home.dispose();
  }
});

test('a command printing 100 MB: the turn completes, the model gets a bounded answer, the server keeps serving', async () => {
  const mock = await startMockModel([exec('head -c 100000000 /dev/zero | tr "\\0" x; echo; echo end', 'big'), say('done')]);
  const home = tempHome(mockConfig(mock.url));
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    const threadId = (await client.request('thread/start', {})).result.thread.id;
    const turnId = (await client.request('turn/start', { threadId, input: text('go') })).result.turn.id;
    await client.next((m) => m.method === 'item/commandExecution/outputDelta', 30_000);
    assert.ok((await client.request('thread/loaded/list', {})).result.data.includes(threadId));
    await client.next((m) => m.method === 'turn/completed' && m.params.turn.id === turnId, 60_000);
    const output = outputs(mock.requests).big!;
    assert.ok(output.length < 100_000, `model got ${output.length} chars`);
    assert.match(output, /(tokens|chars) truncated/);
    assert.match(output, /end\n$/);
  } finally {
    await weft.kill();
    await mock.close();
    home.dispose();
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mockConfig, startMockModel, type MockResponse } from '../support/mock-model.ts';
import type { Message, RpcClient } from '../support/rpc-client.ts';
import { startStdio, tempHome } from '../support/weft.ts';

const text = (t: string) => [{ type: 'text', text: t }];
const PLAN = { mode: 'plan', settings: { model: 'mock-model', reasoning_effort: null, developer_instructions: null } };
const DEFAULT = { mode: 'default', settings: { model: 'mock-model', reasoning_effort: null, developer_instructions: null } };
const planned = (deltas: string[]): MockResponse => ({ items: [{ type: 'message', deltas }] });

/** The developer sections of a model request that tell the model its mode. */
function modeSections(request: { body: any }): string[] {
  return (request.body.input as any[])
    .filter((i) => i.type === 'message' && i.role === 'developer')
    .flatMap((i) => i.content.map((c: any) => c.text as string))
    .filter((t) => t.startsWith('<collaboration_mode>'));
}

async function runTurn(client: RpcClient, threadId: string, input: string, extra: Record<string, unknown> = {}): Promise<Message[]> {
  const turnId = (await client.request('turn/start', { threadId, input: text(input), ...extra })).result.turn.id;
  const start = client.log.length;
  await client.next((m) => m.method === 'turn/completed' && m.params.turn.id === turnId);
  return client.log.slice(start).filter((m) => m.params?.turnId === turnId && /^item\//.test(m.method));
}

/** item notifications in a compact form: method, item type or id, text or delta. */
const compact = (messages: Message[]) =>
  messages
    .filter((m) => m.params.item?.type !== 'userMessage')
    .map((m) => [m.method, m.params.item?.type ?? m.params.itemId, m.params.item?.text ?? m.params.delta]);

test('collaborationMode/list offers the Plan and Default presets', async () => {
  const home = tempHome(mockConfig('http://127.0.0.1:9/v1'));
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    assert.deepEqual((await client.request('collaborationMode/list', {})).result, {
      data: [
        { name: 'Plan', mode: 'plan', model: null, reasoning_effort: 'medium' },
        { name: 'Default', mode: 'default', model: null, reasoning_effort: null },
      ],
    });
  } finally {
    await weft.kill();
    home.dispose();
  }
});

test('plan mode: the plan streams as its own item, the mode sticks until changed, the model hears of each change once', async () => {
  const mock = await startMockModel([
    planned(['Intro\n<prop', 'osed_plan>\n- a\n- ', 'b\n</proposed', '_plan>\nOutro']),
    planned(['<proposed_plan>\nonly a plan\n</proposed_plan>\n']),
    planned(['Done\n<proposed_plan>\nstays text\n</proposed_plan>\n']),
  ]);
  const home = tempHome(mockConfig(mock.url));
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    const threadId: string = (await client.request('thread/start', {})).result.thread.id;

    const first = await runTurn(client, threadId, 'plan it', { collaborationMode: PLAN });
    const turnId = first[0]!.params.turnId;
    const messageId = first.find((m) => m.params.item?.type === 'agentMessage')!.params.item.id;
    assert.deepEqual(compact(first), [
      ['item/started', 'agentMessage', ''],
      ['item/agentMessage/delta', messageId, 'Intro\n'],
      ['item/started', 'plan', ''],
      ['item/plan/delta', `${turnId}-plan`, '- a\n- '],
      ['item/plan/delta', `${turnId}-plan`, 'b\n'],
      ['item/agentMessage/delta', messageId, 'Outro'],
      ['item/completed', 'plan', '- a\n- b\n'],
      ['item/completed', 'agentMessage', 'Intro\nOutro'],
    ]);

    // No mode given: still Plan mode; a message holding only a plan never shows as a message.
    const second = await runTurn(client, threadId, 'again');
    assert.deepEqual(compact(second).map(([method, type]) => `${method} ${type}`), [
      'item/started plan',
      `item/plan/delta ${second[2]!.params.turnId}-plan`,
      'item/completed plan',
    ]);

    const third = await runTurn(client, threadId, 'now do it', { collaborationMode: DEFAULT });
    assert.deepEqual(compact(third).at(-1), ['item/completed', 'agentMessage', 'Done\n<proposed_plan>\nstays text\n</proposed_plan>\n']);

    const [r1, r2, r3] = mock.requests.filter((r) => r.method === 'POST');
    assert.equal(modeSections(r1!).length, 1);
    assert.match(modeSections(r1!)[0]!, /^<collaboration_mode># Plan mode/);
    assert.equal(modeSections(r2!).length, 1, 'an unchanged mode is not told again');
    assert.equal(modeSections(r3!).length, 2);
    assert.match(modeSections(r3!)[1]!, /^<collaboration_mode># Default mode/);

    const read = (await client.request('thread/read', { threadId, includeTurns: true })).result.thread;
    assert.deepEqual(
      read.turns.map((t: any) => t.items.filter((i: any) => i.type !== 'userMessage').map((i: any) => `${i.type}:${i.text}`)),
      [['plan:- a\n- b\n', 'agentMessage:Intro\nOutro'], ['plan:only a plan\n'], ['agentMessage:Done\n<proposed_plan>\nstays text\n</proposed_plan>\n']],
    );
  } finally {
    await weft.kill();
    await mock.close();
    home.dispose();
  }
});

test('a mode brings its model and effort; an effort it leaves out is the model default', async () => {
  const mock = await startMockModel([]);
  const home = tempHome(mockConfig(mock.url));
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    const threadId: string = (await client.request('thread/start', { model: 'gpt-5.3-codex' })).result.thread.id;
    await runTurn(client, threadId, 'one', { effort: 'high' });
    await runTurn(client, threadId, 'two', { collaborationMode: { mode: 'plan', settings: { model: 'gpt-5.3-codex' } }, effort: 'low' });
    await runTurn(client, threadId, 'three', { collaborationMode: { mode: 'plan', settings: { model: 'gpt-5.2-codex', reasoning_effort: 'xhigh' } }, model: 'ignored' });
    const posts = mock.requests.filter((r) => r.method === 'POST');
    assert.deepEqual(
      posts.map((r) => [r.body.model, r.body.reasoning?.effort ?? null]),
      [
        ['gpt-5.3-codex', 'high'],
        ['gpt-5.3-codex', 'medium'],
        ['gpt-5.2-codex', 'xhigh'],
      ],
    );
  } finally {
    await weft.kill();
    await mock.close();
    home.dispose();
  }
});

test('a thread loaded again starts in Default mode', async () => {
  const mock = await startMockModel([planned(['A\n<proposed_plan>\nP\n</proposed_plan>\n']), planned(['B\n<proposed_plan>\nP\n</proposed_plan>\n'])]);
  const home = tempHome(mockConfig(mock.url));
  try {
    let { weft, client } = await startStdio(home);
    await client.initialize();
    const threadId: string = (await client.request('thread/start', {})).result.thread.id;
    assert.ok(compact(await runTurn(client, threadId, 'plan', { collaborationMode: PLAN })).some(([, type]) => type === 'plan'));
    await weft.kill();

    ({ weft, client } = await startStdio(home));
    try {
      await client.initialize();
      await client.request('thread/resume', { threadId });
      const after = compact(await runTurn(client, threadId, 'after a restart'));
      assert.deepEqual(after.at(-1), ['item/completed', 'agentMessage', 'B\n<proposed_plan>\nP\n</proposed_plan>\n']);
      assert.deepEqual(modeSections(mock.requests.filter((r) => r.method === 'POST')[1]!).length, 1, 'only the earlier plan instructions');
    } finally {
      await weft.kill();
    }
  } finally {
    await mock.close();
    home.dispose();
  }
});

// A user switching from the reference (codex-cli 0.113.0): the threads it wrote to CODEX_HOME show
// in thread/list, read as the reference read them, resume, and go on with the reference's history.
//
// What legitimately differs from the reference's answers recorded with the fixtures:
// - `path`: the files were copied into this test's CODEX_HOME; Weft reports where they are now;
// - the unterminated fixture's turn: the reference reads a turn its own stop cut off as still
//   `inProgress` forever; Weft reads it `interrupted`, as its own threads after a crash (see
//   test/store/rollout/reference-fixtures.test.ts).
// Everything else, `updatedAt` included (the files keep the reference's mtimes), is compared whole.
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Thread } from '../../src/protocol/index.ts';
import { mockConfig, startMockModel } from '../support/mock-model.ts';
import type { Message } from '../support/rpc-client.ts';
import { startStdio, tempHome } from '../support/weft.ts';
import { FIXTURE_NAMES, fixture, installAll } from '../store/rollout/fixtures.ts';

const LIVE = FIXTURE_NAMES.filter((n) => n !== 'archived');

/** The reference's view of a fixture, as Weft should show it from its new place. */
function expected(name: string, path: string, turns: boolean): Thread {
  const f = fixture(name);
  const thread = { ...(f.listed ?? f.read), path };
  if (!turns) return { ...thread, turns: [] };
  if (name !== 'unterminated') return thread;
  return { ...thread, turns: thread.turns.map((t) => ({ ...t, status: 'interrupted' as const })) };
}

/** role:text of the messages a model request carried. */
const said = (request: { body: any }): string[] =>
  (request.body.input as any[])
    .filter((i) => i.type === 'message')
    .map((i) => `${i.role}:${i.content.map((c: any) => c.text ?? '').join('')}`);

test('threads the reference wrote are listed, read, resumed and continued, and stay Weft\'s', async () => {
  const mock = await startMockModel([{ items: [{ type: 'message', text: 'third answer' }] }]);
  const home = tempHome(mockConfig(mock.url));
  const paths = installAll(home.codexHome);
  let server = await startStdio(home);
  try {
    const { client } = server;
    await client.initialize();

    const listed = (await client.request('thread/list', { limit: 100 })).result;
    const order = [...LIVE].sort((a, b) => {
      const [x, y] = [fixture(a).read, fixture(b).read];
      return y.createdAt - x.createdAt || (y.id < x.id ? -1 : 1);
    });
    assert.deepEqual(listed, { data: order.map((n) => expected(n, paths.get(n)!, false)), nextCursor: null });
    const archived = (await client.request('thread/list', { archived: true })).result;
    assert.deepEqual(archived.data, [expected('archived', paths.get('archived')!, false)]);

    for (const name of LIVE) {
      const read = await client.request('thread/read', { threadId: fixture(name).read.id, includeTurns: true });
      assert.deepEqual(read.result?.thread, expected(name, paths.get(name)!, true), name);
    }

    const f = fixture('two-turns');
    const resumed = (await client.request('thread/resume', { threadId: f.read.id })).result;
    assert.deepEqual(resumed.thread, { ...expected('two-turns', paths.get('two-turns')!, true), status: { type: 'idle' } });

    const turn = await client.request('turn/start', { threadId: f.read.id, input: [{ type: 'text', text: 'third question' }] });
    assert.ok(turn.result, JSON.stringify(turn.error));
    const completed = await client.next((m: Message) => m.method === 'turn/completed');
    assert.equal(completed.params.turn.status, 'completed', JSON.stringify(completed.params.turn.error));
    const request = mock.requests.filter((r) => r.method === 'POST').at(-1)!;
    const history = said(request);
    const at = (text: string) => history.findIndex((m) => m.endsWith(text));
    // The reference's turns, in order, then the new question.
    assert.ok(at('user:first question') >= 0, history.join('\n'));
    assert.ok(at('first question') < at('assistant:first answer'));
    assert.ok(at('first answer') < at('assistant:second answer'));
    assert.ok(at('second answer') < at('user:third question'));

    // The reference touches the file again (it was still open there): the thread is Weft's now.
    await server.weft.kill();
    appendFileSync(paths.get('two-turns')!, `{"timestamp":"2026-11-26T06:00:00.000Z","type":"event_msg","payload":{"type":"token_count","info":null}}\n`);
    server = await startStdio(home);
    await server.client.initialize();
    const after = (await server.client.request('thread/read', { threadId: f.read.id, includeTurns: true })).result.thread;
    assert.deepEqual(after.turns.slice(0, 2), f.read.turns);
    assert.equal(after.turns.length, 3);
    assert.deepEqual(
      after.turns[2].items.map((i: any) => i.type === 'userMessage' ? i.content[0].text : i.text),
      ['third question', 'third answer'],
    );
    assert.equal(after.name, 'Two turns');
    await server.weft.stderrMatching(/has been continued in Weft since it was imported/);
  } finally {
    await server.weft.kill();
    await mock.close();
    home.dispose();
  }
});

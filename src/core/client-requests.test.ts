import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ThreadActiveFlag } from '../protocol/index.ts';
import { ServerRequests } from '../rpc/server-requests.ts';
import { ActiveTurn } from './active-turn.ts';
import { askClients, withdrawRequests } from './client-requests.ts';
import type { LoadedThread } from './loaded-thread.ts';

/** A thread that records what its clients are told; no client is connected. */
function fakeThread() {
  const notified: string[] = [];
  const thread = { id: 't1', subscribers: new Set(), waiting: new Map<ThreadActiveFlag, number>(), notify: (method: string) => notified.push(method) };
  return { thread: thread as unknown as LoadedThread, notified };
}

test('a request with a flag raises it while waiting and is announced as resolved', async () => {
  const serverRequests = new ServerRequests();
  const statuses: number[] = [];
  const { thread, notified } = fakeThread();
  const deps = { serverRequests, publishStatus: (t: LoadedThread) => statuses.push(t.waiting.get('waitingOnUserInput') ?? 0) };
  const asked = askClients(deps, thread, new ActiveTurn('turn', 'regular'), 'item/tool/requestUserInput', {}, { flag: 'waitingOnUserInput' });
  serverRequests.answer(0, { result: {} });
  assert.deepEqual(await asked, { kind: 'result', result: {} });
  assert.deepEqual(statuses, [1, 0]);
  assert.deepEqual(notified, ['serverRequest/resolved']);
});

test('a request without a flag leaves the status alone and is never announced, answered or withdrawn', async () => {
  const serverRequests = new ServerRequests();
  let published = 0;
  const { thread, notified } = fakeThread();
  const deps = { serverRequests, publishStatus: () => published++ };
  const turn = new ActiveTurn('turn', 'regular');
  const answered = askClients(deps, thread, turn, 'item/tool/call', {}, {});
  serverRequests.answer(0, { result: { contentItems: [], success: true } });
  await answered;

  const interrupted = askClients(deps, thread, turn, 'item/tool/call', {}, {});
  turn.abort.abort(new Error('interrupted'));
  await assert.rejects(interrupted, /interrupted/);
  withdrawRequests(deps, thread, turn);
  assert.equal(serverRequests.pendingForThread('t1').length, 0);
  assert.equal(published, 0);
  assert.deepEqual(notified, []);
});

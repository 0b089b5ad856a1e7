import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Channel } from '../transport/channel.ts';
import { Connection } from './connection.ts';
import { ServerRequests } from './server-requests.ts';

function recordingConnection(): { conn: Connection; sent: unknown[] } {
  const sent: unknown[] = [];
  const channel: Channel = { transport: 'stdio', label: 't', send: (t) => sent.push(JSON.parse(t)), close() {} };
  return { conn: new Connection(channel), sent };
}

test('server request ids count from 0 and the first answer wins', async () => {
  const requests = new ServerRequests();
  const a = recordingConnection();
  const b = recordingConnection();
  const first = requests.send([a.conn, b.conn], 'item/tool/call', { x: 1 }, 'thread-1');
  const second = requests.send([a.conn], 'item/tool/call', { x: 2 });
  assert.equal(first.id, 0);
  assert.equal(second.id, 1);
  assert.deepEqual(a.sent[0], { id: 0, method: 'item/tool/call', params: { x: 1 } });
  assert.deepEqual(b.sent[0], { id: 0, method: 'item/tool/call', params: { x: 1 } });
  assert.equal(requests.answer(0, { result: { ok: true } }), true);
  assert.equal(requests.answer(0, { result: { ok: false } }), false);
  assert.deepEqual(await first.outcome, { kind: 'result', result: { ok: true } });
  assert.equal(requests.answer(1, { error: { code: 1, message: 'no' } }), true);
  assert.deepEqual(await second.outcome, { kind: 'error', error: { code: 1, message: 'no' } });
});

test('answers to ids never issued are refused', () => {
  const requests = new ServerRequests();
  assert.equal(requests.answer(7, { result: {} }), false);
  assert.equal(requests.answer('0', { result: {} }), false);
});

test('a cleared request settles as cleared and a late answer is refused', async () => {
  const requests = new ServerRequests();
  const { conn } = recordingConnection();
  const r = requests.send([conn], 'item/tool/requestUserInput', {}, 'thread-1');
  assert.equal(requests.clear(r.id), true);
  assert.deepEqual(await r.outcome, { kind: 'cleared' });
  assert.equal(requests.answer(r.id, { result: {} }), false);
  assert.equal(requests.clear(r.id), false);
});

test('pending requests of a thread are replayed with their original id', () => {
  const requests = new ServerRequests();
  const first = recordingConnection();
  const late = recordingConnection();
  requests.send([first.conn], 'item/commandExecution/requestApproval', { a: 1 }, 'thread-1');
  requests.send([first.conn], 'item/commandExecution/requestApproval', { b: 2 }, 'thread-2');
  const pending = requests.pendingForThread('thread-1');
  assert.equal(pending.length, 1);
  requests.replay(late.conn, pending[0]!);
  assert.deepEqual(late.sent, [{ id: 0, method: 'item/commandExecution/requestApproval', params: { a: 1 } }]);
});

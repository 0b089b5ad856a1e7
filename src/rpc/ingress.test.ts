import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Channel } from '../transport/channel.ts';
import { Connection } from './connection.ts';
import { INGRESS_CAPACITY, Ingress } from './ingress.ts';

const channel = (): Channel => ({ transport: 'stdio', label: 'test', send: () => {}, close: () => {} });
const settle = () => new Promise((r) => setImmediate(r));

test('messages are processed in order, and a full queue refuses what does not fit', async () => {
  const processed: string[] = [];
  const refused: string[] = [];
  const ingress = new Ingress(
    (_c, t) => processed.push(t),
    (_c, t) => refused.push(t),
  );
  const conn = new Connection(channel());
  for (let i = 0; i < INGRESS_CAPACITY + 10; i++) ingress.push(conn, String(i));
  assert.equal(refused.length, 10);
  assert.deepEqual(refused, Array.from({ length: 10 }, (_, i) => String(INGRESS_CAPACITY + i)));
  while (processed.length < INGRESS_CAPACITY) await settle();
  assert.deepEqual(processed, Array.from({ length: INGRESS_CAPACITY }, (_, i) => String(i)));
});

test('a flooding connection does not starve another one', async () => {
  const order: string[] = [];
  const ingress = new Ingress(
    (c, t) => order.push(`${c.id}:${t}`),
    () => {},
  );
  const flooder = new Connection(channel());
  const quiet = new Connection(channel());
  for (let i = 0; i < 500; i++) ingress.push(flooder, String(i));
  ingress.push(quiet, 'hello');
  while (order.length < 501) await settle();
  // The quiet connection is served in the first round, long before the flood is through.
  assert.ok(order.indexOf(`${quiet.id}:hello`) < 100);
});

test('requests in progress count against the capacity', () => {
  let refused = 0;
  const ingress = new Ingress(
    () => {},
    () => refused++,
  );
  const conn = new Connection(channel());
  conn.inFlight = INGRESS_CAPACITY;
  ingress.push(conn, 'x');
  assert.equal(refused, 1);
});

test('a dropped connection loses its unprocessed messages', async () => {
  const processed: string[] = [];
  const ingress = new Ingress(
    (_c, t) => processed.push(t),
    () => {},
  );
  const conn = new Connection(channel());
  ingress.push(conn, 'a');
  ingress.drop(conn);
  await settle();
  assert.deepEqual(processed, []);
});

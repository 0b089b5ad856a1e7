import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseListenUrl } from './listen-url.ts';

test('parseListenUrl reads stdio and websocket endpoints', () => {
  assert.deepEqual(parseListenUrl('stdio://'), { kind: 'stdio' });
  assert.deepEqual(parseListenUrl('ws://127.0.0.1:4500'), { kind: 'websocket', host: '127.0.0.1', port: 4500 });
  assert.deepEqual(parseListenUrl('ws://[::1]:0'), { kind: 'websocket', host: '::1', port: 0 });
});

test('parseListenUrl refuses other schemes and bad ports', () => {
  for (const bad of ['http://127.0.0.1:1', 'ws://127.0.0.1', 'ws://127.0.0.1:99999', 'tcp://x:1']) {
    assert.throws(() => parseListenUrl(bad), /invalid --listen URL/);
  }
});

import assert from 'node:assert/strict';
import http from 'node:http';
import type net from 'node:net';
import { test } from 'node:test';
import { WebSocket } from 'ws';
import type { Channel } from '../../src/transport/channel.ts';
import { isLoopbackHost, listenWebSocket, type WebSocketOptions } from '../../src/transport/websocket.ts';

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

interface ServerChannel {
  channel: Channel;
  messages: string[];
  closed: boolean;
}

/**
 * An echo server. `flood:N` sends N 256 KiB messages paced one per event-loop turn (N=0: until the
 * channel closes), like a turn streaming output.
 */
async function startServer(opts: Partial<WebSocketOptions> = {}) {
  const channels: ServerChannel[] = [];
  const warnings: string[] = [];
  const chunk = JSON.stringify({ pad: 'f'.repeat(256 * 1024) });
  const listener = await listenWebSocket(
    (channel) => {
      const entry: ServerChannel = { channel, messages: [], closed: false };
      channels.push(entry);
      return {
        onMessage(text) {
          entry.messages.push(text);
          const flood = /^flood:(\d+)$/.exec(text);
          if (!flood) return channel.send(text);
          const limit = Number(flood[1]) || Infinity;
          let sent = 0;
          const pump = () => {
            if (entry.closed || sent >= limit || sent * chunk.length > 1024 ** 3) return;
            channel.send(chunk);
            sent++;
            setImmediate(pump);
          };
          pump();
        },
        onClose() {
          assert.equal(entry.closed, false, 'onClose fired twice');
          entry.closed = true;
        },
      };
    },
    { host: '127.0.0.1', port: 0, log: { warn: (m) => warnings.push(m), info() {}, debug() {} }, ...opts },
  );
  return { listener, channels, warnings, url: `ws://127.0.0.1:${listener.port}/` };
}

function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Status and body of a refused upgrade. */
function refusal(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => reject(new Error('upgrade was accepted')));
    ws.once('error', () => {}); // ws reports the refusal as an error after 'unexpected-response'
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
  });
}

function received(ws: WebSocket): string[] {
  const messages: string[] = [];
  ws.on('message', (data, isBinary) => {
    assert.equal(isBinary, false, 'server sent a binary frame');
    messages.push(data.toString());
  });
  return messages;
}

function closeEvent(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

function httpRequest(port: number, method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('websocket: text frames both ways, in order, each socket its own channel', async () => {
  const s = await startServer();
  const a = await connect(s.url);
  const b = await connect(s.url);
  const fromA = received(a);
  const fromB = received(b);
  for (let i = 0; i < 5; i++) a.send(`{"id":${i},"s":"é😀"}`);
  b.send('{"id":"b"}');
  await until(() => fromA.length === 5 && fromB.length === 1, 'echoes');
  assert.deepEqual(fromA, [0, 1, 2, 3, 4].map((i) => `{"id":${i},"s":"é😀"}`));
  assert.deepEqual(fromB, ['{"id":"b"}']);
  assert.equal(s.channels.length, 2);
  assert.equal(s.channels[0]!.channel.transport, 'websocket');
  assert.notEqual(s.channels[0]!.channel.label, s.channels[1]!.channel.label);
  a.close();
  await until(() => s.channels[0]!.closed, 'server-side onClose');
  assert.equal(s.channels[1]!.closed, false);
  b.close();
  await s.listener.close();
});

test('websocket: binary frames and invalid UTF-8 text frames are dropped, the socket stays open', async () => {
  const s = await startServer();
  const ws = await connect(s.url);
  const echoes = received(ws);
  ws.send(Buffer.from('{"binary":true}'), { binary: true });
  ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false }); // ws does not validate what it sends
  ws.send('{"after":true}');
  await until(() => echoes.length === 1, 'echo of the valid frame');
  assert.deepEqual(s.channels[0]!.messages, ['{"after":true}']);
  assert.equal(s.warnings.filter((w) => /binary/.test(w)).length, 1);
  assert.equal(s.warnings.filter((w) => /UTF-8/.test(w)).length, 1);
  assert.equal(ws.readyState, WebSocket.OPEN);
  ws.close();
  await s.listener.close();
});

test('websocket: a 10 MB message goes both ways; one over maxPayload closes that socket with 1009', async () => {
  const s = await startServer();
  const ws = await connect(s.url);
  const echoes = received(ws);
  const big = JSON.stringify({ pad: 'é'.repeat(5 * 1024 * 1024) });
  ws.send(big);
  await until(() => echoes.length === 1, 'echo of the big message');
  assert.ok(echoes[0] === big);
  ws.close();
  await s.listener.close();

  const small = await startServer({ maxPayloadBytes: 1024 * 1024 });
  const tooBig = await connect(small.url);
  const closed = closeEvent(tooBig);
  tooBig.send('x'.repeat(1024 * 1024 + 1));
  assert.equal((await closed).code, 1009);
  await until(() => small.channels[0]!.closed, 'server-side onClose');
  await small.listener.close();
});

test('websocket: /healthz and /readyz answer 200 with an empty body; other paths 404', async () => {
  const s = await startServer();
  assert.deepEqual(await httpRequest(s.listener.port, 'GET', '/healthz'), { status: 200, body: '' });
  assert.deepEqual(await httpRequest(s.listener.port, 'GET', '/readyz'), { status: 200, body: '' });
  assert.deepEqual(await httpRequest(s.listener.port, 'GET', '/readyz?probe=1'), { status: 200, body: '' });
  assert.equal((await httpRequest(s.listener.port, 'HEAD', '/healthz')).status, 200);
  assert.equal((await httpRequest(s.listener.port, 'POST', '/healthz')).status, 405);
  assert.equal((await httpRequest(s.listener.port, 'GET', '/')).status, 404);
  assert.equal((await httpRequest(s.listener.port, 'GET', '/nope')).status, 404);
  await s.listener.close();
});

test('websocket: any request carrying Origin is refused with 403', async () => {
  const s = await startServer();
  assert.equal((await refusal(s.url, { Origin: 'http://localhost:3000' })).status, 403);
  assert.equal((await refusal(s.url, { Origin: 'null' })).status, 403);
  assert.equal((await httpRequest(s.listener.port, 'GET', '/healthz', { Origin: 'https://example.com' })).status, 403);
  assert.equal(s.channels.length, 0);
  const ws = await connect(s.url); // the same client without Origin is fine
  ws.close();
  await s.listener.close();
});

test('websocket: with a token, upgrades need Authorization: Bearer <token>', async () => {
  const s = await startServer({ token: 's3cret-token' });
  assert.deepEqual(await refusal(s.url, {}), { status: 401, body: 'missing websocket bearer token' });
  assert.deepEqual(await refusal(s.url, { Authorization: 'Bearer wrong' }), {
    status: 401,
    body: 'invalid websocket bearer token',
  });
  assert.deepEqual(await refusal(s.url, { Authorization: 'Bearer s3cret-token-longer' }), {
    status: 401,
    body: 'invalid websocket bearer token',
  });
  assert.deepEqual(await refusal(s.url, { Authorization: 'Basic s3cret-token' }), {
    status: 401,
    body: 'invalid authorization header',
  });
  assert.equal((await refusal(s.url, { Authorization: 'Bearer s3cret-token', Origin: 'http://x' })).status, 403);
  assert.equal(s.channels.length, 0);
  assert.equal((await httpRequest(s.listener.port, 'GET', '/healthz')).status, 200); // probes need no token

  const ok = await connect(s.url, { Authorization: 'Bearer s3cret-token' });
  const echoes = received(ok);
  ok.send('{"authed":true}');
  await until(() => echoes.length === 1, 'echo');
  ok.close();
  (await connect(s.url, { Authorization: 'bearer s3cret-token' })).close(); // scheme is case-insensitive
  await s.listener.close();
});

test('websocket: binding beyond loopback without a token is refused', async () => {
  const noop = () => ({ onMessage() {}, onClose() {} });
  await assert.rejects(listenWebSocket(noop, { host: '0.0.0.0', port: 0 }), /non-loopback address 0\.0\.0\.0 without a token/);
  await assert.rejects(listenWebSocket(noop, { host: '::', port: 0 }), /non-loopback/);
  await assert.rejects(listenWebSocket(noop, { host: '127.0.0.1', port: 0, token: ' ' }), /token must be non-empty/);
  const withToken = await listenWebSocket(noop, { host: '0.0.0.0', port: 0, token: 't' });
  await withToken.close();

  for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1']) {
    assert.equal(isLoopbackHost(host), true, host);
  }
  for (const host of ['0.0.0.0', '::', '10.0.0.1', '192.168.1.2', 'example.com', 'localhost.evil.com', '::ffff:10.0.0.1', '']) {
    assert.equal(isLoopbackHost(host), false, host);
  }
});

test('websocket: a socket that stops reading is closed with 1008; other sockets are unaffected', async () => {
  const s = await startServer({ maxBufferedBytes: 2 * 1024 * 1024 });
  const slow = await connect(s.url);
  const fast = await connect(s.url);
  const fastMessages = received(fast);
  let slowCount = 0;
  slow.on('message', () => slowCount++);
  const slowClosed = closeEvent(slow);

  (slow as unknown as { _socket: net.Socket })._socket.pause(); // stops reading; its TCP window fills up
  slow.send('flood:0');
  fast.send('flood:32'); // 8 MiB, four times the limit, to a client that keeps reading

  await until(() => s.channels[0]!.closed, 'the slow socket to be dropped', 30_000);
  assert.ok(s.warnings.some((w) => /not reading/.test(w)));
  await until(() => fastMessages.length === 32, 'the fast client to get its whole flood');
  assert.equal(s.channels[1]!.closed, false);
  fast.send('{"still":"here"}');
  await until(() => fastMessages.length === 33, 'echo after the flood');
  assert.equal(fastMessages[32], '{"still":"here"}');

  // Once it reads again, the slow client drains what was queued and then sees why it was dropped.
  (slow as unknown as { _socket: net.Socket })._socket.resume();
  const { code, reason } = await slowClosed;
  assert.equal(code, 1008);
  assert.match(reason, /slow reader/);
  assert.ok(slowCount > 0);
  fast.close();
  await s.listener.close();
});

test('websocket: close() closes every socket with 1001, fires each onClose, and stops listening', async () => {
  const s = await startServer();
  const a = await connect(s.url);
  const b = await connect(s.url);
  const closes = [closeEvent(a), closeEvent(b)];
  await s.listener.close();
  for (const closed of await Promise.all(closes)) assert.deepEqual(closed, { code: 1001, reason: 'server shutting down' });
  assert.deepEqual(
    s.channels.map((c) => c.closed),
    [true, true],
  );
  await assert.rejects(connect(s.url), /ECONNREFUSED/);
  await s.listener.close(); // idempotent
});

test('websocket: channel.close() ends one socket with 1000', async () => {
  const s = await startServer();
  const ws = await connect(s.url);
  const closed = closeEvent(ws);
  await until(() => s.channels.length === 1, 'server-side channel');
  s.channels[0]!.channel.close();
  assert.equal(s.channels[0]!.closed, true);
  assert.equal((await closed).code, 1000);
  await s.listener.close();
});

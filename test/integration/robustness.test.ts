import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { freePort, spawnWeft, startStdio, startWebSocket, tempHome } from '../support/weft.ts';

test('stdio: a line that is not UTF-8 is rejected and logged; the server keeps serving', async () => {
  const home = tempHome();
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    weft.proc.stdin.write(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]));
    assert.deepEqual((await client.request('thread/list', {})).result, { data: [], nextCursor: null });
    await weft.stderrMatching(/not valid UTF-8/);
  } finally {
    await weft.kill();
    home.dispose();
  }
});

test('stdio: a 10 MB request line is answered', async () => {
  const home = tempHome();
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    const res = await client.request('thread/list', { padding: 'x'.repeat(10 * 1024 * 1024) });
    assert.deepEqual(res.result, { data: [], nextCursor: null });
  } finally {
    await weft.kill();
    home.dispose();
  }
});

test('stdio: with the most verbose logging, stdout carries protocol messages only', async () => {
  const home = tempHome();
  const { weft, client } = await startStdio(home, [], { RUST_LOG: 'trace' });
  try {
    await client.initialize();
    client.sendRaw('{broken');
    await client.request('no/such/method', {});
    await client.request('thread/list', {});
    client.close();
    await weft.exited;
    // Every line the client read parsed as JSON (the client would have thrown otherwise) and the
    // logs went to stderr.
    assert.equal(client.log.length, 3);
    await weft.stderrMatching(/unparseable/);
  } finally {
    await weft.kill();
    home.dispose();
  }
});

test('websocket: a flood of 10,000 requests is partly refused with -32001 while another client is served promptly', async () => {
  const home = tempHome();
  const server = await startWebSocket(home);
  try {
    const flooder = await server.connect();
    const quiet = await server.connect();
    await flooder.initialize();
    await quiet.initialize();
    const total = 10_000;
    let answered = 0;
    let overloaded = 0;
    let quietAnsweredAt = -1;
    const allAnswered = new Promise<void>((resolve) => {
      flooder.observe((m) => {
        if (typeof m.id !== 'number' || m.id < 1000) return;
        answered++;
        if (m.error) {
          assert.deepEqual(m.error, { code: -32001, message: 'Server overloaded; retry later.' });
          overloaded++;
        }
        if (answered === total) resolve();
      });
    });
    const batch: string[] = [];
    for (let i = 0; i < total; i++) batch.push(JSON.stringify({ id: 1000 + i, method: 'thread/list', params: {} }));
    for (const text of batch) flooder.sendRaw(text);
    const quietRes = await quiet.request('thread/list', {});
    quietAnsweredAt = answered;
    assert.deepEqual(quietRes.result, { data: [], nextCursor: null });
    await allAnswered;
    assert.ok(overloaded > 0, 'some requests were refused');
    assert.ok(overloaded < total, 'some requests were served');
    assert.ok(quietAnsweredAt < total, `the quiet client was answered before the flood was through (${quietAnsweredAt})`);
  } finally {
    await server.weft.kill();
    home.dispose();
  }
});

test('websocket: health endpoints answer, a browser Origin is refused', async () => {
  const home = tempHome();
  const server = await startWebSocket(home);
  try {
    const base = `http://127.0.0.1:${server.port}`;
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    assert.equal((await fetch(`${base}/readyz`)).status, 200);
    assert.equal((await fetch(`${base}/healthz`, { headers: { Origin: 'https://evil.example' } })).status, 403);
    await assert.rejects(server.connect({ Origin: 'https://evil.example' }), /HTTP 403/);
  } finally {
    await server.weft.kill();
    home.dispose();
  }
});

test('websocket: a token file makes the bearer token mandatory', async () => {
  const home = tempHome();
  const tokenFile = join(home.root, 'token');
  writeFileSync(tokenFile, 's3cret-token\n');
  const server = await startWebSocket(home, ['--ws-token-file', tokenFile]);
  try {
    await assert.rejects(server.connect(), /HTTP 401/);
    await assert.rejects(server.connect({ Authorization: 'Bearer wrong' }), /HTTP 401/);
    const client = await server.connect({ Authorization: 'Bearer s3cret-token' });
    await client.initialize();
    assert.deepEqual((await client.request('thread/list', {})).result, { data: [], nextCursor: null });
  } finally {
    await server.weft.kill();
    home.dispose();
  }
});

test('websocket: listening beyond loopback without a token is refused', async () => {
  const home = tempHome();
  const port = await freePort();
  const weft = spawnWeft(['app-server', '--listen', `ws://0.0.0.0:${port}`], home);
  try {
    assert.equal(await weft.exited, 1);
    assert.match(weft.stderr(), /non-loopback/);
  } finally {
    await weft.kill();
    home.dispose();
  }
});

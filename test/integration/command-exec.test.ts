import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startStdio, startWebSocket, tempHome } from '../support/weft.ts';

test('command/exec: timeout, output cap, env changes, sandbox', async () => {
  const home = tempHome('sandbox_mode = "read-only"\n');
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    const slow = await client.request('command/exec', { command: ['sleep', '5'], timeoutMs: 200 });
    assert.equal(slow.result.exitCode, 124);
    const big = await client.request('command/exec', { command: ['sh', '-c', 'head -c 5000 /dev/zero | tr "\\0" x'], outputBytesCap: 100, sandboxPolicy: { type: 'dangerFullAccess' } });
    assert.equal(big.result.stdout.length, 100);
    const env = await client.request('command/exec', { command: ['sh', '-c', 'echo "${HOME:-unset} $EXTRA"'], env: { HOME: null, EXTRA: 'yes' } });
    assert.equal(env.result.stdout, 'unset yes\n');
    // The configured read-only sandbox applies to command/exec too.
    const denied = await client.request('command/exec', { command: ['sh', '-c', 'echo x > out.txt'], cwd: home.cwd });
    assert.notEqual(denied.result.exitCode, 0);
    assert.equal(existsSync(join(home.cwd, 'out.txt')), false);
    assert.equal((await client.request('command/exec/terminate', { processId: 'nope' })).error.message, 'no active command/exec for process id "nope"');
  } finally {
    await weft.kill();
    home.dispose();
  }
});

test('command/exec: a connection that closes takes its processes with it', async () => {
  const home = tempHome();
  const server = await startWebSocket(home);
  try {
    const a = await server.connect();
    await a.initialize();
    const marker = join(home.cwd, 'survived');
    a.sendRequest('command/exec', { command: ['sh', '-c', `sleep 1; touch ${marker}`], processId: 'p1', streamStdoutStderr: true, sandboxPolicy: { type: 'dangerFullAccess' } });
    // The process is running once a second request on the same connection is answered.
    await a.request('thread/loaded/list', {});
    a.close();
    await a.waitClosed();
    const b = await server.connect();
    await b.initialize();
    const done = await b.request('command/exec', { command: ['sleep', '1.5'], sandboxPolicy: { type: 'dangerFullAccess' } });
    assert.equal(done.result.exitCode, 0);
    assert.equal(existsSync(marker), false);
  } finally {
    await server.weft.kill();
    home.dispose();
  }
});

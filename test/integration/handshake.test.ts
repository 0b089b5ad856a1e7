import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RpcClient } from '../support/rpc-client.ts';
import { startStdio, startWebSocket, tempHome, type TempHome, type WeftProcess } from '../support/weft.ts';

/**
 * The handshake and error behaviours of PROTOCOL.md §12 (1–24) that the foundation owns, proven
 * over both transports.
 */
for (const transport of ['stdio', 'websocket'] as const) {
  describe(`handshake and framing over ${transport}`, () => {
    let home: TempHome;
    let weft: WeftProcess;
    let connect: () => Promise<RpcClient>;

    before(async () => {
      home = tempHome();
      if (transport === 'stdio') {
        // stdio has one client for the whole server: each test gets a fresh server.
        connect = async () => {
          const started = await startStdio(home);
          weft = started.weft;
          return started.client;
        };
      } else {
        const started = await startWebSocket(home);
        weft = started.weft;
        connect = () => started.connect();
      }
    });
    after(async () => {
      await weft?.kill();
      home.dispose();
    });

    test('requests before initialize are refused, after it they work without `initialized`', async () => {
      const c = await connect();
      assert.deepEqual(await c.request('thread/list', {}), { error: { code: -32600, message: 'Not initialized' }, id: 1 });
      const init = await c.request('initialize', { clientInfo: { name: 'my_client', version: '2.0' } });
      assert.match(init.result.userAgent, /^my_client\/0\.113\.0 \(.+; .+\) .+ \(my_client; 2\.0\)$/);
      assert.deepEqual(await c.request('thread/list', {}), { id: 3, result: { data: [], nextCursor: null } });
      const again = await c.request('initialize', { clientInfo: { name: 'again', version: '0' } });
      assert.deepEqual(again, { error: { code: -32600, message: 'Already initialized' }, id: 4 });
      c.close();
    });

    test('decoding errors come before the initialization check', async () => {
      const c = await connect();
      const res = await c.request('thread/start', { cwd: 42 });
      assert.deepEqual(res.error, { code: -32600, message: 'Invalid request: invalid type: integer `42`, expected a string' });
      c.close();
    });

    test('ids keep their JSON type; output never carries a jsonrpc member', async () => {
      const c = await connect();
      c.send({ jsonrpc: '2.0', id: 'abc', method: 'initialize', params: { clientInfo: { name: 'x', version: '1' } } });
      const res = await c.response('abc');
      assert.equal(res.id, 'abc');
      assert.ok(!('jsonrpc' in res));
      c.send({ id: 7, method: 'thread/list', params: {} });
      assert.equal((await c.response(7)).id, 7);
      c.close();
    });

    test('malformed JSON, batches, non-objects and bad ids get no reply; the connection keeps working', async () => {
      const c = await connect();
      await c.initialize();
      c.sendRaw('{this is not json');
      c.sendRaw('[{"id":90,"method":"thread/list","params":{}}]');
      c.sendRaw('42');
      c.send({ id: 1.5, method: 'thread/list', params: {} });
      c.send({ id: null, method: 'thread/list', params: {} });
      c.send({ id: 91, method: 5 });
      c.send({ id: 12345, result: {} });
      c.send({ method: 'no/such/notification' });
      const res = await c.request('thread/list', {});
      assert.deepEqual(res.result, { data: [], nextCursor: null });
      assert.deepEqual(c.pending(), []);
      c.close();
    });

    test('unknown methods and bad params answer -32600 with serde-style messages', async () => {
      const c = await connect();
      await c.initialize();
      const unknown = await c.request('no/such/method', {});
      assert.equal(unknown.error.code, -32600);
      assert.match(unknown.error.message, /^Invalid request: unknown variant `no\/such\/method`, expected one of `initialize`, `thread\/start`, /);
      assert.match(unknown.error.message, /`fuzzyFileSearch\/sessionStop`$/);
      assert.deepEqual((await c.request('turn/start', { input: [] })).error, {
        code: -32600,
        message: 'Invalid request: missing field `threadId`',
      });
      assert.deepEqual((await c.request('thread/list')).error, { code: -32600, message: 'Invalid request: missing field `params`' });
      assert.deepEqual((await c.request('account/logout', { a: 1 })).error, {
        code: -32600,
        message: 'Invalid request: invalid type: map, expected unit',
      });
      assert.deepEqual((await c.request('thread/list', { limit: -1 })).error, {
        code: -32600,
        message: 'Invalid request: invalid value: integer `-1`, expected u32',
      });
      // Unknown extra fields are ignored.
      assert.deepEqual((await c.request('thread/list', { bogus: true })).result, { data: [], nextCursor: null });
      c.close();
    });

    test('domain errors: unknown thread, malformed thread id, bad cursor', async () => {
      const c = await connect();
      await c.initialize();
      const id = '00000000-0000-0000-0000-000000000000';
      assert.deepEqual((await c.request('turn/start', { threadId: id, input: [] })).error, {
        code: -32600,
        message: `thread not found: ${id}`,
      });
      assert.equal(
        (await c.request('thread/read', { threadId: 'not-a-uuid' })).error.message,
        'invalid thread id: invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1',
      );
      assert.equal((await c.request('thread/list', { cursor: 'zz' })).error.message, 'invalid cursor: zz');
      c.close();
    });

    test('experimental methods and fields need the opt-in; decoding errors win over the gate', async () => {
      const c = await connect();
      await c.initialize({ capabilities: {} });
      assert.deepEqual((await c.request('collaborationMode/list', {})).error, {
        code: -32600,
        message: 'collaborationMode/list requires experimentalApi capability',
      });
      assert.equal((await c.request('mock/experimentalMethod', { value: 5 })).error.message, 'Invalid request: invalid type: integer `5`, expected a string');
      assert.equal((await c.request('mock/experimentalMethod', { value: 'x' })).error.message, 'mock/experimentalMethod requires experimentalApi capability');
      assert.equal(
        (await c.request('thread/start', { persistExtendedHistory: true })).error.message,
        'thread/start.persistFullHistory requires experimentalApi capability',
      );
      assert.equal(
        (await c.request('thread/start', { dynamicTools: [{ name: 'a', description: 'b', inputSchema: {} }] })).error.message,
        'thread/start.dynamicTools requires experimentalApi capability',
      );
      c.close();
    });

    test('with the opt-in, mock/experimentalMethod echoes', async () => {
      const c = await connect();
      await c.initialize();
      assert.deepEqual((await c.request('mock/experimentalMethod', { value: 'x' })).result, { echoed: 'x' });
      c.close();
    });

    test('a method not built yet answers an error that says so', async () => {
      const c = await connect();
      await c.initialize();
      const res = await c.request('feedback/upload', { classification: 'bug', includeLogs: false });
      assert.equal(res.error.code, -32601);
      assert.match(res.error.message, /feedback\/upload is not implemented/);
      c.close();
    });
  });
}

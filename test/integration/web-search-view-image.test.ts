import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { makePng } from '../../src/tools/view-image/test-images.ts';
import { mockConfig, startMockModel, type MockResponse } from '../support/mock-model.ts';
import type { Message } from '../support/rpc-client.ts';
import { startStdio, tempHome } from '../support/weft.ts';

const raw = (type: string, index: number, item: object) => ({ raw: { type, output_index: index, item } });

async function session(script: MockResponse[], extraConfig = '', threadParams: object = {}) {
  const mock = await startMockModel(script);
  const home = tempHome(mockConfig(mock.url, extraConfig));
  let { weft, client } = await startStdio(home);
  await client.initialize();
  const threadId: string = (await client.request('thread/start', threadParams)).result.thread.id;
  const turn = async (text: string) => {
    const turnId = (await client.request('turn/start', { threadId, input: [{ type: 'text', text }] })).result.turn.id;
    await client.next((m) => m.method === 'turn/completed' && m.params.turn.id === turnId);
  };
  const items = (method: string, type: string) => client.log.filter((m: Message) => m.method === method && m.params.item.type === type).map((m) => m.params.item);
  return {
    get client() {
      return client;
    },
    /** A new server on the same home: what it knows of the thread comes from the store. */
    restart: async () => {
      await weft.kill();
      ({ weft, client } = await startStdio(home));
      await client.initialize();
    },
    home,
    threadId,
    turn,
    items,
    bodies: () => mock.requests.filter((r) => r.method === 'POST').map((r) => r.body),
    close: async () => {
      await weft.kill();
      await mock.close();
      home.dispose();
    },
  };
}

test('web_search_call items become webSearch items, stay in the history, and with extended history in thread/read', async () => {
  const s = await session(
    [
      {
        items: [
          raw('response.output_item.added', 0, { type: 'web_search_call', id: 'ws_1', status: 'in_progress' }),
          raw('response.output_item.done', 0, { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'weather' } }),
          raw('response.output_item.done', 1, { type: 'web_search_call', id: 'ws_2', status: 'completed', action: { type: 'find_in_page', url: 'https://u', pattern: 'rain' } }),
          { type: 'message', text: 'rain' },
        ],
      },
    ],
    'tools.web_search.context_size = "high"',
    { persistExtendedHistory: true },
  );
  try {
    await s.turn('weather?');
    assert.deepEqual(s.items('item/started', 'webSearch'), [
      { type: 'webSearch', id: 'ws_1', query: '', action: { type: 'other' } },
      { type: 'webSearch', id: 'ws_2', query: "'rain' in https://u", action: { type: 'findInPage', url: 'https://u', pattern: 'rain' } },
    ]);
    const completed = s.items('item/completed', 'webSearch');
    assert.deepEqual(completed[0], { type: 'webSearch', id: 'ws_1', query: 'weather', action: { type: 'search', query: 'weather', queries: null } });
    await s.turn('more');
    const [first, second] = s.bodies();
    assert.deepEqual(first.tools.find((t: { type: string }) => t.type === 'web_search'), { type: 'web_search', external_web_access: true, search_context_size: 'high' });
    assert.deepEqual(
      second.input.filter((i: { type: string }) => i.type === 'web_search_call'),
      [
        { type: 'web_search_call', status: 'completed', action: { type: 'search', query: 'weather' } },
        { type: 'web_search_call', status: 'completed', action: { type: 'find_in_page', url: 'https://u', pattern: 'rain' } },
      ],
    );
    const searches = async () => {
      const read = await s.client.request('thread/read', { threadId: s.threadId, includeTurns: true });
      return read.result.thread.turns[0].items.filter((i: { type: string }) => i.type === 'webSearch');
    };
    assert.deepEqual(await searches(), completed);
    await s.restart();
    assert.deepEqual(await searches(), completed);
  } finally {
    await s.close();
  }
});

test('view_image gives the model the image, or an error when the path leads to no file', async () => {
  const call = (path: string, id: string) => ({ items: [{ type: 'function_call', name: 'view_image', arguments: { path }, call_id: id }] });
  const s = await session([call('shot.png', 'call_shot'), call('missing.png', 'call_missing'), { items: [{ type: 'message', text: 'seen' }] }]);
  try {
    const png = makePng({ width: 3, height: 2, color: 2, depth: 8, sample: (x, y) => [x, y, 9] });
    writeFileSync(join(s.home.cwd, 'shot.png'), png);
    await s.turn('look');
    const path = join(s.home.cwd, 'shot.png');
    assert.deepEqual(s.items('item/started', 'imageView'), [{ type: 'imageView', id: 'call_shot', path }]);
    assert.deepEqual(s.items('item/completed', 'imageView'), [{ type: 'imageView', id: 'call_shot', path }]);
    const outputs = s.bodies().at(-1).input.filter((i: { type: string }) => i.type === 'function_call_output');
    assert.deepEqual(outputs, [
      { type: 'function_call_output', call_id: 'call_shot', output: [{ type: 'input_image', image_url: `data:image/png;base64,${png.toString('base64')}` }] },
      { type: 'function_call_output', call_id: 'call_missing', output: `unable to locate image at \`${join(s.home.cwd, 'missing.png')}\`: No such file or directory (os error 2)` },
    ]);
    const read = await s.client.request('thread/read', { threadId: s.threadId, includeTurns: true });
    assert.deepEqual(read.result.thread.turns[0].items.map((i: { type: string }) => i.type), ['userMessage', 'agentMessage']);
  } finally {
    await s.close();
  }
});

import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { startStdio, startWebSocket, tempHome, type TempHome } from '../support/weft.ts';

function seed(home: TempHome): void {
  const files: Record<string, string> = {
    'work/src/alpha_parser.rs': '',
    'work/docs/alpha-notes.md': '',
    'work/src/beta.rs': '',
    'work/build/alpha.o': '',
    'work/.gitignore': 'build/\n',
    'work/.git/HEAD': '',
    'outside/alpha_secret.txt': '',
  };
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(home.root, rel)), { recursive: true });
    writeFileSync(join(home.root, rel), content);
  }
  symlinkSync('../outside', join(home.cwd, 'escape'));
}

test('fuzzyFileSearch: ranked matches inside the root only, ignored and linked-out files left out', async () => {
  const home = tempHome();
  seed(home);
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    const res = await client.request('fuzzyFileSearch', { query: 'alpha', roots: [home.cwd], cancellationToken: null });
    assert.deepEqual(res.result.files, [
      { root: home.cwd, path: 'docs/alpha-notes.md', file_name: 'alpha-notes.md', score: 134, indices: [5, 6, 7, 8, 9] },
      { root: home.cwd, path: 'src/alpha_parser.rs', file_name: 'alpha_parser.rs', score: 134, indices: [4, 5, 6, 7, 8] },
    ]);
    assert.deepEqual((await client.request('fuzzyFileSearch', { query: '', roots: [home.cwd] })).result, { files: [] });
    assert.deepEqual((await client.request('fuzzyFileSearch', { query: 'alpha' })).error, { code: -32600, message: 'Invalid request: missing field `roots`' });
  } finally {
    await weft.kill();
    home.dispose();
  }
});

test('fuzzyFileSearch sessions: snapshots as notifications after the response, errors like the reference', async () => {
  const home = tempHome();
  seed(home);
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    assert.deepEqual((await client.request('fuzzyFileSearch/sessionStart', { sessionId: 's', roots: [home.cwd] })).result, {});
    assert.deepEqual((await client.notification('fuzzyFileSearch/sessionUpdated')).params, { sessionId: 's', query: '', files: [] });
    await client.notification('fuzzyFileSearch/sessionCompleted');
    const updateId = client.sendRequest('fuzzyFileSearch/sessionUpdate', { sessionId: 's', query: 'beta' });
    const response = await client.next((m) => m.id === updateId || m.method === 'fuzzyFileSearch/sessionUpdated');
    assert.deepEqual(response, { id: updateId, result: {} });
    const updated = await client.notification('fuzzyFileSearch/sessionUpdated');
    assert.deepEqual(updated.params.files.map((f: { path: string }) => f.path), ['src/beta.rs']);
    assert.deepEqual((await client.notification('fuzzyFileSearch/sessionCompleted')).params, { sessionId: 's' });
    assert.deepEqual((await client.request('fuzzyFileSearch/sessionStop', { sessionId: 's' })).result, {});
    assert.deepEqual((await client.request('fuzzyFileSearch/sessionUpdate', { sessionId: 's', query: 'x' })).error, {
      code: -32600,
      message: 'fuzzy file search session not found: s',
    });
    assert.deepEqual((await client.request('fuzzyFileSearch/sessionStart', { sessionId: '', roots: [home.cwd] })).error, { code: -32600, message: 'sessionId must not be empty' });
    assert.deepEqual((await client.request('fuzzyFileSearch/sessionStart', { sessionId: 'e', roots: [] })).error, {
      code: -32603,
      message: 'failed to start fuzzy file search session: at least one search directory is required',
    });
    assert.deepEqual((await client.request('fuzzyFileSearch/sessionStop', { sessionId: 'never-started' })).result, {});
  } finally {
    await weft.kill();
    home.dispose();
  }
});

test('fuzzyFileSearch sessions are server-wide: another connection sees and can drive them', async () => {
  const home = tempHome();
  seed(home);
  const server = await startWebSocket(home);
  try {
    const a = await server.connect();
    await a.initialize();
    const b = await server.connect();
    await b.initialize();
    await a.request('fuzzyFileSearch/sessionStart', { sessionId: 'shared', roots: [home.cwd] });
    await b.notification('fuzzyFileSearch/sessionCompleted');
    assert.deepEqual((await b.request('fuzzyFileSearch/sessionUpdate', { sessionId: 'shared', query: 'beta' })).result, {});
    const seenByA = await a.next((m) => m.method === 'fuzzyFileSearch/sessionUpdated' && m.params.query === 'beta');
    assert.deepEqual(seenByA.params.files.map((f: { path: string }) => f.path), ['src/beta.rs']);
    a.close();
    b.close();
  } finally {
    await server.weft.kill();
    home.dispose();
  }
});

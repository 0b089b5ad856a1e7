import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FileSearchService } from './service.ts';

function tree(files: string[]): { root: string; dispose(): void } {
  const root = mkdtempSync(join(tmpdir(), 'weft-search-'));
  for (const rel of files) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), '');
  }
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** A service whose notifications are awaited by method and session. */
function recordingService() {
  const seen: Array<{ method: string; params: any }> = [];
  const waiters: Array<() => void> = [];
  const service = new FileSearchService((method, params) => {
    seen.push({ method, params });
    for (const w of waiters.splice(0)) w();
  });
  const completed = async (sessionId: string, count: number) => {
    const done = () => seen.filter((m) => m.method === 'fuzzyFileSearch/sessionCompleted' && m.params.sessionId === sessionId).length >= count;
    while (!done()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { service, seen, completed };
}

test('one-shot search: results, empty query, no roots', async () => {
  const t = tree(['src/alpha.rs', 'src/beta.rs']);
  try {
    const { service } = recordingService();
    const files = await service.search('alpha', [t.root], null);
    assert.deepEqual(files.map((f) => [f.root, f.path, f.file_name, f.score]), [[t.root, 'src/alpha.rs', 'alpha.rs', 134]]);
    assert.deepEqual(await service.search('', [t.root], null), []);
    assert.deepEqual(await service.search('alpha', [], null), []);
  } finally {
    t.dispose();
  }
});

test('a newer search with the same token cancels the older, which answers with no files', async () => {
  const t = tree(Array.from({ length: 300 }, (_, i) => `d${i % 30}/f${i}.txt`));
  try {
    const { service } = recordingService();
    const first = service.search('f1', [t.root], 'tok');
    const second = service.search('f2', [t.root], 'tok');
    const other = service.search('f3', [t.root], 'other');
    assert.deepEqual(await first, []);
    assert.ok((await second).length > 0);
    assert.ok((await other).length > 0);
  } finally {
    t.dispose();
  }
});

test('sessions: an initial empty snapshot, one snapshot per query, none after stop', async () => {
  const t = tree(['src/alpha.rs', 'docs/alpha.md', 'src/beta.rs']);
  try {
    const { service, seen, completed } = recordingService();
    service.startSession('s', [t.root]);
    await completed('s', 1);
    assert.deepEqual(seen[0], { method: 'fuzzyFileSearch/sessionUpdated', params: { sessionId: 's', query: '', files: [] } });
    assert.equal(service.updateSession('s', 'alpha'), true);
    await completed('s', 2);
    assert.deepEqual(seen[2]!.params.files.map((f: any) => f.path), ['docs/alpha.md', 'src/alpha.rs']);
    assert.equal(service.updateSession('nope', 'x'), false);
    service.updateSession('s', 'beta');
    service.stopSession('s');
    assert.equal(service.updateSession('s', 'beta'), false);
    // A later session's notifications arrive after anything the stopped one could still send.
    service.startSession('t', [t.root]);
    await completed('t', 1);
    assert.equal(seen.filter((m) => m.params.sessionId === 's').length, 4);
  } finally {
    t.dispose();
  }
});

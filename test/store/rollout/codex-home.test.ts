import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { findRolloutFiles } from '../../../src/store/rollout/read-rollout.ts';
import { readSessionNames } from '../../../src/store/rollout/session-index.ts';

const home = mkdtempSync(join(tmpdir(), 'weft-rollouts-'));
after(() => rmSync(home, { recursive: true, force: true }));

const ID = '01a21636-7b2e-72f2-aac0-8b87a5ae92ad';
function put(rel: string, text = '{}\n'): string {
  const path = join(home, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

test('rollouts are found in dated session folders and flat in archived_sessions', () => {
  assert.deepEqual(findRolloutFiles(home), []);
  const live = put(`sessions/2026/11/26/rollout-2026-11-26T04-56-38-${ID}.jsonl`, 'x'.repeat(7));
  const older = put(`sessions/2025/01/02/rollout-2025-01-02T03-04-05-${ID.replace('7b2e', '7b2f')}.jsonl`);
  const archived = put(`archived_sessions/rollout-2026-11-20T10-00-00-${ID.replace('7b2e', '7b30')}.jsonl`);
  utimesSync(live, 1_800_000_000, 1_800_000_000);
  put('sessions/2026/11/26/notes.txt');
  put(`sessions/2026/11/26/rollout-without-id.jsonl`);
  put(`sessions/misc/11/26/rollout-2026-11-26T04-56-38-${ID}.jsonl`);
  put(`archived_sessions/2026/rollout-2026-11-26T04-56-38-${ID}.jsonl`);
  const found = findRolloutFiles(home);
  assert.deepEqual(
    found.map((f) => [f.path, f.archived]),
    [
      [archived, true],
      [older, false],
      [live, false],
    ],
  );
  assert.deepEqual([found[2]!.mtimeMs, found[2]!.size], [1_800_000_000_000, 7]);
});

test('thread names are read from the session index, when there is one', () => {
  assert.deepEqual(readSessionNames(join(home, 'nowhere')), new Map());
  put('session_index.jsonl', `{"id":"${ID}","thread_name":"First","updated_at":"2026-11-26T04:56:39Z"}\n{"id":"${ID}","thread_name":"Renamed","updated_at":"2026-11-26T04:57:39Z"}\n`);
  assert.deepEqual(readSessionNames(home), new Map([[ID, 'Renamed']]));
});

import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { test } from 'node:test';
import { foldTurns } from '../../../src/core/turns.ts';
import type { ThreadQuery } from '../../../src/store/index.ts';
import { FIXTURE_NAMES, fixture, install, installAll } from '../rollout/fixtures.ts';
import { storeOn } from './helpers.ts';

const LISTED = ['id', 'preview', 'createdAt', 'updatedAt', 'cwd', 'modelProvider', 'cliVersion', 'source', 'agentNickname', 'agentRole', 'gitInfo', 'name'] as const;
const page = (archived: boolean): ThreadQuery => ({ limit: 100, cursor: null, sortKey: 'created_at', archived });

/** Writes `text` over the file, keeping its size and modification time: only a read could tell. */
function sneakyRewrite(path: string, text: string): void {
  const { size, atime, mtime } = statSync(path);
  writeFileSync(path, text.padEnd(size, ' ').slice(0, size));
  utimesSync(path, atime, mtime);
}

test('a home without the reference folders: nothing imported, nothing read', (t) => {
  const { store, sync } = storeOn(t);
  assert.deepEqual(sync(), { imported: 0, skipped: 0 });
  assert.deepEqual(store.referenceStamps(), new Map());
});

test('every fixture becomes a thread as the reference lists and reads it; archived ones only as archived', (t) => {
  const { home, store, sync } = storeOn(t);
  const paths = installAll(home);
  assert.deepEqual(sync(), { imported: FIXTURE_NAMES.length, skipped: 0 });
  const live = store.listThreads(page(false)).records;
  const archived = store.listThreads(page(true)).records;
  assert.deepEqual(archived.map((r) => r.id), [fixture('archived').read.id]);
  assert.equal(live.length, FIXTURE_NAMES.length - 1);
  for (const name of FIXTURE_NAMES) {
    const f = fixture(name);
    const expected = f.listed ?? f.read;
    const record = store.getThread(f.read.id)!;
    for (const key of LISTED) assert.deepEqual(record[key], expected[key], `${name}: ${key}`);
    assert.equal(record.path, paths.get(name));
    assert.equal(record.archived, name === 'archived');
    // The reference reads a turn cut off by its own stop as still running; see reference-fixtures.test.ts.
    const turns = foldTurns(store.readEntries(f.read.id));
    assert.deepEqual(turns.map((t) => t.id), f.read.turns.map((t) => t.id), name);
    if (name !== 'unterminated') assert.deepEqual(turns, f.read.turns, name);
  }
  // Newest first, as thread/list orders them.
  const created = live.map((r) => r.createdAt);
  assert.deepEqual(created, [...created].sort((a, b) => b - a));
});

test('a second pass reads nothing: files whose size and mtime did not change are not opened', (t) => {
  const { home, store, sync } = storeOn(t);
  const path = install(home, fixture('two-turns'));
  assert.equal(sync().imported, 1);
  sneakyRewrite(path, 'not a rollout at all');
  assert.deepEqual(sync(), { imported: 0, skipped: 0 });
  assert.equal(store.getThread(fixture('two-turns').read.id)!.preview, 'first question');
});

test('a changed file replaces its import, keeping a name set in Weft when the index has none', (t) => {
  const { home, store, sync } = storeOn(t);
  const f = fixture('two-turns');
  const path = install(home, f);
  const firstTurn = f.text.slice(0, f.text.indexOf('\n', f.text.indexOf('"type":"task_complete"')) + 1);
  writeFileSync(path, firstTurn);
  sync();
  assert.equal(foldTurns(store.readEntries(f.read.id)).length, 1);
  store.updateThread(f.read.id, { name: 'mine' });
  writeFileSync(path, f.text);
  utimesSync(path, f.read.updatedAt, f.read.updatedAt);
  assert.deepEqual(sync(), { imported: 1, skipped: 0 });
  assert.deepEqual(foldTurns(store.readEntries(f.read.id)), f.read.turns);
  assert.equal(store.getThread(f.read.id)!.name, 'mine');
  assert.equal(store.getThread(f.read.id)!.updatedAt, f.read.updatedAt);
});

test('an unreadable file is left out with one warning until it changes; the others are imported', (t) => {
  const { home, store, logs, sync } = storeOn(t);
  const good = install(home, fixture('shell'));
  const bad = join(dirname(good), 'rollout-2026-11-26T05-01-44-01a2163b-24c1-7411-8a9b-000000000bad.jsonl');
  writeFileSync(bad, '{"timestamp":"2026-11-26T05:01:44Z","type":"event_msg","payload":{"type":"task_started"}}\n');
  logs.take();
  assert.deepEqual(sync(), { imported: 1, skipped: 1 });
  const warnings = logs.take().filter((l) => l.includes('WARN'));
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /cannot import .*000000000bad\.jsonl \(left out until the file changes\): .*does not start with session metadata/);
  assert.deepEqual(sync(), { imported: 0, skipped: 0 });
  assert.deepEqual(logs.take(), []);
  // Fixed: it is a copy of another thread now, under that thread's id.
  writeFileSync(bad, readFileSync(install(home, fixture('reasoning'))));
  assert.deepEqual(sync(), { imported: 2, skipped: 0 });
  assert.equal(store.getThread(fixture('reasoning').read.id)!.path, bad);
});

test('torn lines are left out as the reference does, with a warning', (t) => {
  const { home, store, logs, sync } = storeOn(t);
  const path = install(home, fixture('two-turns'));
  appendFileSync(path, '{"timestamp":"2026-11-26T05:01:47Z","type":"event_msg","payl');
  logs.take();
  assert.equal(sync().imported, 1);
  assert.match(logs.take().join(''), /1 unreadable line\(s\) left out, as the reference does \(line \d+: not JSON/);
  assert.equal(foldTurns(store.readEntries(fixture('two-turns').read.id)).length, 2);
});

test('names: from the index at import, then renames made in the reference since the last pass', (t) => {
  const { home, store, sync } = storeOn(t);
  installAll(home);
  sync();
  const twoTurns = fixture('two-turns').read.id;
  const shell = fixture('shell').read.id;
  assert.equal(store.getThread(twoTurns)!.name, 'Two turns');
  // Renamed in Weft: an older line of the index must not undo it.
  store.updateThread(twoTurns, { name: 'renamed in Weft' });
  appendFileSync(join(home, 'session_index.jsonl'), `{"id":"${shell}","thread_name":"Shell","updated_at":"2026-11-26T06:00:00Z"}\n`);
  assert.deepEqual(sync(), { imported: 0, skipped: 0 });
  assert.equal(store.getThread(shell)!.name, 'Shell');
  assert.equal(store.getThread(twoTurns)!.name, 'renamed in Weft');
  // Names of threads that are not imported ones are not the index's business.
  store.insertThread({ ...store.getThread(shell)!, id: '019a0000-0000-7000-8000-00000000000a', name: null });
  appendFileSync(join(home, 'session_index.jsonl'), `{"id":"019a0000-0000-7000-8000-00000000000a","thread_name":"x"}\n`);
  sync();
  assert.equal(store.getThread('019a0000-0000-7000-8000-00000000000a')!.name, null);
});

test('a thread the reference archives after its import, then unarchives, follows its file', (t) => {
  const { home, store, sync } = storeOn(t);
  const f = fixture('interrupted');
  const path = install(home, f);
  sync();
  // The reference archives and unarchives by renaming, which keeps size and mtime.
  const moved = join(home, 'archived_sessions', basename(path));
  mkdirSync(join(home, 'archived_sessions'));
  renameSync(path, moved);
  assert.deepEqual(sync(), { imported: 1, skipped: 0 });
  let record = store.getThread(f.read.id)!;
  assert.deepEqual([record.archived, record.path], [true, moved]);
  assert.deepEqual(store.listThreads(page(false)).records, []);
  assert.deepEqual(foldTurns(store.readEntries(f.read.id)), f.read.turns);
  renameSync(moved, path);
  assert.deepEqual(sync(), { imported: 1, skipped: 0 });
  record = store.getThread(f.read.id)!;
  assert.deepEqual([record.archived, record.path], [false, path]);
  assert.deepEqual([...store.referenceStamps().keys()], [path]);
});

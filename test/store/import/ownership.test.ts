// Which of a thread's two homes wins when the reference's file changed after the import.
import assert from 'node:assert/strict';
import { appendFileSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { foldTurns } from '../../../src/core/turns.ts';
import { fixture, install } from '../rollout/fixtures.ts';
import { entry, record } from '../fixtures.ts';
import { storeOn } from './helpers.ts';

const f = fixture('two-turns');
const ID = f.read.id;
/** What the reference appends when the thread goes on there: one more event line. */
const moreFromReference = (path: string) =>
  appendFileSync(path, `{"timestamp":"2026-11-26T06:00:00.000Z","type":"event_msg","payload":{"type":"token_count","info":null}}\n`);

test('a thread continued in Weft is kept when its file changes, with one warning per file version', (t) => {
  const { home, store, logs, sync } = storeOn(t);
  const path = install(home, f);
  sync();
  store.claim(ID);
  store.appendEntries(ID, [{ kind: 'turnStarted', turnId: 'weft-turn', at: 1_800_000_000 }, entry.user('weft-turn', 'more')]);
  store.release(ID);
  const ours = store.readEntries(ID);
  moreFromReference(path);
  logs.take();
  assert.deepEqual(sync(), { imported: 0, skipped: 1 });
  assert.deepEqual(store.readEntries(ID), ours);
  assert.match(logs.take().join(''), /WARN .*changed, but thread .* has been continued in Weft since it was imported/);
  assert.deepEqual(sync(), { imported: 0, skipped: 0 });
  assert.deepEqual(logs.take(), []);
});

test('a thread rolled back in Weft is Weft\'s too', (t) => {
  const { home, store, sync } = storeOn(t);
  const path = install(home, f);
  sync();
  store.claim(ID);
  store.deleteTurns(ID, [f.read.turns[1]!.id]);
  store.release(ID);
  moreFromReference(path);
  assert.deepEqual(sync(), { imported: 0, skipped: 1 });
  assert.equal(foldTurns(store.readEntries(ID)).length, 1);
});

test('renaming, archiving or resuming in Weft does not make a thread Weft\'s: the changed file is imported', (t) => {
  const { home, store, sync } = storeOn(t);
  const path = install(home, f);
  sync();
  store.updateThread(ID, { name: 'mine', archived: true, settings: { resumed: true } });
  moreFromReference(path);
  assert.deepEqual(sync(), { imported: 1, skipped: 0 });
  const record = store.getThread(ID)!;
  assert.equal(record.name, 'mine');
  // Where the file lies says whether it is archived: the reference went on with it unarchived.
  assert.deepEqual([record.archived, record.path], [false, path]);
  assert.equal(record.updatedAt, Math.floor(statSync(path).mtimeMs / 1000));
});

test('a thread Weft created under the same id is kept, and the file left out', (t) => {
  const { home, store, logs, sync } = storeOn(t);
  store.insertThread(record({ id: ID, preview: 'ours' }));
  install(home, f);
  logs.take();
  assert.deepEqual(sync(), { imported: 0, skipped: 1 });
  assert.equal(store.getThread(ID)!.preview, 'ours');
  assert.match(logs.take().join(''), /WARN .*holds thread .*, an id Weft already uses for a thread of its own/);
  assert.deepEqual(sync(), { imported: 0, skipped: 0 });
});

test('a loaded thread is not replaced under its holder: its changed file is imported once released', (t) => {
  const { home, store, sync } = storeOn(t);
  const path = install(home, f);
  sync();
  store.claim(ID);
  moreFromReference(path);
  assert.deepEqual(sync(), { imported: 0, skipped: 1 });
  assert.deepEqual(sync(), { imported: 0, skipped: 1 });
  store.release(ID);
  assert.deepEqual(sync(), { imported: 1, skipped: 0 });
});

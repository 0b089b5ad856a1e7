import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openThreadStore, StoreError, type ThreadEntry } from '../../src/store/index.ts';
import { SCHEMA_VERSION } from '../../src/store/migrations.ts';
import { entry, record } from './fixtures.ts';
import { tempHome, tempStore } from './helpers.ts';

const ID = record().id;

const turn = (turnId: string, text: string): ThreadEntry[] => [
  { kind: 'turnStarted', turnId, at: 1_750_000_001 },
  entry.user(turnId, text),
  entry.userResponse(turnId, text),
  entry.agent(turnId, `re: ${text}`),
  entry.agentResponse(turnId, `re: ${text}`),
  { kind: 'turnEnded', turnId, status: 'completed', error: null, at: 1_750_000_002 },
];

const isStoreError = (kind: StoreError['kind'], message?: string) => (err: unknown) => {
  assert.ok(err instanceof StoreError, `expected a StoreError, got ${String(err)}`);
  assert.equal(err.kind, kind);
  if (message !== undefined) assert.equal(err.message, message);
  return true;
};

test('the database lives in $CODEX_HOME/weft, apart from the reference files', (t) => {
  const home = tempHome(t);
  openThreadStore(home).close();
  assert.deepEqual(readdirSync(home), ['weft']);
  assert.deepEqual(readdirSync(join(home, 'weft')), ['state.sqlite']);
});

test('insertThread and getThread round-trip every field', (t) => {
  const { store } = tempStore(t);
  const full = record({
    name: 'named',
    agentNickname: 'Robie',
    agentRole: 'explorer',
    forkedFromId: '019a0000-0000-7000-8000-0000000000ff',
    source: { subAgent: { thread_spawn: { parent_thread_id: 'p', depth: 2, agent_nickname: 'Robie', agent_role: null } } },
    archived: true,
  });
  store.insertThread(full);
  assert.deepEqual(store.getThread(ID), full);
  assert.equal(store.getThread('no-such-thread'), null);
});

test('insertThread stores the first entries with the thread, and refuses a duplicate id', (t) => {
  const { store } = tempStore(t);
  store.insertThread(record(), turn('t1', 'hello'));
  assert.deepEqual(store.readEntries(ID), turn('t1', 'hello'));
  assert.throws(() => store.insertThread(record()), /UNIQUE constraint failed: threads\.id/);
});

test('updateThread changes only the given fields; undefined values are ignored', (t) => {
  const { store } = tempStore(t);
  store.insertThread(record());
  store.updateThread(ID, { name: 'renamed', gitInfo: null, source: 'cli', settings: { model: 'm' }, preview: undefined });
  assert.deepEqual(store.getThread(ID), {
    ...record(),
    name: 'renamed',
    gitInfo: null,
    source: 'cli',
    settings: { model: 'm' },
  });
  store.updateThread(ID, {});
  assert.throws(() => store.updateThread('missing', { name: 'x' }), isStoreError('notFound', 'thread not found: missing'));
  assert.throws(() => store.updateThread('missing', {}), isStoreError('notFound'));
});

test('archived is a flag that updateThread flips', (t) => {
  const { store } = tempStore(t);
  store.insertThread(record());
  store.updateThread(ID, { archived: true, path: '/archived/rollout.jsonl' });
  assert.equal(store.getThread(ID)?.archived, true);
  store.updateThread(ID, { archived: false });
  assert.equal(store.getThread(ID)?.archived, false);
});

test('appendEntries appends in order and applies the patch in the same transaction', (t) => {
  const { store } = tempStore(t);
  store.insertThread(record());
  store.claim(ID);
  const [first, ...rest] = turn('t1', 'hello');
  store.appendEntries(ID, [first!], { updatedAt: 1_750_000_001, preview: 'hello' });
  store.appendEntries(ID, rest);
  store.appendEntries(ID, turn('t2', 'again'), { updatedAt: 1_750_000_009 });
  assert.deepEqual(store.readEntries(ID), [...turn('t1', 'hello'), ...turn('t2', 'again')]);
  assert.equal(store.getThread(ID)?.preview, 'hello');
  assert.equal(store.getThread(ID)?.updatedAt, 1_750_000_009);
});

test('appendEntries is all or nothing', (t) => {
  const { store } = tempStore(t);
  store.insertThread(record());
  store.claim(ID);
  // The patch fails after the entries were inserted: they must go with it.
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.throws(() => store.appendEntries(ID, turn('t1', 'hello'), { settings: cyclic }), /circular/);
  assert.deepEqual(store.readEntries(ID), []);
});

test('entries of different threads stay apart, and each reads back in its own order', (t) => {
  const { store } = tempStore(t);
  const other = record({ id: 'other-thread' });
  store.insertThread(record());
  store.insertThread(other);
  store.claim(ID);
  store.claim(other.id);
  for (let i = 0; i < 5; i++) {
    store.appendEntries(ID, [entry.user(`a${i}`, `a${i}`)]);
    store.appendEntries(other.id, [entry.user(`b${i}`, `b${i}`)]);
  }
  assert.deepEqual(store.readEntries(ID).map((e) => e.turnId), ['a0', 'a1', 'a2', 'a3', 'a4']);
  assert.deepEqual(store.readEntries(other.id).map((e) => e.turnId), ['b0', 'b1', 'b2', 'b3', 'b4']);
});

test('a turn without turnEnded stays as written (the engine folds it as interrupted)', (t) => {
  const { store, home } = tempStore(t);
  store.insertThread(record());
  store.claim(ID);
  const unfinished = turn('t1', 'hello').slice(0, 3);
  store.appendEntries(ID, unfinished);
  store.close();
  const reopened = openThreadStore(home);
  t.after(() => reopened.close());
  assert.deepEqual(reopened.readEntries(ID), unfinished);
});

test('deleteTurns removes every entry of the given turns and nothing else', (t) => {
  const { store } = tempStore(t);
  store.insertThread(record(), [...turn('t1', 'one'), ...turn('t2', 'two')]);
  store.claim(ID);
  store.appendEntries(ID, turn('t3', 'three'));
  store.appendEntries(ID, turn('t4', 'four'));
  store.deleteTurns(ID, ['t4', 't2']);
  assert.deepEqual(store.readEntries(ID), [...turn('t1', 'one'), ...turn('t3', 'three')]);
  // Appends after a rollback come after what is left.
  store.appendEntries(ID, turn('t5', 'five'));
  assert.deepEqual(store.readEntries(ID), [...turn('t1', 'one'), ...turn('t3', 'three'), ...turn('t5', 'five')]);
  store.deleteTurns(ID, []);
  assert.equal(store.readEntries(ID).length, 18);
});

test('entry bodies round-trip as JSON, whatever they hold', (t) => {
  const { store } = tempStore(t);
  const odd: ThreadEntry[] = [
    { kind: 'compacted', turnId: 't1', replacement: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'é\u0000\u{1F600}"\\' }] }] },
    { kind: 'turnEnded', turnId: 't1', status: 'failed', error: { message: 'boom', codexErrorInfo: 'other', additionalDetails: null }, at: 3 },
    entry.agent('t1', 'x'.repeat(100_000)),
  ];
  store.insertThread(record(), odd);
  assert.deepEqual(store.readEntries(ID), odd);
});

test('writing entries needs a claim; reading needs an existing thread', (t) => {
  const { store } = tempStore(t);
  store.insertThread(record());
  assert.throws(() => store.appendEntries(ID, turn('t1', 'x')), /not claimed by this process/);
  assert.throws(() => store.deleteTurns(ID, ['t1']), /not claimed by this process/);
  store.claim(ID);
  store.release(ID);
  assert.throws(() => store.appendEntries(ID, turn('t1', 'x')), /not claimed by this process/);
  store.claim('missing');
  assert.throws(() => store.appendEntries('missing', turn('t1', 'x')), isStoreError('notFound', 'thread not found: missing'));
  assert.throws(() => store.readEntries('missing'), isStoreError('notFound'));
});

test('claims are per process: claiming again is fine, release lets go, close releases all', (t) => {
  const { store, home } = tempStore(t);
  store.insertThread(record());
  store.claim(ID);
  store.claim(ID);
  store.release(ID);
  store.release(ID);
  store.claim(ID);
  store.close();
  store.close();
  assert.throws(() => store.getThread(ID), /closed/);
  // The row is gone: nothing for another process to check.
  const db = new Database(join(home, 'weft', 'state.sqlite'));
  t.after(() => db.close());
  assert.equal(db.prepare('SELECT count(*) FROM claims').pluck().get(), 0);
});

test('a database from a newer Weft is refused untouched', (t) => {
  const home = tempHome(t);
  openThreadStore(home).close();
  const file = join(home, 'weft', 'state.sqlite');
  const db = new Database(file);
  db.pragma('user_version = 99');
  db.pragma('journal_mode = DELETE');
  db.close();
  const before = readdirSync(join(home, 'weft'));
  assert.throws(
    () => openThreadStore(home),
    isStoreError(
      'newerVersion',
      `the thread database ${file} has schema version 99, newer than this Weft supports (${SCHEMA_VERSION}); it was left ` +
        'untouched: upgrade Weft or set CODEX_HOME to another directory',
    ),
  );
  const after = new Database(file, { readonly: true });
  t.after(() => after.close());
  assert.equal(after.pragma('journal_mode', { simple: true }), 'delete');
  assert.deepEqual(readdirSync(join(home, 'weft')), before);
});

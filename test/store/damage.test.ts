// Damaged files are moved aside and replaced; a disk that refuses writes gives `io` errors and
// leaves the store serving.
import assert from 'node:assert/strict';
import { appendFileSync, chmodSync, mkdirSync, openSync, readdirSync, statSync, truncateSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import { openThreadStore, storeFile, StoreError, type ThreadStore } from '../../src/store/index.ts';
import { entry, record } from './fixtures.ts';
import { spawnChild, tempHome } from './helpers.ts';

const ID = record().id;

/** A home whose store holds `n` threads, closed. */
function homeWith(t: TestContext, n: number): string {
  const home = tempHome(t);
  const store = openThreadStore(home);
  for (let i = 0; i < n; i++) store.insertThread(record.varied(i));
  store.close();
  return home;
}

function openReporting(t: TestContext, home: string): { store: ThreadStore; problems: StoreError[] } {
  const problems: StoreError[] = [];
  const store = openThreadStore(home, { onProblem: (p) => problems.push(p) });
  t.after(() => store.close());
  return { store, problems };
}

const listAll = (store: ThreadStore) => store.listThreads({ limit: 1_000_000, cursor: null, sortKey: 'updated_at', archived: false });
const files = (home: string) => readdirSync(join(home, 'weft')).sort();
const corruptName = /^state\.sqlite\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/;

/** Asserts one problem saying where the damaged file went, and that it is there. */
function assertMovedAside(home: string, problems: StoreError[]): void {
  assert.equal(problems.length, 1);
  const [problem] = problems;
  assert.equal(problem!.kind, 'corrupt');
  const moved = /it was moved to (\S+) and a new, empty one replaces it$/.exec(problem!.message)?.[1];
  assert.ok(moved, problem!.message);
  assert.ok(problem!.message.startsWith(`the thread database ${storeFile(home)} is damaged (`), problem!.message);
  assert.ok(corruptName.test(moved.slice(join(home, 'weft').length + 1)), moved);
  assert.ok(statSync(moved).size > 0);
}

test('a file of random bytes is moved aside and replaced at open', (t) => {
  const home = tempHome(t);
  mkdirSync(join(home, 'weft'));
  writeFileSync(storeFile(home), Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
  const { store, problems } = openReporting(t, home);
  assertMovedAside(home, problems);
  assert.match(problems[0]!.message, /\(file is not a database\)/);
  store.insertThread(record());
  assert.equal(listAll(store).records.length, 1);
});

test('a truncated file is moved aside and replaced', (t) => {
  const home = homeWith(t, 500);
  truncateSync(storeFile(home), Math.floor(statSync(storeFile(home)).size / 2));
  const { store, problems } = openReporting(t, home);
  // Depending on what was cut, SQLite notices at open or at the first read of a missing page.
  try {
    listAll(store);
  } catch (err) {
    assert.ok(err instanceof StoreError && err.kind === 'corrupt', String(err));
  }
  assertMovedAside(home, problems);
  assert.deepEqual(listAll(store).records, []);
});

test('garbage appended after the last page harms nothing: the data is kept', (t) => {
  const home = homeWith(t, 100);
  appendFileSync(storeFile(home), Buffer.alloc(64 * 1024, 0xa5));
  const { store, problems } = openReporting(t, home);
  assert.equal(listAll(store).records.length, 90);
  assert.deepEqual(problems, []);
});

test('damage found while running: the call fails with `corrupt`, the next one gets a fresh database', (t) => {
  const home = homeWith(t, 2000);
  const { store, problems } = openReporting(t, home);
  assert.equal(store.getThread(record.varied(7).id)?.id, record.varied(7).id);
  // Overwrite pages in the middle of the file, under the open connection.
  const fd = openSync(storeFile(home), 'r+');
  writeSync(fd, Buffer.alloc(16 * 4096, 0xff), 0, 16 * 4096, 64 * 4096);
  closeSync(fd);
  assert.throws(() => listAll(store), (err: unknown) => err instanceof StoreError && err.kind === 'corrupt');
  assertMovedAside(home, problems);
  assert.deepEqual(listAll(store).records, []);
  store.insertThread(record());
  assert.equal(store.getThread(ID)?.id, ID);
});

test('the -wal and -shm of a damaged file go with it', async (t) => {
  const home = homeWith(t, 1);
  const setup = openThreadStore(home);
  setup.insertThread(record());
  setup.close();
  // A killed writer leaves its WAL behind.
  const child = spawnChild(t, [home, 'append', ID]);
  await child.next();
  child.process.kill('SIGKILL');
  await child.exited;
  assert.deepEqual(files(home), ['state.sqlite', 'state.sqlite-shm', 'state.sqlite-wal']);
  const fd = openSync(storeFile(home), 'r+');
  writeSync(fd, Buffer.from('not the SQLite header at all'), 0, 28, 0);
  closeSync(fd);

  const { problems } = openReporting(t, home);
  assertMovedAside(home, problems);
  const moved = files(home).filter((f) => f.includes('corrupt'));
  assert.equal(moved.length, 3);
  assert.deepEqual(moved.map((f) => f.replace(/corrupt-[0-9T-]+Z/, 'corrupt')), [
    'state.sqlite.corrupt',
    'state.sqlite.corrupt-shm',
    'state.sqlite.corrupt-wal',
  ]);
});

test('a file another process moved aside: reported once, then the new file is used', (t) => {
  const home = homeWith(t, 2000);
  const a = openReporting(t, home);
  const b = openReporting(t, home);
  a.store.insertThread(record());
  a.store.claim(ID);
  const fd = openSync(storeFile(home), 'r+');
  writeSync(fd, Buffer.alloc(16 * 4096, 0xff), 0, 16 * 4096, 64 * 4096);
  closeSync(fd);
  assert.throws(() => listAll(b.store), /is damaged/);
  assertMovedAside(home, b.problems);
  // a would otherwise go on writing into the moved file, where no one would ever read it.
  assert.throws(() => a.store.appendEntries(ID, [entry.user('t1', 'hi')]), /thread not found/);
  assert.deepEqual(a.problems.map((p) => [p.kind, p.message]), [
    ['corrupt', `the thread database ${storeFile(home)} was moved away (by another Weft process that found it damaged, or by hand); a new, empty one replaces it`],
  ]);
  assert.deepEqual(listAll(a.store).records, []);
  assert.equal(a.problems.length, 1);
  // a's claim carried over to the new file (b, in the same process, would not be refused by it).
  const db = new Database(storeFile(home), { readonly: true });
  t.after(() => db.close());
  assert.deepEqual(db.prepare('SELECT thread_id FROM claims').pluck().all(), [ID]);
  assert.equal(files(home).filter((f) => corruptName.test(f)).length, 1);
});

test('a folder that cannot be created gives an `io` error naming the path', (t) => {
  const home = tempHome(t);
  writeFileSync(join(home, 'weft'), 'a file where the folder should be');
  assert.throws(
    () => openThreadStore(home),
    (err: unknown) =>
      err instanceof StoreError &&
      err.kind === 'io' &&
      err.message.startsWith(`cannot use the thread database ${storeFile(home)}: EEXIST: file already exists, mkdir`),
  );
});

// Root writes through any permission bits, so as root the read-only cases run in a child process
// that drops to the `nobody` user; as any other user the bits work as they are.
const asUnprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

test('a read-only CODEX_HOME gives `io` errors, not a crash', async (t) => {
  const home = tempHome(t);
  chmodSync(home, 0o555);
  const child = spawnChild(t, [home, 'insert'], { spawn: asUnprivileged });
  const report = await child.next().finally(() => chmodSync(home, 0o755));
  assert.equal(report.step, 'open');
  assert.equal(report.error, 'io');
  assert.match(String(report.message), new RegExp(`^cannot use the thread database ${storeFile(home)}: EACCES: permission denied`));
  assert.deepEqual(await child.exited, { code: 0, signal: null });
});

test('an existing database in a read-only folder gives `io` errors, not a crash', async (t) => {
  const home = homeWith(t, 10);
  chmodSync(home, 0o755);
  chmodSync(join(home, 'weft'), 0o555);
  chmodSync(storeFile(home), 0o444);
  const child = spawnChild(t, [home, 'insert'], { spawn: asUnprivileged });
  const report = await child.next().finally(() => chmodSync(join(home, 'weft'), 0o755));
  assert.equal(report.error, 'io', JSON.stringify(report));
  assert.match(String(report.message), new RegExp(`^cannot use the thread database ${storeFile(home)}: .*\\(SQLITE_`));
  assert.deepEqual(await child.exited, { code: 0, signal: null });
  assert.deepEqual(files(home), ['state.sqlite']);
});

test('a disk that refuses writes mid-run: `io` error, nothing half-written, reads still served', async (t) => {
  const home = tempHome(t);
  // A file size limit makes write(2) fail with EFBIG, as a full disk fails with ENOSPC.
  const child = spawnChild(t, [home, 'fill', ID], { shell: 'ulimit -f 8192' });
  const fill = await child.next();
  assert.equal(fill.error, 'io', JSON.stringify(fill));
  assert.match(String(fill.message), new RegExp(`^cannot use the thread database ${storeFile(home)}: .*\\(SQLITE_(IOERR|FULL)`));
  assert.ok(Number(fill.appended) > 0);
  assert.deepEqual(await child.next(), { step: 'read', name: ID, entries: fill.appended });
  assert.deepEqual(await child.exited, { code: 0, signal: null });
});

// Two real processes on one CODEX_HOME: exclusivity per thread, takeover from a dead holder, and
// durability of what a killed process had written.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openThreadStore, storeFile, StoreError } from '../../src/store/index.ts';
import { entry, record } from './fixtures.ts';
import { spawnChild, tempHome, tempStore } from './helpers.ts';

const ID = record().id;

test('a thread held by a live process is busy; released, it can be claimed', async (t) => {
  const { store, home } = tempStore(t);
  store.insertThread(record());
  const child = spawnChild(t, [home, 'claim', ID]);
  const claimed = await child.next();
  assert.equal(claimed.ok, true);
  assert.throws(
    () => store.claim(ID),
    (err: unknown) =>
      err instanceof StoreError &&
      err.kind === 'busy' &&
      err.message === `thread ${ID} is in use by another Weft process (pid ${claimed.pid})`,
  );
  // Other threads are not affected.
  store.claim('another-thread');
  child.process.stdin!.end();
  assert.deepEqual(await child.exited, { code: 0, signal: null });
  store.claim(ID);
});

test('the other way round: our claim makes the child busy', async (t) => {
  const { store, home } = tempStore(t);
  store.insertThread(record());
  store.claim(ID);
  const child = spawnChild(t, [home, 'claim', ID]);
  assert.deepEqual(await child.next(), {
    step: 'claim',
    error: 'busy',
    message: `thread ${ID} is in use by another Weft process (pid ${process.pid})`,
  });
  assert.deepEqual(await child.exited, { code: 0, signal: null });
});

test('the claim of a SIGKILLed holder is taken over', async (t) => {
  const { store, home } = tempStore(t);
  store.insertThread(record());
  const child = spawnChild(t, [home, 'claim', ID]);
  assert.equal((await child.next()).ok, true);
  assert.throws(() => store.claim(ID), /in use by another Weft process/);
  child.process.kill('SIGKILL');
  assert.deepEqual(await child.exited, { code: null, signal: 'SIGKILL' });
  store.claim(ID);
  store.appendEntries(ID, [entry.user('t1', 'mine now')]);
  assert.equal(store.readEntries(ID).length, 1);
});

test('entries are durable once appendEntries returns, even if the process is then SIGKILLed', async (t) => {
  const home = tempHome(t);
  const setup = openThreadStore(home);
  setup.insertThread(record());
  setup.close();

  const child = spawnChild(t, [home, 'append', ID]);
  assert.equal((await child.next()).ok, true);
  child.process.kill('SIGKILL');
  await child.exited;

  const store = openThreadStore(home);
  t.after(() => store.close());
  assert.deepEqual(store.readEntries(ID), [
    { kind: 'turnStarted', turnId: 'killed-turn', at: 1 },
    entry.user('killed-turn', 'are you durable?'),
    entry.agent('killed-turn', 'yes'),
  ]);
  // The killed process's claim does not outlive it.
  store.claim(ID);
});

const withProc = { skip: !existsSync('/proc/sys/kernel/random/boot_id') && 'needs /proc' };

test('a claim whose pid now names another process, or from before a reboot, is taken over', withProc, (t) => {
  const { store, home } = tempStore(t);
  const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  const startOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19]);
  const db = new Database(storeFile(home));
  t.after(() => db.close());
  const hold = (threadId: string, pid: number, boot: string, started: number | null) =>
    db.prepare('INSERT INTO claims (thread_id, pid, boot_id, started) VALUES (?, ?, ?, ?)').run(threadId, pid, boot, started);
  hold('reused-pid', process.ppid, bootId, startOf(process.ppid) + 1);
  hold('before-reboot', process.ppid, 'an-earlier-boot', startOf(process.ppid));
  hold('no-such-pid', 2 ** 22 + 1, bootId, null);
  hold('live', process.ppid, bootId, startOf(process.ppid));
  hold('live-without-start-time', process.ppid, bootId, null);
  for (const threadId of ['reused-pid', 'before-reboot', 'no-such-pid']) store.claim(threadId);
  for (const threadId of ['live', 'live-without-start-time']) {
    assert.throws(() => store.claim(threadId), new RegExp(`^StoreError: thread ${threadId} is in use by another Weft process \\(pid ${process.ppid}\\)$`));
  }
});

// A second process on the same CODEX_HOME, driven by the store's tests:
//   node --import tsx test/store/child.ts <codexHome> <command> [threadId]
// It prints one JSON line per step on stdout.
//   claim   claims the thread, reports, then holds it until stdin closes (then closes the store)
//   append  claims the thread, appends one turn's entries, reports, then waits to be killed
//   fill    appends large entries until the disk refuses, then checks the store still reads
//   insert  opens the store and inserts a thread
import { openThreadStore, StoreError, type ThreadStore } from '../../src/store/index.ts';
import { entry, record } from './fixtures.ts';

const [home, command, threadId = record().id] = process.argv.slice(2);
const report = (msg: object) => process.stdout.write(`${JSON.stringify(msg)}\n`);
const failure = (err: unknown) =>
  err instanceof StoreError ? { error: err.kind, message: err.message } : { error: 'other', message: String(err) };

function run(fn: (store: ThreadStore) => void): void {
  let store: ThreadStore;
  try {
    store = openThreadStore(home!);
  } catch (err) {
    report({ step: 'open', ...failure(err) });
    return;
  }
  fn(store);
}

switch (command) {
  case 'claim':
    run((store) => {
      try {
        store.claim(threadId);
      } catch (err) {
        report({ step: 'claim', ...failure(err) });
        store.close();
        return;
      }
      report({ step: 'claim', ok: true, pid: process.pid });
      process.stdin.resume();
      process.stdin.on('end', () => store.close());
    });
    break;
  case 'append':
    run((store) => {
      store.claim(threadId);
      store.appendEntries(threadId, [
        { kind: 'turnStarted', turnId: 'killed-turn', at: 1 },
        entry.user('killed-turn', 'are you durable?'),
        entry.agent('killed-turn', 'yes'),
      ]);
      report({ step: 'append', ok: true });
      setInterval(() => {}, 1000);
    });
    break;
  case 'fill':
    run((store) => {
      store.insertThread(record({ id: threadId }));
      store.claim(threadId);
      const big = entry.agent('big-turn', 'x'.repeat(256 * 1024));
      let appended = 0;
      try {
        for (; appended < 10_000; appended++) store.appendEntries(threadId, [big]);
        report({ step: 'fill', error: 'none' });
      } catch (err) {
        report({ step: 'fill', appended, ...failure(err) });
      }
      // Still serving: reads work, and the entries of the failed transaction are not there.
      report({ step: 'read', name: store.getThread(threadId)?.id, entries: store.readEntries(threadId).length });
    });
    break;
  case 'insert':
    run((store) => {
      try {
        store.insertThread(record({ id: threadId }));
        report({ step: 'insert', ok: true });
      } catch (err) {
        report({ step: 'insert', ...failure(err) });
      }
    });
    break;
  default:
    throw new Error(`unknown command ${command}`);
}

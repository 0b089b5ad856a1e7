// Measures the store: open time, bytes and milliseconds per trivial turn, and thread/list page
// latency at 1,000 and 100,000 threads. Not a test (nothing is asserted); run it by hand:
//   node --import tsx test/store/bench.ts [threads...]
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openThreadStore, storeFile, type ThreadQuery, type ThreadStore } from '../../src/store/index.ts';
import { entry, record } from './fixtures.ts';

const sizes = process.argv.slice(2).map(Number);
const dirBytes = (dir: string) => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
/** Bytes this process has handed to write(2) so far (Linux). */
const written = () => Number(/wchar: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? NaN);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (fn: () => void, runs = 21) =>
  median(Array.from({ length: runs }, () => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  }));

/** Each turn bumps updatedAt twice, at its start and its end, as the engine does. */
function trivialTurns(store: ThreadStore, threadId: string, turns: number, clock: { now: number }): void {
  for (let i = 0; i < turns; i++) {
    const turnId = `${threadId}-turn-${i}`;
    store.appendEntries(threadId, [
      { kind: 'turnStarted', turnId, at: clock.now },
      entry.user(turnId, `question ${i}`),
      entry.userResponse(turnId, `question ${i}`),
    ], { updatedAt: clock.now++ });
    store.appendEntries(threadId, [entry.agent(turnId, `answer ${i}`), entry.agentResponse(turnId, `answer ${i}`)]);
    store.appendEntries(threadId, [{ kind: 'turnEnded', turnId, status: 'completed', error: null, at: clock.now }], {
      updatedAt: clock.now++,
    });
  }
}

function benchTurns(home: string, store: ThreadStore): void {
  const dir = join(home, 'weft');
  store.insertThread(record({ id: 'bench-turns', createdAt: 2_000_000_000, updatedAt: 2_000_000_000 }));
  store.claim('bench-turns');
  const clock = { now: 2_000_000_000 };
  trivialTurns(store, 'bench-turns', 50, clock); // warm the statement cache and the WAL
  const turns = 2000;
  const before = written();
  const sizeBefore = dirBytes(dir);
  const t = performance.now();
  trivialTurns(store, 'bench-turns', turns, clock);
  const ms = performance.now() - t;
  console.log(`  trivial turn: ${((ms / turns) * 1000).toFixed(0)} µs of store time (3 transactions)`);
  console.log(`  trivial turn: ${((written() - before) / turns / 1024).toFixed(1)} KiB written (WAL frames + checkpoints)`);
  console.log(`  trivial turn: ${((dirBytes(dir) - sizeBefore) / turns / 1024).toFixed(2)} KiB growth of weft/ (db + wal)`);
}

function benchList(store: ThreadStore, n: number): void {
  const base: ThreadQuery = { limit: 50, cursor: null, sortKey: 'created_at', archived: false };
  const deep = (q: ThreadQuery) => {
    // A cursor half-way down the list.
    let cursor: string | null = null;
    for (let i = 0; i < Math.min(20, n / 100); i++) cursor = store.listThreads({ ...q, cursor }).nextCursor;
    return { ...q, cursor };
  };
  const cases: [string, ThreadQuery][] = [
    ['first page, created_at', base],
    ['first page, updated_at', { ...base, sortKey: 'updated_at' }],
    ['page 20, created_at', deep(base)],
    ['page 20, updated_at', deep({ ...base, sortKey: 'updated_at' })],
    ['cwd filter', { ...base, cwd: '/work/project-7' }],
    ['cwd filter, updated_at', { ...base, sortKey: 'updated_at', cwd: '/work/project-7' }],
    ['cwd, no match (index scan)', { ...base, cwd: '/nowhere' }],
    ['provider filter (1/3 match)', { ...base, modelProviders: ['p1'] }],
    ['sourceKinds [cli, vscode] (1/2 match)', { ...base, sourceKinds: ['cli', 'vscode'] }],
    ['sourceKinds [subAgent] (1/10 match)', { ...base, sourceKinds: ['subAgent'] }],
    ['archived', { ...base, archived: true }],
    ['searchTerm, matches far down', { ...base, searchTerm: 'thread 1' }],
    ['searchTerm, no match (table scan)', { ...base, searchTerm: 'no such text' }],
    ['provider, no match (index scan)', { ...base, modelProviders: ['none'] }],
  ];
  for (const [label, q] of cases) {
    const page = store.listThreads(q);
    console.log(`  ${label}: ${time(() => store.listThreads(q)).toFixed(2)} ms (${page.records.length} threads)`);
  }
}

for (const n of sizes.length ? sizes : [1000, 100_000]) {
  const home = mkdtempSync(join(tmpdir(), 'weft-bench-'));
  try {
    let t = performance.now();
    let store = openThreadStore(home);
    console.log(`${n} threads\n  open (new file, loads the driver): ${(performance.now() - t).toFixed(1)} ms`);
    t = performance.now();
    for (let i = 0; i < n; i++) store.insertThread(record.varied(i));
    console.log(`  insertThread: ${(((performance.now() - t) / n) * 1000).toFixed(0)} µs each`);
    benchList(store, n);
    benchTurns(home, store);
    store.close();
    t = performance.now();
    store = openThreadStore(home);
    console.log(`  reopen: ${(performance.now() - t).toFixed(1)} ms; file ${(statSync(storeFile(home)).size / 1048576).toFixed(1)} MiB`);
    store.close();
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

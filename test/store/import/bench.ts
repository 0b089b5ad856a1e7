// Measures the import of the reference's rollouts: a first pass over N files, a pass with nothing
// new (the cost of every later refresh), a pass over a home without the reference's folders, and
// what marking threads as Weft's adds to each append. Not a test (nothing is asserted); run it by hand:
//   node --import tsx test/store/import/bench.ts [files]
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createLogger } from '../../../src/log/index.ts';
import { syncReferenceRollouts } from '../../../src/store/import/sync.ts';
import { openThreadStore, storeFile } from '../../../src/store/index.ts';
import type { SqliteThreadStore } from '../../../src/store/sqlite-store.ts';
import { FIXTURE_NAMES, fixture } from '../rollout/fixtures.ts';

const files = Number(process.argv[2] ?? 1000);
const log = createLogger({ level: 'off' });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (fn: () => void, runs = 21) =>
  median(Array.from({ length: runs }, () => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  }));

/** `files` rollouts made from the fixtures, each under an id of its own, spread over 30 days. */
function fillHome(home: string): number {
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const f = fixture(FIXTURE_NAMES.filter((n) => n !== 'archived')[i % (FIXTURE_NAMES.length - 1)]!);
    const id = `${f.read.id.slice(0, 24)}${i.toString(16).padStart(12, '0')}`;
    const day = join(home, 'sessions', '2026', '11', String(1 + (i % 30)).padStart(2, '0'));
    mkdirSync(day, { recursive: true });
    const path = join(day, `rollout-2026-11-26T05-01-46-${id}.jsonl`);
    const text = f.text.replaceAll(f.read.id, id);
    writeFileSync(path, text);
    utimesSync(path, f.read.updatedAt, f.read.updatedAt);
    bytes += text.length;
  }
  return bytes;
}

const home = mkdtempSync(join(tmpdir(), 'weft-import-bench-'));
try {
  const empty = openThreadStore(join(home, 'empty')) as SqliteThreadStore;
  console.log(`no reference folders: ${(time(() => syncReferenceRollouts(empty, join(home, 'empty'), log)) * 1000).toFixed(0)} µs per pass`);
  empty.close();

  const bytes = fillHome(home);
  let t = performance.now();
  const store = openThreadStore(home) as SqliteThreadStore;
  const first = performance.now() - t;
  console.log(`${files} files (${(bytes / 1e6).toFixed(1)} MB): first pass (at open) ${first.toFixed(0)} ms, ${((first / files) * 1000).toFixed(0)} µs per file`);
  console.log(`nothing new: ${time(() => syncReferenceRollouts(store, home, log)).toFixed(2)} ms per pass (one walk, a stat per file, no reads)`);
  t = performance.now();
  store.close();

  // What each append pays to mark its thread as Weft's (the statement runs in the append's transaction).
  const db = new Database(storeFile(home));
  const adopt = db.prepare('UPDATE reference_threads SET adopted = 1 WHERE thread_id = ? AND adopted = 0');
  const ids = (db.prepare('SELECT thread_id FROM reference_threads').pluck().all() as string[]).slice(0, 500);
  const perCall = time(() => db.transaction(() => ids.forEach((id) => adopt.run(id)))(), 11) / ids.length;
  console.log(`marking a thread as Weft's on append: ${(perCall * 1000).toFixed(1)} µs (after the first, it matches no row)`);
  db.close();
} finally {
  rmSync(home, { recursive: true, force: true });
}

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SkillWatcher } from './watcher.ts';

function changes(interval: number) {
  const reports: string[][] = [];
  const waiters: Array<() => void> = [];
  const watcher = new SkillWatcher((owners) => {
    reports.push(owners.sort());
    waiters.splice(0).forEach((w) => w());
  }, interval);
  // The watches do not keep the process alive (persistent: false); the timeout does, while waiting.
  const next = () =>
    new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no change reported')), 5000);
      waiters.push(() => {
        clearTimeout(timer);
        resolve(reports[reports.length - 1]!);
      });
    });
  return { watcher, reports, next };
}

test('a change under a root is reported for the owners watching it, at once', async () => {
  const root = mkdtempSync(join(tmpdir(), 'weft-watch-'));
  const { watcher, next } = changes(60_000);
  watcher.watch('t1', [root]);
  watcher.watch('t2', [root, join(root, 'other')]);
  const reported = next();
  mkdirSync(join(root, 'skill'));
  assert.deepEqual(await reported, ['t1', 't2']);
  watcher.close();
});

test('a root that does not exist yet is reported when it appears; later changes are gathered into one report', async () => {
  const base = mkdtempSync(join(tmpdir(), 'weft-watch-'));
  const root = join(base, '.agents', 'skills');
  const { watcher, reports, next } = changes(300);
  watcher.watch('t1', [root]);
  const first = next();
  mkdirSync(root, { recursive: true });
  assert.deepEqual(await first, ['t1']);
  const second = next();
  writeFileSync(join(root, 'a'), 'x');
  writeFileSync(join(root, 'b'), 'x');
  assert.deepEqual(await second, ['t1']);
  assert.equal(reports.length, 2);
  watcher.close();
});

test('an owner that stops watching is not reported', async () => {
  const root = mkdtempSync(join(tmpdir(), 'weft-watch-'));
  const { watcher, next } = changes(60_000);
  watcher.watch('gone', [root]);
  watcher.watch('stays', [mkdtempSync(join(tmpdir(), 'weft-watch-'))]);
  watcher.watch('kept', [root]);
  watcher.unwatch('gone');
  const reported = next();
  writeFileSync(join(root, 'f'), 'x');
  assert.deepEqual(await reported, ['kept']);
  watcher.close();
});

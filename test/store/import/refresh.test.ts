import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReferenceSync } from '../../../src/store/import/refresh.ts';
import { FIXTURE_NAMES, fixture, install, installAll } from '../rollout/fixtures.ts';
import { tempHome } from '../helpers.ts';
import { logged, storeOn } from './helpers.ts';

test('opening the store imports what the reference wrote', (t) => {
  const home = tempHome(t);
  installAll(home);
  const { store, logs } = storeOn(t, home);
  assert.equal(store.getThread(fixture('two-turns').read.id)!.name, 'Two turns');
  assert.match(logs.lines.join(''), new RegExp(`INFO import: imported ${FIXTURE_NAMES.length} thread\\(s\\) of the reference from .* in \\d+ ms; 0 file\\(s\\) left out`));
  // Right after a pass, a refresh does not walk again.
  assert.equal(store.refreshReferenceThreads(), null);
});

test('a refresh walks again once the interval has passed since the last pass ended', (t) => {
  const { home, store } = storeOn(t);
  let now = 1000;
  const refresher = new ReferenceSync(home, logged().log, 5000, () => now);
  assert.deepEqual(refresher.refresh(store), { imported: 0, skipped: 0 });
  install(home, fixture('shell'));
  now += 4999;
  assert.equal(refresher.refresh(store), null);
  now += 1;
  assert.deepEqual(refresher.refresh(store), { imported: 1, skipped: 0 });
});

test('a store failure ends the pass with a warning, never an exception', (t) => {
  const { home, store, logs, sync } = storeOn(t);
  install(home, fixture('shell'));
  store.close();
  assert.deepEqual(sync(), { imported: 0, skipped: 0 });
  assert.match(logs.lines.join(''), /WARN stopped importing the reference's threads from .*, to try again later: the thread store is closed/);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listModels } from './list.ts';

// The reference's answers (codex-cli 0.113.0, no ChatGPT login, any provider).
const VISIBLE = ['gpt-5.3-codex', 'gpt-5.4', 'gpt-5.2-codex', 'gpt-5.1-codex-max', 'gpt-5.2', 'gpt-5.1-codex-mini'];
const ALL = [
  'gpt-5.3-codex', 'gpt-5.4', 'gpt-5.2-codex', 'gpt-5.1-codex-max', 'gpt-5.1-codex', 'gpt-5.2', 'gpt-5.1',
  'gpt-5-codex', 'gpt-5', 'gpt-oss-120b', 'gpt-oss-20b', 'gpt-5.1-codex-mini', 'gpt-5-codex-mini',
];

test('hidden models are listed only on request, in catalogue order', () => {
  assert.deepEqual(listModels({}).data.map((m) => m.id), VISIBLE);
  assert.deepEqual(listModels({ includeHidden: false }).data.map((m) => m.id), VISIBLE);
  const all = listModels({ includeHidden: true }).data;
  assert.deepEqual(all.map((m) => m.id), ALL);
  assert.deepEqual(all.filter((m) => !m.hidden).map((m) => m.id), VISIBLE);
});

test('exactly one default, the first visible model, also among hidden ones', () => {
  for (const includeHidden of [false, true]) {
    assert.deepEqual(listModels({ includeHidden }).data.filter((m) => m.isDefault).map((m) => m.id), ['gpt-5.3-codex']);
  }
});

test('pagination counts only the models listed', () => {
  assert.deepEqual(listModels({ limit: 4, cursor: '4' }).data.map((m) => m.id), VISIBLE.slice(4));
  assert.equal(listModels({ limit: 4, cursor: '4' }).nextCursor, null);
  assert.equal(listModels({ includeHidden: true, limit: 4, cursor: '4' }).nextCursor, '8');
  assert.throws(() => listModels({ cursor: '7' }), /cursor 7 exceeds total models 6/);
});

test('an upgrade carries its announcement; the fields the catalogue lacks are null', () => {
  const [first] = listModels({ limit: 1 }).data;
  assert.equal(first!.upgrade, 'gpt-5.4');
  assert.equal(first!.upgradeInfo!.model, 'gpt-5.4');
  assert.match(first!.upgradeInfo!.migrationMarkdown!, /^Introducing GPT-5\.4\n/);
  assert.equal(first!.upgradeInfo!.upgradeCopy, null);
  assert.equal(first!.upgradeInfo!.modelLink, null);
  const gpt54 = listModels({}).data.find((m) => m.id === 'gpt-5.4')!;
  assert.equal(gpt54.upgrade, null);
  assert.equal(gpt54.upgradeInfo, null);
  assert.equal(gpt54.availabilityNux, null);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SessionSource } from '../protocol/index.ts';
import { entryBody, fromEntryRow, patchColumns, sourceKind, sourceKindsMatching } from './rows.ts';
import type { ThreadEntry } from './types.ts';

test('sourceKind gives the most specific ThreadSourceKind', () => {
  const cases: [SessionSource, string][] = [
    ['cli', 'cli'],
    ['vscode', 'vscode'],
    ['exec', 'exec'],
    ['appServer', 'appServer'],
    ['unknown', 'unknown'],
    [{ subAgent: 'review' }, 'subAgentReview'],
    [{ subAgent: 'compact' }, 'subAgentCompact'],
    [{ subAgent: 'memory_consolidation' }, 'subAgent'],
    [{ subAgent: { thread_spawn: { parent_thread_id: 'p', depth: 1 } } }, 'subAgentThreadSpawn'],
    [{ subAgent: { other: 'guardian' } }, 'subAgentOther'],
  ];
  for (const [source, kind] of cases) assert.equal(sourceKind(source), kind, JSON.stringify(source));
});

test('the subAgent filter selects every sub-agent kind; the others select themselves', () => {
  assert.deepEqual(sourceKindsMatching(['cli', 'subAgentOther']), ['cli', 'subAgentOther']);
  assert.deepEqual(sourceKindsMatching(['subAgent']).sort(), [
    'subAgent', 'subAgentCompact', 'subAgentOther', 'subAgentReview', 'subAgentThreadSpawn',
  ]);
});

test('a patch sets only its defined fields, with source_kind following source', () => {
  assert.deepEqual(patchColumns({ name: null, archived: true, preview: undefined, source: { subAgent: 'review' } }), {
    columns: ['name', 'archived', 'source', 'source_kind'],
    values: [null, 1, '{"subAgent":"review"}', 'subAgentReview'],
  });
});

test('an entry body leaves out the kind and turn id, which have columns of their own', () => {
  const e: ThreadEntry = { kind: 'turnEnded', turnId: 't1', status: 'interrupted', error: null, at: 7 };
  const body = entryBody(e);
  assert.equal(body, '{"status":"interrupted","error":null,"at":7}');
  assert.deepEqual(fromEntryRow({ kind: 'turnEnded', turn_id: 't1', body }), e);
});

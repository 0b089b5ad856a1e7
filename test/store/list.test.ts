import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import { storeFile, StoreError, type ThreadQuery, type ThreadRecord, type ThreadStore } from '../../src/store/index.ts';
import { listQuery } from '../../src/store/list.ts';
import { record } from './fixtures.ts';
import { tempStore } from './helpers.ts';

const SOURCES: ThreadRecord['source'][] = [
  'cli',
  'vscode',
  'exec',
  'appServer',
  'unknown',
  { subAgent: 'review' },
  { subAgent: 'compact' },
  { subAgent: 'memory_consolidation' },
  { subAgent: { thread_spawn: { parent_thread_id: 'p', depth: 1 } } },
  { subAgent: { other: 'guardian' } },
];

/** 30 threads whose timestamps tie in threes, with every source, two providers, two cwds. */
const THREADS: ThreadRecord[] = Array.from({ length: 30 }, (_, i) =>
  record({
    id: `thread-${String((i * 17) % 30).padStart(2, '0')}`,
    createdAt: 1000 + Math.floor(i / 3),
    updatedAt: 5000 - Math.floor(i / 3) * 7 + (i % 3),
    source: SOURCES[i % SOURCES.length]!,
    modelProvider: i % 2 ? 'openai' : 'oss',
    cwd: i % 4 ? '/repo' : '/repo/sub',
    name: i === 7 ? 'Release 100% done' : null,
    preview: `task ${i}: ${i % 5 ? 'tidy' : 'Fix'} the_build`,
    archived: i % 6 === 5,
  }),
);

function filled(t: TestContext): ThreadStore {
  const { store } = tempStore(t);
  for (const r of THREADS) store.insertThread(r);
  return store;
}

const query = (q: Partial<ThreadQuery> = {}): ThreadQuery => ({
  limit: 50,
  cursor: null,
  sortKey: 'created_at',
  archived: false,
  ...q,
});

/** Every page of a query; checks that only the last page lacks a cursor and no page is empty. */
function pageAll(store: ThreadStore, q: ThreadQuery): string[] {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = store.listThreads({ ...q, cursor });
    if (page.nextCursor !== null) assert.equal(page.records.length, q.limit);
    if (cursor !== null) assert.ok(page.records.length > 0, 'a cursor led to an empty page');
    ids.push(...page.records.map((r) => r.id));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
}

/** What a query should return: the model the store's SQL must agree with. */
function expected(q: ThreadQuery, keep: (r: ThreadRecord) => boolean = () => true): string[] {
  const key = q.sortKey === 'created_at' ? 'createdAt' : 'updatedAt';
  return THREADS.filter((r) => r.archived === q.archived && keep(r))
    .sort((a, b) => b[key] - a[key] || (a.id < b.id ? 1 : -1))
    .map((r) => r.id);
}

for (const sortKey of ['created_at', 'updated_at'] as const) {
  test(`pages by ${sortKey} descending, ties broken by id, with any page size`, (t) => {
    const store = filled(t);
    for (const archived of [false, true]) {
      const want = expected(query({ sortKey, archived }));
      for (const limit of [1, 2, 3, 4, 5, 25, want.length, 100]) {
        assert.deepEqual(pageAll(store, query({ sortKey, archived, limit })), want, `limit ${limit}`);
      }
    }
  });
}

test('the full record comes back in a page', (t) => {
  const store = filled(t);
  const [first] = store.listThreads(query({ limit: 1 })).records;
  assert.deepEqual(first, THREADS.find((r) => r.id === first?.id));
});

test('limit 0 gives an empty page without a cursor', (t) => {
  const store = filled(t);
  assert.deepEqual(store.listThreads(query({ limit: 0 })), { records: [], nextCursor: null });
});

test('modelProviders: empty means every provider', (t) => {
  const store = filled(t);
  assert.deepEqual(pageAll(store, query({ modelProviders: [], limit: 4 })), expected(query()));
  assert.deepEqual(
    pageAll(store, query({ modelProviders: ['oss'], limit: 4 })),
    expected(query(), (r) => r.modelProvider === 'oss'),
  );
  assert.deepEqual(pageAll(store, query({ modelProviders: ['oss', 'openai', 'none'], limit: 4 })), expected(query()));
  assert.deepEqual(pageAll(store, query({ modelProviders: ['none'] })), []);
});

test('sourceKinds: the protocol kinds, subAgent covering every sub-agent', (t) => {
  const store = filled(t);
  const only = (...sources: ThreadRecord['source'][]) => (r: ThreadRecord) =>
    sources.some((s) => JSON.stringify(s) === JSON.stringify(r.source));
  const cases: [string[], (r: ThreadRecord) => boolean][] = [
    [[], () => true],
    [['cli', 'vscode'], only('cli', 'vscode')],
    [['exec'], only('exec')],
    [['appServer'], only('appServer')],
    [['unknown'], only('unknown')],
    [['subAgent'], (r) => typeof r.source === 'object'],
    [['subAgentReview'], only({ subAgent: 'review' })],
    [['subAgentCompact'], only({ subAgent: 'compact' })],
    [['subAgentThreadSpawn'], only(SOURCES[8]!)],
    // memory_consolidation has no kind of its own: only `subAgent` lists it, as in the reference.
    [['subAgentOther'], only({ subAgent: { other: 'guardian' } })],
    [['subAgentReview', 'cli'], only({ subAgent: 'review' }, 'cli')],
  ];
  for (const archived of [false, true]) {
    for (const [sourceKinds, keep] of cases) {
      assert.deepEqual(
        pageAll(store, query({ archived, sourceKinds, limit: 2 })),
        expected(query({ archived }), keep),
        sourceKinds.join(','),
      );
    }
  }
});

test('cwd is an exact match', (t) => {
  const store = filled(t);
  assert.deepEqual(pageAll(store, query({ cwd: '/repo', limit: 3 })), expected(query(), (r) => r.cwd === '/repo'));
  assert.deepEqual(pageAll(store, query({ cwd: '/repo/sub' })), expected(query(), (r) => r.cwd === '/repo/sub'));
  assert.deepEqual(pageAll(store, query({ cwd: '/rep' })), []);
});

test('searchTerm is a case-sensitive substring of the name or the preview, wildcards taken literally', (t) => {
  const store = filled(t);
  const text = (r: ThreadRecord) => [r.name ?? '', r.preview];
  for (const term of ['Fix', 'fix', 'task 1', '100%', '%', '_build', 'e_b', 'Release', 'nothing like this']) {
    for (const sortKey of ['created_at', 'updated_at'] as const) {
      assert.deepEqual(
        pageAll(store, query({ searchTerm: term, sortKey, limit: 2 })),
        expected(query({ sortKey }), (r) => text(r).some((s) => s.includes(term))),
        term,
      );
    }
  }
});

test('filters combine', (t) => {
  const store = filled(t);
  const q = query({ sortKey: 'updated_at', modelProviders: ['openai'], sourceKinds: ['cli', 'subAgent'], cwd: '/repo', searchTerm: 'tidy', limit: 1 });
  assert.deepEqual(
    pageAll(store, q),
    expected(q, (r) => r.modelProvider === 'openai' && (r.source === 'cli' || typeof r.source === 'object') &&
      r.cwd === '/repo' && r.preview.includes('tidy')),
  );
});

test('a cursor stays valid while threads are added above it', (t) => {
  const store = filled(t);
  const first = store.listThreads(query({ limit: 5 }));
  store.insertThread(record({ id: 'newest', createdAt: 9999 }));
  const second = store.listThreads(query({ limit: 5, cursor: first.nextCursor }));
  assert.deepEqual(second.records.map((r) => r.id), expected(query()).slice(5, 10));
});

test('an invalid or foreign cursor is refused with the reference message', (t) => {
  const store = filled(t);
  const good = store.listThreads(query({ limit: 2 })).nextCursor!;
  const other = store.listThreads(query({ limit: 2, sortKey: 'updated_at' })).nextCursor!;
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  for (const [cursor, sortKey] of [
    ['not a cursor', 'created_at'],
    ['', 'created_at'],
    [`${good}!`, 'created_at'],
    [`${good}=`, 'created_at'],
    [other, 'created_at'],
    [good, 'updated_at'],
    [b64(['created_at', '1', 'x']), 'created_at'],
    [b64(['created_at', 1, 2]), 'created_at'],
    [b64({ at: 1, id: 'x' }), 'created_at'],
    ['2025-01-05T12-00-00|019a0000-0000-7000-8000-000000000001', 'created_at'],
  ] as const) {
    assert.throws(
      () => store.listThreads(query({ cursor, sortKey })),
      (err: unknown) => err instanceof StoreError && err.kind === 'invalidCursor' && err.message === `invalid cursor: ${cursor}`,
      cursor,
    );
  }
  // Refused before limit is looked at.
  assert.throws(() => store.listThreads(query({ cursor: 'bogus', limit: 0 })), /invalid cursor: bogus/);
});

test('every page walks an index from the cursor: no sort, no scan of the table', (t) => {
  const { home } = tempStore(t);
  const db = new Database(storeFile(home), { readonly: true });
  t.after(() => db.close());
  const filters: Partial<ThreadQuery>[] = [
    {},
    { modelProviders: ['a', 'b'] },
    { sourceKinds: ['cli', 'subAgent'] },
    { cwd: '/repo' },
    { searchTerm: 'x' },
    { modelProviders: ['a'], sourceKinds: ['exec'], cwd: '/repo', searchTerm: 'x' },
  ];
  for (const sortKey of ['created_at', 'updated_at'] as const) {
    for (const after of [null, { at: 5, id: 'x' }]) {
      for (const filter of filters) {
        const { sql, params } = listQuery(query({ sortKey, ...filter }), after);
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, 51) as { detail: string }[]).map((r) => r.detail);
        const index = sortKey === 'created_at' ? 'threads_by_created' : 'threads_by_updated';
        const range = after ? ` (archived=? AND (${sortKey},id)<(?,?))` : ' (archived=?)';
        assert.equal(plan[0], `SEARCH threads USING INDEX ${index}${range}`, sql);
        assert.ok(!plan.some((d) => /TEMP B-TREE|SCAN threads/.test(d)), plan.join('; '));
      }
    }
  }
});

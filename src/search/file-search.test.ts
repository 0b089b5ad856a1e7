import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comparePaths, MATCH_LIMIT, pathComponents, rankFiles, rootOwnership } from './file-search.ts';

test('path components ignore repeated, trailing and inner-dot separators but keep a leading dot', () => {
  assert.deepEqual(pathComponents('/a//b/./c/'), ['/', 'a', 'b', 'c']);
  assert.deepEqual(pathComponents('./src'), ['.', 'src']);
  assert.deepEqual(pathComponents('a/../b'), ['a', '..', 'b']);
});

test('a file belongs to the deepest root containing it, the first on a tie', () => {
  const owner = rootOwnership(['/w', '/w/src', '/w', 'src']);
  assert.deepEqual(owner(0, 'src/a.rs'), { root: 1, path: 'a.rs' });
  assert.deepEqual(owner(0, 'docs/a.md'), { root: 0, path: 'docs/a.md' });
  assert.deepEqual(owner(1, 'a.rs'), { root: 1, path: 'a.rs' });
  assert.deepEqual(owner(2, 'docs/a.md'), { root: 0, path: 'docs/a.md' });
  // A relative root is compared as written, like the reference: `./src` is not under `src`.
  assert.deepEqual(rootOwnership(['.', 'src'])(0, 'src/a.rs'), { root: 0, path: 'src/a.rs' });
});

test('paths compare by code point', () => {
  assert.ok(comparePaths('a/b', 'a_b') < 0);
  assert.ok(comparePaths('\uffff', '😀') < 0);
  assert.equal(comparePaths('x', 'x'), 0);
});

test('results: best score first, then path; at most 50, preferring shorter paths on equal scores', () => {
  const files = Array.from({ length: 80 }, (_, i) => ({ root: 0, path: `${'d/'.repeat(i % 3)}alpha${i}.txt` }));
  files.push({ root: 1, path: 'zeta.txt' });
  const results = rankFiles('alpha', ['/r', '/s'], files);
  assert.equal(results.length, MATCH_LIMIT);
  for (const r of results) assert.ok(!r.path.startsWith('d/d/'), r.path);
  const order = results.map((r) => [r.score, r.path] as const);
  const sorted = [...order].sort((a, b) => b[0] - a[0] || comparePaths(a[1], b[1]));
  assert.deepEqual(order, sorted);
  assert.deepEqual(results.find((r) => r.path === 'd/alpha1.txt'), { root: '/r', path: 'd/alpha1.txt', file_name: 'alpha1.txt', score: 134, indices: [2, 3, 4, 5, 6] });
});

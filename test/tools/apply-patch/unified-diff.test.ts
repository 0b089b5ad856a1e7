import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unifiedDiff } from '../../../src/tools/apply-patch/unified-diff.ts';

// Expected texts are the output of the `similar` crate 2.7.0, which the reference uses.

test('hunks carry the requested context; distant changes make separate hunks', () => {
  assert.equal(unifiedDiff('a\nb\nc\n', 'a\nB\nc\n', 1), '@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
  assert.equal(unifiedDiff('x\ny\n', 'x\nz\n', 0), '@@ -2 +2 @@\n-y\n+z\n');
  assert.equal(
    unifiedDiff('a\nb\nc\nd\ne\nf\ng\nh\n', 'a\nB\nc\nd\ne\nf\nG\nh\n', 1),
    '@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -6,3 +6,3 @@\n f\n-g\n+G\n h\n',
  );
});

test('headers, empty sides and missing final newlines', () => {
  assert.equal(unifiedDiff('no eol', 'x\n', 3, ['a/x', 'b/x']), '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-no eol\n\\ No newline at end of file\n+x\n');
  assert.equal(unifiedDiff('a\n', 'b', 1), '@@ -1 +1 @@\n-a\n+b\n\\ No newline at end of file\n');
  assert.equal(unifiedDiff('', 'one\ntwo\n', 3, ['a/x', 'b/x']), '--- a/x\n+++ b/x\n@@ -0,0 +1,2 @@\n+one\n+two\n');
  assert.equal(unifiedDiff('same\n', 'same\n', 3, ['a/x', 'b/x']), '');
});

test('repeated lines: the insertion is placed where the crate places it', () => {
  assert.equal(unifiedDiff('a\nb\na\nb\n', 'a\nb\na\nb\na\nb\n', 1), '@@ -4 +4,3 @@\n b\n+a\n+b\n');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { itemChanges, planPatch, type PlannedChange } from '../../../src/tools/apply-patch/apply.ts';
import { parsePatch } from '../../../src/tools/apply-patch/parse.ts';

const CWD = '/w';

function plan(files: Record<string, string>, body: string) {
  const parsed = parsePatch(`*** Begin Patch\n${body}*** End Patch\n`);
  assert.ok(parsed.ok);
  return planPatch(parsed.hunks, CWD, (p) =>
    p in files ? { ok: true, text: files[p]! } : { ok: false, error: 'No such file or directory (os error 2)' },
  );
}

function changes(files: Record<string, string>, body: string): PlannedChange[] {
  const r = plan(files, body);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.changes;
}

const failure = (files: Record<string, string>, body: string): string => {
  const r = plan(files, body);
  assert.ok(!r.ok, 'expected the patch not to apply');
  return r.error;
};

/** The content of a file after the patch, given the patch touches it once. */
const updated = (before: string, hunk: string): string | null => changes({ '/w/f.txt': before }, `*** Update File: f.txt\n${hunk}`)[0]!.newContent;

test('an update yields the new content and the diff the fileChange item shows', () => {
  const [c] = changes({ '/w/hello.txt': 'hello\nworld\n' }, '*** Update File: hello.txt\n@@\n hello\n-world\n+there\n');
  assert.deepEqual(c, {
    path: '/w/hello.txt',
    patchPath: 'hello.txt',
    kind: { type: 'update', move_path: null },
    patchMovePath: null,
    diff: '@@ -1,2 +1,2 @@\n hello\n-world\n+there\n',
    newContent: 'hello\nthere\n',
  });
});

test('add, delete and move; the item lists them by path, a move with its destination', () => {
  const planned = changes(
    { '/w/old.txt': 'gone\n', '/w/src/a.txt': 'a\nb\n' },
    '*** Add File: new.txt\n+brand new\n*** Delete File: old.txt\n*** Update File: src/a.txt\n*** Move to: dst/a.txt\n@@\n a\n-b\n+B\n',
  );
  assert.deepEqual(planned.map((c) => [c.kind, c.newContent]), [
    [{ type: 'add' }, 'brand new\n'],
    [{ type: 'delete' }, null],
    [{ type: 'update', move_path: '/w/dst/a.txt' }, 'a\nB\n'],
  ]);
  assert.deepEqual(itemChanges(planned), [
    { path: '/w/new.txt', kind: { type: 'add' }, diff: 'brand new\n' },
    { path: '/w/old.txt', kind: { type: 'delete' }, diff: 'gone\n' },
    { path: '/w/src/a.txt', kind: { type: 'update', move_path: '/w/dst/a.txt' }, diff: '@@ -1,2 +1,2 @@\n a\n-b\n+B\n\n\nMoved to: /w/dst/a.txt' },
  ]);
});

test('several chunks apply in order; a chunk must come after the previous one', () => {
  assert.equal(updated('foo\nbar\nbaz\nqux\n', '@@\n foo\n-bar\n+BAR\n@@\n baz\n-qux\n+QUX\n'), 'foo\nBAR\nbaz\nQUX\n');
  assert.equal(
    failure({ '/w/f.txt': 'a\nb\n' }, '*** Update File: f.txt\n@@\n-b\n+B\n@@\n-a\n+A\n'),
    'Failed to find expected lines in /w/f.txt:\na',
  );
});

test('context matches despite whitespace and typographic punctuation, exact matches first', () => {
  assert.equal(updated('x = 1   \ny\n', '@@\n-x = 1\n+x = 2\n'), 'x = 2\ny\n');
  assert.equal(updated('    indented\n', '@@\n-indented\n+done\n'), 'done\n');
  assert.equal(updated('a \u2013 b \u201cq\u201d\u00a0z\n', '@@\n-a - b "q" z\n+ascii\n'), 'ascii\n');
  // A loose match early in the file loses to an exact one later.
  assert.equal(updated('key  \nkey\n', '@@\n-key\n+KEY\n'), 'key  \nKEY\n');
});

test('an @@ anchor narrows the search; lines that only add go at the end of the file', () => {
  assert.equal(updated('fn a\n  x\nfn b\n  x\n', '@@ fn b\n-  x\n+  y\n'), 'fn a\n  x\nfn b\n  y\n');
  assert.equal(updated('a\nb\nc\n', '@@ a\n+tail\n'), 'a\nb\nc\ntail\n');
});

test('End of File: the old lines must end the file', () => {
  assert.equal(updated('a\nb\na\n', '@@\n-a\n+A\n*** End of File\n'), 'a\nb\nA\n');
  assert.equal(failure({ '/w/f.txt': 'a\nb\nc\n' }, '*** Update File: f.txt\n@@\n-b\n+B\n*** End of File\n'), 'Failed to find expected lines in /w/f.txt:\nb');
});

test('bad context and missing files fail with the texts the model sees', () => {
  const files = { '/w/hello.txt': 'hello\nworld\n' };
  assert.equal(failure(files, '*** Update File: hello.txt\n@@ nope\n-a\n+b\n'), "Failed to find context 'nope' in /w/hello.txt");
  assert.equal(failure(files, '*** Update File: hello.txt\n@@\n-nothere\n-either\n+x\n'), 'Failed to find expected lines in /w/hello.txt:\nnothere\neither');
  assert.equal(
    failure(files, '*** Update File: missing.txt\n@@\n-a\n+b\n'),
    'Failed to read file to update /w/missing.txt: No such file or directory (os error 2)',
  );
  assert.equal(failure(files, '*** Delete File: missing.txt\n'), 'Failed to read /w/missing.txt: No such file or directory (os error 2)');
  // The whole patch fails, whatever hunks before the bad one did.
  assert.equal(failure(files, '*** Add File: new.txt\n+x\n*** Update File: hello.txt\n@@\n-zzz\n+y\n'), 'Failed to find expected lines in /w/hello.txt:\nzzz');
});

test('paths: relative ones join the cwd as written (../ kept), absolute ones stand', () => {
  const [up, abs] = changes({}, '*** Add File: ../outside.txt\n+o\n*** Add File: /tmp/elsewhere.txt\n+e\n');
  assert.equal(up!.path, '/w/../outside.txt');
  assert.equal(up!.patchPath, '../outside.txt');
  assert.equal(abs!.path, '/tmp/elsewhere.txt');
});

test('later hunks see what earlier hunks of the same patch did', () => {
  const [, second] = changes({}, '*** Add File: f.txt\n+one\n*** Update File: f.txt\n@@\n-one\n+two\n');
  assert.equal(second!.newContent, 'two\n');
  assert.equal(
    failure({ '/w/f.txt': 'x\n' }, '*** Delete File: f.txt\n*** Update File: f.txt\n@@\n-x\n+y\n'),
    'Failed to read file to update /w/f.txt: No such file or directory (os error 2)',
  );
});

test('CRLF files stay CRLF; mixed files get the reference behaviour', () => {
  const [c] = changes({ '/w/f.txt': 'a\r\nb\r\nc\r\n' }, '*** Update File: f.txt\n@@\n a\n-b\n+B\n');
  assert.equal(c!.newContent, 'a\r\nB\r\nc\r\n');
  assert.equal(c!.diff, '@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\r\n');
  // Not every newline is CRLF: lines keep their \r, which the whitespace-tolerant match ignores.
  assert.equal(updated('a\r\nb\nc\r\n', '@@\n-c\n+C\n'), 'a\r\nb\nC\n');
});

test('unicode content', () => {
  assert.equal(updated('caf\u00e9 \u2615\n\u65e5\u672c\u8a9e\n', '@@\n-\u65e5\u672c\u8a9e\n+\u4e2d\u6587 \ud83d\ude00\n'), 'caf\u00e9 \u2615\n\u4e2d\u6587 \ud83d\ude00\n');
});

test('empty files and final newlines', () => {
  assert.equal(updated('', '@@\n+x\n'), 'x\n');
  assert.equal(updated('x\n', '@@\n-x\n'), '');
  assert.equal(updated('a\nb', '@@\n-b\n+B\n'), 'a\nB\n');
  assert.deepEqual(changes({}, '*** Add File: empty.txt\n')[0]!.newContent, '');
  // Deleting an empty file.
  assert.equal(changes({ '/w/e': '' }, '*** Delete File: e\n')[0]!.diff, '');
});

test('a trailing empty old line may stand for the final newline', () => {
  assert.equal(updated('a\nb\n', '@@\n a\n-b\n-\n+c\n+\n'), 'a\nc\n');
});

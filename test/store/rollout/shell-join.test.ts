import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shellJoin } from '../../../src/store/rollout/shell-join.ts';

test('words are quoted like the reference (Rust shlex 1.3)', () => {
  // Seen in the reference's command items.
  assert.equal(shellJoin(['bash', '-lc', 'cat notes.txt']), "bash -lc 'cat notes.txt'");
  assert.equal(shellJoin(['bash', '-lc', "cat notes.txt; printf 'x%.0s' 1 2 3"]), `bash -lc "cat notes.txt; printf 'x%.0s' 1 2 3"`);
  assert.equal(shellJoin(['echo', '']), "echo ''");
  assert.equal(shellJoin(['a/b.c:d@e_f+g-h]']), 'a/b.c:d@e_f+g-h]');
  // Single quotes cannot hold a quote or a backslash, double quotes no `$`: the word is split into chunks.
  assert.equal(shellJoin(["it's $HOME"]), `"it's "'$HOME'`);
  assert.equal(shellJoin(['a\\b']), '"a\\\\b"');
  assert.equal(shellJoin(['^x']), "'^x'");
  assert.equal(shellJoin(['héllo']), "'héllo'");
});

test('a word with a NUL byte makes the reference join words plainly', () => {
  assert.equal(shellJoin(['a b', 'c\0d']), 'a b c\0d');
});

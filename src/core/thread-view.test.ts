import assert from 'node:assert/strict';
import { test } from 'node:test';
import { archivedPath, rolloutPath, unarchivedPath } from './thread-view.ts';

test('rollout paths follow the reference layout, in local time', () => {
  const created = new Date(2026, 0, 5, 7, 8, 9);
  const path = rolloutPath('/h', 'abc', created);
  assert.equal(path, '/h/sessions/2026/01/05/rollout-2026-01-05T07-08-09-abc.jsonl');
  assert.equal(archivedPath('/h', path), '/h/archived_sessions/rollout-2026-01-05T07-08-09-abc.jsonl');
  assert.equal(unarchivedPath('/h', archivedPath('/h', path)), path);
});

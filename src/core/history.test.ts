import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResponseItem } from '../model/index.ts';
import { foldHistory, needsInitialContext } from './history.ts';

const msg = (role: string, text: string): ResponseItem => ({ type: 'message', role, content: [{ type: 'input_text', text }] });

test('the model history restarts at each compaction', () => {
  const history = foldHistory([
    { kind: 'turnStarted', turnId: 't1', at: 0 },
    { kind: 'response', turnId: 't1', item: msg('developer', 'ctx') },
    { kind: 'response', turnId: 't1', item: msg('user', 'one') },
    { kind: 'compacted', turnId: 't2', replacement: [msg('user', 'one'), msg('user', 'note')] },
    { kind: 'response', turnId: 't3', item: msg('user', 'two') },
  ]);
  assert.deepEqual(history, [msg('user', 'one'), msg('user', 'note'), msg('user', 'two')]);
  assert.equal(needsInitialContext(history), true);
  assert.equal(needsInitialContext([msg('developer', 'ctx')]), false);
});

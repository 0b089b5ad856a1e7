import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ThreadItem } from '../../../src/protocol/index.ts';
import { foldTurns } from '../../../src/core/turns.ts';
import type { ThreadEntry } from '../../../src/store/types.ts';

const started = (turnId: string): ThreadEntry => ({ kind: 'turnStarted', turnId, at: 1 });
const item = (turnId: string, it: ThreadItem): ThreadEntry => ({ kind: 'item', turnId, item: it });
const agent = (text: string): ThreadItem => ({ type: 'agentMessage', id: 'msg_live', text, phase: null });
const plan: ThreadItem = { type: 'plan', id: 't1-plan', text: '- a' };
const search: ThreadItem = { type: 'webSearch', id: 'ws_1', query: 'q', action: null };

test('items the reference numbers get item-N across the thread; tool and plan items keep their ids', () => {
  const turns = foldTurns([
    started('t1'),
    item('t1', agent('a')),
    item('t1', search),
    item('t1', plan),
    { kind: 'response', turnId: 't1', item: { type: 'other' } },
    { kind: 'turnEnded', turnId: 't1', status: 'completed', error: null, at: 2 },
    started('t2'),
    item('t2', agent('b')),
    { kind: 'turnEnded', turnId: 't2', status: 'failed', error: { message: 'x', codexErrorInfo: 'other', additionalDetails: null }, at: 3 },
  ]);
  assert.deepEqual(
    turns.map((t) => [t.id, t.status, t.error?.message ?? null, t.items.map((i) => i.id)]),
    [
      ['t1', 'completed', null, ['item-1', 'ws_1', 't1-plan']],
      ['t2', 'failed', 'x', ['item-2']],
    ],
  );
});

test('a turn without an end is interrupted unless it is the running one; late entries reach their turn', () => {
  const entries: ThreadEntry[] = [
    started('t1'),
    started('t2'),
    item('t1', agent('late')),
    { kind: 'turnEnded', turnId: 't1', status: 'completed', error: null, at: 2 },
    item('gone', agent('of a deleted turn')),
  ];
  assert.deepEqual(
    foldTurns(entries).map((t) => [t.id, t.status, t.items.length]),
    [
      ['t1', 'completed', 1],
      ['t2', 'interrupted', 0],
    ],
  );
  assert.equal(foldTurns(entries, { activeTurnId: 't2' })[1]!.status, 'inProgress');
});

test('the entries are not changed', () => {
  const it = agent('a');
  foldTurns([started('t1'), item('t1', it)]);
  assert.equal(it.id, 'msg_live');
});

test('a plan item completed again keeps its first place with its last text; an empty plan is left out', () => {
  const turns = foldTurns([
    started('t1'),
    item('t1', { type: 'plan', id: 't1-plan', text: 'first' }),
    item('t1', agent('before tool')),
    item('t1', { type: 'plan', id: 't1-plan', text: 'second' }),
    item('t1', agent('after tool')),
    started('t2'),
    item('t2', { type: 'plan', id: 't2-plan', text: '' }),
    item('t2', agent('text')),
  ]);
  assert.deepEqual(
    turns.map((t) => t.items.map((i) => [i.id, 'text' in i ? i.text : null])),
    [
      [['t1-plan', 'second'], ['item-1', 'before tool'], ['item-2', 'after tool']],
      [['item-3', 'text']],
    ],
  );
});

// Event sequences the reference does not write today (older files, out-of-order events), written by
// hand and read by the reference (0.113.0) with `thread/read`; the expectations are its answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Turn } from '../../../src/protocol/index.ts';
import { storedTokens } from '../../../src/core/token-usage.ts';
import { foldTurns } from '../../../src/core/turns.ts';
import { parseRollout } from '../../../src/store/rollout/read-rollout.ts';
import { fixture } from './fixtures.ts';

const META = fixture('shell').text.split('\n')[0]!;
const T1 = '01a2163b-0000-7000-8000-000000000001';
const T2 = '01a2163b-0000-7000-8000-000000000002';

const line = (type: string, payload: object) => JSON.stringify({ timestamp: '2026-11-26T05:01:45.000Z', type, payload });
const ev = (payload: object) => line('event_msg', payload);
const user = (message: string) => ev({ type: 'user_message', message, images: [], local_images: [], text_elements: [] });
const agent = (message: string) => ev({ type: 'agent_message', message, phase: null });
const started = (turn_id: string) => ev({ type: 'task_started', turn_id });
const complete = (turn_id: string) => ev({ type: 'task_complete', turn_id, last_agent_message: null });
const exec = (call_id: string, turn_id: string) =>
  ev({
    type: 'exec_command_end',
    call_id,
    turn_id,
    command: ['ls'],
    cwd: '/w',
    parsed_cmd: [],
    source: 'agent',
    stdout: '',
    stderr: '',
    aggregated_output: '',
    exit_code: 0,
    duration: { secs: 1, nanos: 5 },
    formatted_output: '',
    status: 'completed',
  });

function read(...events: string[]) {
  const imported = parseRollout([META, ...events].join('\n'), '/r.jsonl', { archived: false });
  return { turns: foldTurns(imported.entries), skipped: imported.skipped };
}

/** Turns reduced to what differs between the cases. */
const outline = (turns: Turn[]) =>
  turns.map((t) => ({
    status: t.status,
    error: t.error?.message ?? null,
    items: t.items.map((i) => `${i.type}:${i.id}${'text' in i ? `:${i.text}` : ''}`),
  }));

test('without turn events, each user message opens a turn with a new id', () => {
  const { turns } = read(user('one'), agent('answer one'), agent(''), user('two'), ev({ type: 'agent_reasoning', text: 'r1' }), agent('answer two'));
  assert.deepEqual(outline(turns), [
    { status: 'completed', error: null, items: ['userMessage:item-1', 'agentMessage:item-2:answer one'] },
    { status: 'completed', error: null, items: ['userMessage:item-3', 'reasoning:item-4', 'agentMessage:item-5:answer two'] },
  ]);
  assert.match(turns[0]!.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
  assert.notEqual(turns[0]!.id, turns[1]!.id);
});

test('steering, reasoning around a command, late and lost command ends, an abort naming no known turn', () => {
  const { turns, skipped } = read(
    started(T1),
    user('q1'),
    user('steer'),
    ev({ type: 'agent_reasoning', text: 'r1' }),
    exec('c1', T1),
    ev({ type: 'agent_reasoning', text: 'r2' }),
    ev({ type: 'agent_reasoning_raw_content', text: 'raw' }),
    complete(T1),
    started(T2),
    user('q2'),
    exec('c2', T1),
    exec('c3', 'unknown-turn'),
    ev({ type: 'error', message: 'rb', codex_error_info: 'thread_rollback_failed' }),
    ev({ type: 'turn_aborted', turn_id: 'nope', reason: 'interrupted' }),
  );
  assert.deepEqual(outline(turns), [
    {
      status: 'completed',
      error: null,
      items: ['userMessage:item-1', 'userMessage:item-2', 'reasoning:item-3', 'commandExecution:c1', 'reasoning:item-4', 'commandExecution:c2'],
    },
    { status: 'interrupted', error: null, items: ['userMessage:item-5'] },
  ]);
  assert.deepEqual([turns[0]!.id, turns[1]!.id], [T1, T2]);
  const reasoning = turns[0]!.items[4]!;
  assert.deepEqual(reasoning, { type: 'reasoning', id: 'item-4', summary: ['r2'], content: ['raw'] });
  assert.deepEqual(turns[0]!.items[3], {
    type: 'commandExecution',
    id: 'c1',
    command: 'ls',
    cwd: '/w',
    processId: null,
    status: 'completed',
    commandActions: [],
    aggregatedOutput: null,
    exitCode: 0,
    durationMs: 1000,
  });
  assert.deepEqual(skipped, [{ line: 13, reason: 'exec_command_end for unknown turn unknown-turn: item dropped' }]);
});

test('an error fails the open turn, even an implicit one, and stays when the turn is interrupted', () => {
  assert.deepEqual(outline(read(ev({ type: 'context_compacted' }), ev({ type: 'error', message: 'outside', codex_error_info: 'other' }), user('after'), agent('a')).turns), [
    { status: 'failed', error: 'outside', items: ['contextCompaction:item-1'] },
    { status: 'completed', error: null, items: ['userMessage:item-2', 'agentMessage:item-3:a'] },
  ]);
  const { turns } = read(
    started(T1),
    user('q1'),
    ev({ type: 'error', message: 'bad', codex_error_info: { http_connection_failed: { http_status_code: 502 } } }),
    complete(T1),
    started(T2),
    user('q2'),
    ev({ type: 'error', message: 'e2' }),
    ev({ type: 'turn_aborted', turn_id: T2, reason: 'interrupted' }),
  );
  assert.deepEqual(
    turns.map((t) => [t.status, t.error]),
    [
      ['failed', { message: 'bad', codexErrorInfo: { httpConnectionFailed: { httpStatusCode: 502 } }, additionalDetails: null }],
      ['interrupted', { message: 'e2', codexErrorInfo: null, additionalDetails: null }],
    ],
  );
});

test('a compaction outside any turn makes an empty turn; rolling back more turns than exist clears them', () => {
  const events = [line('compacted', { message: 'sum', replacement_history: [] }), started(T1), complete(T1)];
  assert.deepEqual(outline(read(...events).turns), [
    { status: 'completed', error: null, items: [] },
    { status: 'completed', error: null, items: [] },
  ]);
  const { turns } = read(...events, ev({ type: 'thread_rolled_back', num_turns: 5 }), user('fresh'));
  assert.deepEqual(outline(turns), [{ status: 'completed', error: null, items: ['userMessage:item-1'] }]);
});

test('review mode items', () => {
  const { turns } = read(
    started(T1),
    user('q1'),
    ev({ type: 'entered_review_mode', target: { type: 'uncommittedChanges' }, user_facing_hint: 'current changes' }),
    ev({ type: 'exited_review_mode', review_output: { findings: [], overall_correctness: 'ok', overall_explanation: '  Looks fine.  ', overall_confidence_score: 0.5 } }),
    ev({ type: 'exited_review_mode', review_output: null }),
    complete(T1),
  );
  assert.deepEqual(turns[0]!.items.slice(1), [
    { type: 'enteredReviewMode', id: 'item-2', review: 'current changes' },
    { type: 'exitedReviewMode', id: 'item-3', review: 'Looks fine.' },
    { type: 'exitedReviewMode', id: 'item-4', review: 'Reviewer failed to output a response.' },
  ]);
});

test('an abort without a turn id interrupts the open turn, which stays open until completed', () => {
  const { turns } = read(user('x'), ev({ type: 'turn_aborted', reason: 'interrupted' }), agent('y'), complete('zzz'), agent('z'));
  assert.deepEqual(outline(turns), [
    { status: 'interrupted', error: null, items: ['userMessage:item-1', 'agentMessage:item-2:y'] },
    { status: 'completed', error: null, items: ['agentMessage:item-3:z'] },
  ]);
});

test('user message content: text with its elements, then images, then local images', () => {
  const { turns } = read(
    ev({
      type: 'user_message',
      message: 'hi @a',
      images: ['https://x/1.png'],
      local_images: ['/tmp/2.png'],
      text_elements: [{ byte_range: { start: 3, end: 5 } }],
    }),
    ev({ type: 'user_message', message: '  ', images: null, local_images: [], text_elements: [] }),
  );
  assert.deepEqual(
    turns.map((t) => t.items[0]),
    [
      {
        type: 'userMessage',
        id: 'item-1',
        content: [
          { type: 'text', text: 'hi @a', text_elements: [{ byteRange: { start: 3, end: 5 }, placeholder: null }] },
          { type: 'image', url: 'https://x/1.png' },
          { type: 'localImage', path: '/tmp/2.png' },
        ],
      },
      { type: 'userMessage', id: 'item-2', content: [] },
    ],
  );
});

test('token counts are kept, so a resumed thread counts on from the last one', () => {
  const usage = (n: number) => ({ input_tokens: n, cached_input_tokens: 0, output_tokens: 1, reasoning_output_tokens: 0, total_tokens: n + 1 });
  const imported = parseRollout(
    [META, started(T1), user('one'), ev({ type: 'token_count', info: null }), ev({ type: 'token_count', info: { total_token_usage: usage(30), last_token_usage: usage(10), model_context_window: 100 } }), complete(T1)].join('\n'),
    '/r.jsonl',
    { archived: false },
  );
  assert.deepEqual(storedTokens(imported.entries), {
    last: { inputTokens: 10, cachedInputTokens: 0, outputTokens: 1, reasoningOutputTokens: 0, totalTokens: 11 },
    total: { inputTokens: 30, cachedInputTokens: 0, outputTokens: 1, reasoningOutputTokens: 0, totalTokens: 31 },
  });
});

// Rollout files written by the reference (codex-cli 0.113.0) against the mock model, each with the
// reference's own `thread/read {includeTurns: true}` answer (see the fixtures' record.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ResponseItem } from '../../../src/model/index.ts';
import { foldTurns } from '../../../src/core/turns.ts';
import { parseRollout, type RolloutSettings } from '../../../src/store/rollout/read-rollout.ts';
import { parseSessionIndex } from '../../../src/store/rollout/session-index.ts';
import type { ThreadEntry } from '../../../src/store/types.ts';
import { FIXTURES, FIXTURE_NAMES, fixture } from './fixtures.ts';

const RECORD_FIELDS = ['id', 'preview', 'createdAt', 'updatedAt', 'cwd', 'modelProvider', 'cliVersion', 'source', 'agentNickname', 'agentRole', 'gitInfo'] as const;

function imported(name: string) {
  const f = fixture(name);
  return { f, thread: parseRollout(f.text, f.path, { archived: f.listed !== undefined }) };
}

/** The model history a resumed thread continues with. */
function modelHistory(entries: readonly ThreadEntry[]): ResponseItem[] {
  let history: ResponseItem[] = [];
  for (const e of entries) {
    if (e.kind === 'response') history.push(e.item);
    if (e.kind === 'compacted') history = [...e.replacement];
  }
  return history;
}

for (const name of FIXTURE_NAMES) {
  test(`${name}: the record is what the reference lists, the turns what it reads`, () => {
    const { f, thread } = imported(name);
    assert.deepEqual(thread.skipped, []);
    for (const key of RECORD_FIELDS) assert.deepEqual(thread.record[key], f.read[key], key);
    assert.equal(thread.record.path, f.path);
    const expected = name === 'unterminated' ? f.read.turns.map((t) => ({ ...t, status: 'interrupted' as const })) : f.read.turns;
    assert.deepEqual(foldTurns(thread.entries), expected);
  });
}

test('a turn cut off by the server stopping: the reference reads it in progress, Weft interrupted', () => {
  const { f, thread } = imported('unterminated');
  assert.equal(f.read.turns[0]!.status, 'inProgress');
  assert.equal(thread.entries.some((e) => e.kind === 'turnEnded'), false);
  assert.equal(foldTurns(thread.entries)[0]!.status, 'interrupted');
  assert.equal(foldTurns(thread.entries, { activeTurnId: f.read.turns[0]!.id })[0]!.status, 'inProgress');
});

test('updatedAt is the file modification time when given', () => {
  const f = fixture('two-turns');
  const { record } = parseRollout(f.text, f.path, { archived: false, mtimeMs: 1_800_000_000_999 });
  assert.equal(record.updatedAt, 1_800_000_000);
});

test('archived: the record matches the reference listing of archived threads', () => {
  const { f, thread } = imported('archived');
  assert.ok(f.listed);
  assert.equal(thread.record.archived, true);
  for (const key of RECORD_FIELDS) assert.deepEqual(thread.record[key], f.listed[key], key);
});

test('names come from the session index, the last entry for a thread winning', () => {
  const { f, thread } = imported('two-turns');
  const names = parseSessionIndex(readFileSync(join(FIXTURES, 'two-turns.session_index.jsonl'), 'utf8'));
  assert.equal(thread.record.name, null);
  assert.equal(names.get(thread.record.id), f.read.name);
  const renamed = parseSessionIndex(`{"id":"a","thread_name":"one"}\n{"id":"a","thread_name":"two"}\n{"id":"b","thread_name":"x"\n`);
  assert.deepEqual([...renamed], [['a', 'two']]);
});

test('fork: named by its own session metadata, with the parent history and no rolled-back turn', () => {
  const parent = imported('rollback-fork-1').thread;
  const fork = imported('rollback-fork-2').thread;
  assert.equal(fork.record.forkedFromId, parent.record.id);
  assert.equal(parent.record.forkedFromId, null);
  const turnIds = (t: typeof fork) => [...new Set(t.entries.map((e) => e.turnId))];
  assert.deepEqual(turnIds(fork), turnIds(parent));
  assert.equal(turnIds(parent).length, 2);
  // The rolled-back question is gone from the model history as well.
  const texts = modelHistory(fork.entries).flatMap((i) => (i.type === 'message' ? i.content.map((c) => ('text' in c ? c.text : '')) : []));
  assert.ok(texts.includes('after rollback'));
  assert.ok(!texts.includes('second question'));
  // The context the fork wrote after the copied history belongs to the last turn.
  const last = fork.entries.at(-1)!;
  assert.equal(last.kind, 'response');
  assert.equal(last.turnId, turnIds(fork).at(-1));
});

test('compaction: the next request starts from the replacement history', () => {
  const { thread } = imported('compacted');
  const roles = modelHistory(thread.entries).map((i) => (i.type === 'message' ? `${i.role}` : i.type));
  // As the reference sent it to the model for the turn after the compaction, plus that turn's answer.
  assert.deepEqual(roles, ['user', 'user', 'developer', 'user', 'user', 'assistant']);
  const compaction = thread.entries.filter((e) => e.kind === 'compacted');
  assert.equal(compaction.length, 1);
});

test('the model history holds every response item, initial context first', () => {
  const { thread } = imported('tools-extended');
  const types = modelHistory(thread.entries).map((i) => (i.type === 'message' ? `${i.type}:${i.role}` : i.type));
  assert.deepEqual(types, [
    'message:developer',
    'message:user',
    'message:user',
    'function_call',
    'function_call_output',
    'function_call',
    'function_call_output',
    'custom_tool_call',
    'custom_tool_call_output',
    'function_call',
    'function_call_output',
    'function_call',
    'function_call_output',
    'web_search_call',
    'message:assistant',
  ]);
  assert.equal(thread.entries[0]!.kind, 'turnStarted');
});

test('settings: the last turn context, in v2 shapes, with the thread-wide facts', () => {
  const { thread } = imported('settings');
  const s = thread.record.settings as RolloutSettings;
  assert.deepEqual({ ...s, baseInstructions: s.baseInstructions?.slice(0, 25), userInstructions: s.userInstructions?.slice(0, 9) }, {
    model: 'mock-model',
    effort: 'minimal',
    summary: 'none',
    approvalPolicy: 'untrusted',
    sandboxPolicy: { type: 'readOnly', access: { type: 'fullAccess' }, networkAccess: false },
    cwd: thread.record.cwd,
    personality: 'friendly',
    collaborationMode: { mode: 'default', settings: { model: 'mock-model', reasoning_effort: 'minimal', developer_instructions: null } },
    baseInstructions: 'You are a coding agent ru',
    userInstructions: '## Skills',
    developerInstructions: 'Be brief.',
    dynamicTools: null,
  });
  // The first turn ran with other settings.
  const first = fixture('settings').text.split('\n').find((l) => l.includes('"type":"turn_context"'))!;
  assert.match(first, /"sandbox_policy":\{"type":"workspace-write"/);
});

test('settings: a sandbox written for workspace writes becomes the v2 policy', () => {
  const f = fixture('settings');
  const firstTurnOnly = f.text.slice(0, f.text.indexOf('"type":"task_complete"'));
  const s = parseRollout(firstTurnOnly, f.path, { archived: false }).record.settings as RolloutSettings;
  assert.deepEqual(s.sandboxPolicy, {
    type: 'workspaceWrite',
    writableRoots: ['/tmp'],
    readOnlyAccess: { type: 'fullAccess' },
    networkAccess: true,
    excludeTmpdirEnvVar: false,
    excludeSlashTmp: false,
  });
  assert.equal(s.approvalPolicy, 'on-request');
  assert.equal(s.effort, 'low');
});

test('settings: dynamic tools are kept from the session metadata', () => {
  const { thread } = imported('tools-extended');
  const s = thread.record.settings as RolloutSettings;
  assert.deepEqual(s.dynamicTools?.map((t) => t.name), ['lookup_weather']);
});

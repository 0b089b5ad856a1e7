// Damaged rollout files. What the reference (0.113.0) did with each, run on the same damage to a
// file it wrote: it skips every line it cannot read, wherever it is, with a warning in its log;
// it refuses only an empty file and one whose first readable line is not session metadata.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldTurns } from '../../../src/core/turns.ts';
import { RolloutError, parseRollout } from '../../../src/store/rollout/read-rollout.ts';
import { fixture } from './fixtures.ts';

const f = fixture('two-turns');
const lines = f.text.split('\n').filter((l) => l !== '');
const parse = (text: string) => parseRollout(text, f.path, { archived: false });
const original = parse(f.text);
const lineNo = (pattern: string) => lines.findIndex((l) => l.includes(pattern)) + 1;

test('a torn last line (a crash mid-write) is skipped; the turn it would have ended stays open', () => {
  const last = lines.at(-1)!;
  const torn = parse([...lines.slice(0, -1), last.slice(0, 40)].join('\n'));
  assert.deepEqual(torn.skipped, [{ line: lines.length, reason: 'not JSON (a torn write?)' }]);
  const turns = foldTurns(torn.entries);
  assert.deepEqual(turns.map((t) => t.status), ['completed', 'interrupted']);
  assert.deepEqual(turns[1]!.items, foldTurns(original.entries)[1]!.items);
});

test('a garbage line in the middle is skipped and reported', () => {
  const at = lineNo('"type":"task_complete"');
  const text = [...lines.slice(0, at), 'this is not json', ...lines.slice(at)].join('\n');
  const damaged = parse(text);
  assert.deepEqual(damaged.skipped, [{ line: at + 1, reason: 'not JSON (a torn write?)' }]);
  assert.deepEqual(damaged.entries, original.entries);
  assert.deepEqual(damaged.record, original.record);
});

test('unknown line types, unknown events and unreadable payloads are skipped', () => {
  const at = lineNo('"type":"task_complete"');
  const extra = [
    '{"timestamp":"2026-11-26T05:01:46.000Z","type":"mystery","payload":{}}',
    '{"timestamp":"2026-11-26T05:01:46.000Z","type":"event_msg","payload":{"type":"mystery_event"}}',
    '{"timestamp":"2026-11-26T05:01:46.000Z","type":"response_item","payload":{"type":"message","role":"user"}}',
    '{"timestamp":"2026-11-26T05:01:46.000Z","type":"event_msg","payload":{"type":"user_message"}}',
    '{"type":"event_msg","payload":{"type":"agent_message","message":"no timestamp"}}',
  ];
  const damaged = parse([...lines.slice(0, at), ...extra, ...lines.slice(at)].join('\n'));
  assert.deepEqual(damaged.skipped, [
    { line: at + 1, reason: 'unknown line type mystery' },
    { line: at + 3, reason: 'not a response item' },
    { line: at + 4, reason: 'message is not a string' },
    { line: at + 5, reason: 'not a rollout line' },
  ]);
  assert.deepEqual(damaged.entries, original.entries);
});

test('garbage before the session metadata is skipped too', () => {
  const damaged = parse(['garbage', ...lines].join('\n'));
  assert.equal(damaged.record.id, original.record.id);
  assert.deepEqual(damaged.skipped, [{ line: 1, reason: 'not JSON (a torn write?)' }]);
});

test('an empty file is refused', () => {
  for (const text of ['', '\n\n']) {
    assert.throws(() => parse(text), (err: unknown) => err instanceof RolloutError && err.message === `${f.path}: is empty`);
  }
});

test('a file that does not start with readable session metadata is refused, naming the line', () => {
  assert.throws(
    () => parse(lines.slice(1).join('\n')),
    (err: unknown) => err instanceof RolloutError && err.line === 1 && /does not start with session metadata/.test(err.message),
  );
  const meta = JSON.parse(lines[0]!);
  delete meta.payload.cli_version;
  assert.throws(
    () => parse([JSON.stringify(meta), ...lines.slice(1)].join('\n')),
    (err: unknown) => err instanceof RolloutError && err.line === 2,
  );
  assert.throws(() => parse('garbage\n{"x":1}'), /has no readable session metadata/);
});

test('session metadata the reference accepts with defaults', () => {
  const meta = JSON.parse(lines[0]!);
  delete meta.payload.source;
  delete meta.payload.model_provider;
  meta.payload.timestamp = 'not a date';
  meta.payload.git = { branch: 'dev' };
  const { record } = parse([JSON.stringify(meta), ...lines.slice(1)].join('\n'));
  assert.equal(record.source, 'vscode');
  assert.equal(record.modelProvider, 'openai');
  assert.equal(record.createdAt, 0);
  assert.deepEqual(record.gitInfo, { sha: null, branch: 'dev', originUrl: null });
});

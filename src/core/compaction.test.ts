import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResponseItem } from '../model/index.ts';
import { HANDOVER_PREFIX, compactionInput, estimateTokens, replacementHistory } from './compaction.ts';

const user = (text: string): ResponseItem => ({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] });
const assistant = (text: string): ResponseItem => ({ type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] });
const developer = (text: string): ResponseItem => ({ type: 'message', role: 'developer', content: [{ type: 'input_text', text }] });

test('compaction keeps what the user said, drops context and answers, and ends with the note', () => {
  const history = [developer('rules'), user('<environment_context>\n  <cwd>/x</cwd>\n</environment_context>'), user('hello'), assistant('hi'), user('more')];
  assert.deepEqual(replacementHistory(history, 'SUMMARY'), [user('hello'), user('more'), user(`${HANDOVER_PREFIX}\nSUMMARY`)]);
});

test('the compaction request is the history plus the prompt', () => {
  const input = compactionInput([user('a')], 'summarise');
  assert.equal(input.length, 2);
  assert.deepEqual(input[1], user('summarise'));
});

test('token estimates grow with the text', () => {
  assert.equal(estimateTokens('x'.repeat(400), []), 100);
  assert.ok(estimateTokens('', [user('hello')]) > 0);
});

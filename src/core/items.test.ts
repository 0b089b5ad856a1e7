import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agentMessageItem, previewOf, reasoningItem, userMessageItem } from './items.ts';

test('user messages carry text_elements on every text part', () => {
  assert.deepEqual(userMessageItem('u', [{ type: 'text', text: 'hi' }, { type: 'image', url: 'http://x/y.png' }]), {
    type: 'userMessage',
    id: 'u',
    content: [{ type: 'text', text: 'hi', text_elements: [] }, { type: 'image', url: 'http://x/y.png' }],
  });
});

test('assistant messages and reasoning become items', () => {
  assert.deepEqual(agentMessageItem('m', { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'a' }, { type: 'output_text', text: 'b' }] }), {
    type: 'agentMessage',
    id: 'm',
    text: 'ab',
    phase: null,
  });
  assert.deepEqual(
    reasoningItem('r', { type: 'reasoning', id: 'r', summary: [{ type: 'summary_text', text: 's' }], content: null, encrypted_content: null }),
    { type: 'reasoning', id: 'r', summary: ['s'], content: [] },
  );
});

test('the preview is the first text the user typed', () => {
  assert.equal(previewOf([{ type: 'image', url: 'u' }, { type: 'text', text: 'hello' }]), 'hello');
  assert.equal(previewOf([]), '');
});

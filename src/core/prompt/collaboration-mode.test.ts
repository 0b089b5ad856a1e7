import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CollaborationMode } from '../../protocol/index.ts';
import { collaborationModeSection, modeContext, modeInstructions } from './collaboration-mode.ts';

const mode = (kind: 'plan' | 'default', developer_instructions?: string | null): CollaborationMode => ({
  mode: kind,
  settings: { model: 'm', ...(developer_instructions !== undefined ? { developer_instructions } : {}) },
});

test('no mode chosen: Default, and nothing to tell the model', () => {
  assert.deepEqual(modeContext(null, false), { collaborationMode: 'default', collaborationInstructions: null });
});

test('null or absent instructions mean the built-in ones of the kind; empty ones mean none', () => {
  assert.match(modeInstructions(mode('plan', null), false)!, /^# Plan mode\n[\s\S]*<proposed_plan>\n[\s\S]*<\/proposed_plan>/);
  assert.equal(modeInstructions(mode('plan'), false), modeInstructions(mode('plan', null), false));
  assert.match(modeInstructions(mode('default', null), false)!, /^# Default mode\n/);
  assert.equal(modeInstructions(mode('default', ''), false), null);
  assert.equal(modeInstructions(mode('plan', 'Own words.'), false), 'Own words.');
  assert.deepEqual(modeContext(mode('plan', ''), false), { collaborationMode: 'plan', collaborationInstructions: null });
});

test('the built-in Default mode says whether request_user_input may be used', () => {
  assert.match(modeInstructions(mode('default'), false)!, /`request_user_input` tool is not available in Default mode/);
  assert.match(modeInstructions(mode('default'), true)!, /`request_user_input` tool is available in Default mode/);
});

test('the section wraps the instructions in the tags the model knows', () => {
  assert.equal(collaborationModeSection('X'), '<collaboration_mode>X</collaboration_mode>');
});

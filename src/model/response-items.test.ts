import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseResponseItem, toWireItem, type ResponseItem } from './response-items.ts';

/** Model output → the `input` item the reference sent back on the next request (observed). */
function roundTrip(raw: unknown): string {
  const item = parseResponseItem(raw);
  assert.ok(item, `refused ${JSON.stringify(raw)}`);
  return JSON.stringify(toWireItem(item));
}

test('items keep their ids in memory; the request drops them and unknown keys', () => {
  const raw = { type: 'message', role: 'assistant', id: 'msg_1', phase: 'commentary', content: [{ type: 'output_text', text: 'let me', annotations: [] }] };
  assert.deepEqual(parseResponseItem(raw), {
    type: 'message',
    role: 'assistant',
    content: [{ type: 'output_text', text: 'let me' }],
    id: 'msg_1',
    phase: 'commentary',
  });
  assert.equal(roundTrip(raw), '{"type":"message","role":"assistant","content":[{"type":"output_text","text":"let me"}],"phase":"commentary"}');
  assert.equal(
    roundTrip({ type: 'message', role: 'assistant', id: 'm', end_turn: true, phase: null, content: [{ type: 'output_text', text: 'hi' }] }),
    '{"type":"message","role":"assistant","content":[{"type":"output_text","text":"hi"}],"end_turn":true}',
  );
});

test('reasoning: content null is written, plain-text content is left out', () => {
  assert.equal(
    roundTrip({ type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'think' }], content: [{ type: 'reasoning_text', text: 'deep' }], encrypted_content: 'ENC' }),
    '{"type":"reasoning","summary":[{"type":"summary_text","text":"think"}],"content":[{"type":"reasoning_text","text":"deep"}],"encrypted_content":"ENC"}',
  );
  assert.equal(roundTrip({ type: 'reasoning', id: 'rs_1', summary: [] }), '{"type":"reasoning","summary":[],"content":null,"encrypted_content":null}');
  assert.equal(
    roundTrip({ type: 'reasoning', id: 'rs_2', summary: [], content: [{ type: 'text', text: 'plain' }], encrypted_content: null }),
    '{"type":"reasoning","summary":[],"encrypted_content":null}',
  );
  assert.equal((parseResponseItem({ type: 'reasoning', summary: [] }) as { id: string }).id, '');
});

test('tool calls and their outputs', () => {
  assert.equal(
    roundTrip({ type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'nonexistent_tool', arguments: '{}', status: 'completed' }),
    '{"type":"function_call","name":"nonexistent_tool","arguments":"{}","call_id":"call_1"}',
  );
  assert.equal(
    roundTrip({ type: 'custom_tool_call', id: 'ctc_1', call_id: 'call_2', name: 'nonexistent_custom', input: 'x', status: 'completed' }),
    '{"type":"custom_tool_call","status":"completed","call_id":"call_2","name":"nonexistent_custom","input":"x"}',
  );
  assert.equal(
    roundTrip({ type: 'function_call_output', call_id: 'call_1', output: 'unsupported call: nonexistent_tool' }),
    '{"type":"function_call_output","call_id":"call_1","output":"unsupported call: nonexistent_tool"}',
  );
  const items = [{ type: 'input_text', text: 't' }, { type: 'input_image', image_url: 'data:x', detail: 'high' }];
  assert.deepEqual(parseResponseItem({ type: 'custom_tool_call_output', call_id: 'c', output: items }), {
    type: 'custom_tool_call_output',
    call_id: 'c',
    output: items,
  });
  assert.equal(
    roundTrip({ type: 'local_shell_call', id: 'ls', call_id: 'c', status: 'completed', action: { type: 'exec', command: ['ls'] } }),
    '{"type":"local_shell_call","call_id":"c","status":"completed","action":{"type":"exec","command":["ls"],"timeout_ms":null,"working_directory":null,"env":null,"user":null}}',
  );
});

test('web search calls write only what is present', () => {
  assert.equal(
    roundTrip({ type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'q' } }),
    '{"type":"web_search_call","status":"completed","action":{"type":"search","query":"q"}}',
  );
  assert.equal(roundTrip({ type: 'web_search_call', id: 'ws_1' }), '{"type":"web_search_call"}');
  assert.deepEqual(parseResponseItem({ type: 'web_search_call', action: { type: 'click', x: 1 } }), {
    type: 'web_search_call',
    action: { type: 'other' },
  });
});

test('other variants, aliases and unknown types', () => {
  assert.deepEqual(parseResponseItem({ type: 'compaction_summary', encrypted_content: 'E' }), { type: 'compaction', encrypted_content: 'E' });
  assert.deepEqual(parseResponseItem({ type: 'image_generation_call', id: 'ig', status: 'completed', result: 'AAAA' }), {
    type: 'image_generation_call',
    id: 'ig',
    status: 'completed',
    revised_prompt: null,
    result: 'AAAA',
  });
  assert.deepEqual(parseResponseItem({ type: 'bogus_kind', id: 'b1', foo: 1 }), { type: 'other' });
});

test('what serde refuses is refused', () => {
  const refused: unknown[] = [
    null,
    'message',
    { role: 'assistant', content: [] },
    { type: 'function_call', id: 'fc_1', name: 'x' },
    { type: 'message', role: 'assistant', content: [{ type: 'refusal', refusal: 'no' }] },
    { type: 'message', role: 'assistant', content: [], phase: 'draft' },
    { type: 'message', role: 'assistant', content: [], end_turn: 'yes' },
    { type: 'reasoning', summary: [{ type: 'summary_text' }] },
    { type: 'local_shell_call', status: 'running', action: { type: 'exec', command: [] } },
    { type: 'function_call_output', call_id: 'c', output: 5 },
  ];
  for (const raw of refused) assert.equal(parseResponseItem(raw), undefined, JSON.stringify(raw));
});

test('items the engine builds serialize the same way', () => {
  const item: ResponseItem = { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'again' }] };
  assert.equal(JSON.stringify(toWireItem(item)), '{"type":"message","role":"user","content":[{"type":"input_text","text":"again"}]}');
});

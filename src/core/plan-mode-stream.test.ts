import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PlanModeStream, type PlanStreamEvent } from './plan-mode-stream.ts';

/** One response's messages: each message's streamed deltas (its final text is their join). */
function run(messages: readonly { id: string; deltas: readonly string[]; text?: string }[]): string[] {
  const stream = new PlanModeStream('T');
  const events: PlanStreamEvent[] = [];
  for (const m of messages) {
    events.push(...stream.messageAdded(m.id, null));
    for (const d of m.deltas) events.push(...stream.messageDelta(m.id, d));
    events.push(...stream.messageDone(m.id, m.text ?? m.deltas.join(''), null));
  }
  return events.map(show);
}

/** Events in a compact form: `started plan T-plan`, `delta msg "text"`, `completed msg "text"`. */
function show(e: PlanStreamEvent): string {
  switch (e.type) {
    case 'started':
      return `started ${e.item.type} ${e.item.id}`;
    case 'agentMessageDelta':
      return `delta ${e.itemId} ${JSON.stringify(e.delta)}`;
    case 'planDelta':
      return `planDelta ${e.itemId} ${JSON.stringify(e.delta)}`;
    case 'completed':
      return `completed ${e.item.type} ${e.item.id} ${JSON.stringify('text' in e.item ? e.item.text : null)}`;
  }
}

// The expectations are what the reference sent for the same model output (turn id T).

test('text around a plan whose tags are split across deltas', () => {
  assert.deepEqual(run([{ id: 'm', deltas: ['Intro line\n<prop', 'osed_plan>\n- step one\n- st', 'ep two\n</proposed_pl', 'an>\nOutro'] }]), [
    'started agentMessage m',
    'delta m "Intro line\\n"',
    'started plan T-plan',
    'planDelta T-plan "- step one\\n- st"',
    'planDelta T-plan "ep two\\n"',
    'delta m "Outro"',
    'completed plan T-plan "- step one\\n- step two\\n"',
    'completed agentMessage m "Intro line\\nOutro"',
  ]);
});

test('a message with nothing but a plan never appears', () => {
  assert.deepEqual(run([{ id: 'm', deltas: ['<proposed_plan>\n', '# Title\n', 'body\n', '</proposed_plan>\n'] }]), [
    'started plan T-plan',
    'planDelta T-plan "# Title\\n"',
    'planDelta T-plan "body\\n"',
    'completed plan T-plan "# Title\\nbody\\n"',
  ]);
  assert.deepEqual(run([{ id: 'm', deltas: ['\n\n  ', '<proposed_plan>\nopen ', 'plan'] }]), [
    'started plan T-plan',
    'planDelta T-plan "open "',
    'planDelta T-plan "plan"',
    'completed plan T-plan "open plan"',
  ]);
});

test('two blocks in one message: both stream, the last one is the plan', () => {
  assert.deepEqual(
    run([{ id: 'm', deltas: ['A <proposed_plan> inline\n', '<proposed_plan>  \nfirst\n</proposed_plan>\nmid\n  <proposed_plan>\nsecond\n  </proposed_plan>  \nend'] }]),
    [
      'started agentMessage m',
      'delta m "A <proposed_plan> inline\\n"',
      'started plan T-plan',
      'planDelta T-plan "first\\n"',
      'delta m "mid\\n"',
      'planDelta T-plan "second\\n"',
      'delta m "end"',
      'completed plan T-plan "second\\n"',
      'completed agentMessage m "A <proposed_plan> inline\\nmid\\nend"',
    ],
  );
});

test('blank text before the first visible text goes out with it', () => {
  assert.deepEqual(run([{ id: 'm', deltas: ['\n', 'Hello\n<proposed_plan>\nx\n</proposed_plan>\n', '\n', 'Bye\n'] }]), [
    'started agentMessage m',
    'delta m "\\nHello\\n"',
    'started plan T-plan',
    'planDelta T-plan "x\\n"',
    'delta m "\\n"',
    'delta m "Bye\\n"',
    'completed plan T-plan "x\\n"',
    'completed agentMessage m "\\nHello\\n\\nBye\\n"',
  ]);
});

test('an empty plan still starts and completes', () => {
  assert.deepEqual(run([{ id: 'm', deltas: ['<proposed_plan>\n</proposed_plan>\nText'] }]), [
    'started plan T-plan',
    'started agentMessage m',
    'delta m "Text"',
    'completed plan T-plan ""',
    'completed agentMessage m "Text"',
  ]);
  assert.deepEqual(run([{ id: 'm', deltas: ['Text\n<proposed_plan>'] }]), [
    'started agentMessage m',
    'delta m "Text\\n"',
    'started plan T-plan',
    'completed plan T-plan ""',
    'completed agentMessage m "Text\\n"',
  ]);
});

test('one plan per response: a second message keeps its text but its block is dropped', () => {
  assert.deepEqual(
    run([
      { id: 'm1', deltas: ['M1\n<proposed_plan>\nplan A\n</proposed_plan>\n'] },
      { id: 'm2', deltas: ['M2\n<proposed_plan>\nplan B\n</proposed_plan>\nM2 end'] },
    ]),
    [
      'started agentMessage m1',
      'delta m1 "M1\\n"',
      'started plan T-plan',
      'planDelta T-plan "plan A\\n"',
      'completed plan T-plan "plan A\\n"',
      'completed agentMessage m1 "M1\\n"',
      'started agentMessage m2',
      'delta m2 "M2\\n"',
      'delta m2 "M2 end"',
      'completed agentMessage m2 "M2\\nM2 end"',
    ],
  );
});

test('a message that arrives without deltas is parsed from its final text', () => {
  assert.deepEqual(run([{ id: 'm', deltas: [], text: '<proposed_plan>\nno deltas\n</proposed_plan>\nTail' }]), [
    'started plan T-plan',
    'completed plan T-plan "no deltas\\n"',
    'started agentMessage m',
    'completed agentMessage m "Tail"',
  ]);
});

test('a message never added is still completed from its final text', () => {
  const stream = new PlanModeStream('T');
  assert.deepEqual(stream.messageDone('m', 'Hi', 'final_answer').map(show), ['started agentMessage m', 'completed agentMessage m "Hi"']);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastProposedPlan, ProposedPlanParser, stripProposedPlans, type PlanSegment } from './proposed-plan.ts';

function parse(chunks: readonly string[]): PlanSegment[] {
  const parser = new ProposedPlanParser();
  return merged([...chunks.flatMap((c) => parser.push(c)), ...parser.finish()]);
}

/** Adjacent segments of one text kind joined: how chunking may differ without changing meaning. */
function merged(segments: readonly PlanSegment[]): PlanSegment[] {
  const out: PlanSegment[] = [];
  for (const s of segments) {
    const last = out.at(-1);
    if ((s.kind === 'text' || s.kind === 'planText') && last?.kind === s.kind) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

const text = (t: string): PlanSegment => ({ kind: 'text', text: t });
const planText = (t: string): PlanSegment => ({ kind: 'planText', text: t });
const START: PlanSegment = { kind: 'planStart' };
const END: PlanSegment = { kind: 'planEnd' };

/** Texts and their segments, from what the reference did with the same texts. */
const CASES: [string, PlanSegment[]][] = [
  ['plain text\n', [text('plain text\n')]],
  ['Intro line\n<proposed_plan>\n- step one\n- step two\n</proposed_plan>\nOutro', [text('Intro line\n'), START, planText('- step one\n- step two\n'), END, text('Outro')]],
  ['<proposed_plan>\n# Title\nbody\n</proposed_plan>\n', [START, planText('# Title\nbody\n'), END]],
  [
    'A <proposed_plan> inline\n<proposed_plan>  \nfirst\n</proposed_plan>\nmid\n  <proposed_plan>\nsecond\n  </proposed_plan>  \nend',
    [text('A <proposed_plan> inline\n'), START, planText('first\n'), END, text('mid\n'), START, planText('second\n'), END, text('end')],
  ],
  ['\n\n  <proposed_plan>\nopen plan', [text('\n\n'), START, planText('open plan'), END]],
  ['</proposed_plan>\nstray close\n<proposed_plan>\nouter\n<proposed_plan>\ninner\n</proposed_plan>\n', [text('</proposed_plan>\nstray close\n'), START, planText('outer\n<proposed_plan>\ninner\n'), END]],
  ['<proposed_plan>\n</proposed_plan>\nText', [START, END, text('Text')]],
  ['Text\n<proposed_plan>', [text('Text\n'), START, END]],
  ['<proposed_plan> extra\n', [text('<proposed_plan> extra\n')]],
  ['<proposed_plan>\r\nwindows\r\n</proposed_plan>\r\n', [START, planText('windows\r\n'), END]],
  ['<proposed', [text('<proposed')]],
  ['  \n<proposed_plan>\nü ✓ 🙂\n</proposed_plan>', [text('  \n'), START, planText('ü ✓ 🙂\n'), END]],
];

test('whole texts split into text and plan blocks as the reference splits them', () => {
  for (const [input, expected] of CASES) assert.deepEqual(parse([input]), expected, JSON.stringify(input));
});

test('the same segments however the text is cut in two', () => {
  for (const [input, expected] of CASES) {
    for (let i = 0; i <= input.length; i++) {
      assert.deepEqual(parse([input.slice(0, i), input.slice(i)]), expected, `${JSON.stringify(input)} cut at ${i}`);
    }
  }
});

test('the same segments however the text is cut in three', () => {
  for (const [input, expected] of CASES) {
    for (let i = 0; i <= input.length; i++) {
      for (let j = i; j <= input.length; j++) {
        assert.deepEqual(parse([input.slice(0, i), input.slice(i, j), input.slice(j)]), expected, `${JSON.stringify(input)} cut at ${i}, ${j}`);
      }
    }
  }
});

test('one character at a time', () => {
  for (const [input, expected] of CASES) assert.deepEqual(parse([...input]), expected);
});

test('a line start that may become a tag is held back; text that cannot is released at once', () => {
  const parser = new ProposedPlanParser();
  assert.deepEqual(parser.push('Intro\n<prop'), [text('Intro\n')]);
  assert.deepEqual(parser.push('osed_plan>'), []);
  assert.deepEqual(parser.push('  '), []);
  assert.deepEqual(parser.push('\n- a'), [START, planText('- a')]);
  assert.deepEqual(parser.push('\n</proposed_pl'), [planText('\n')]);
  assert.deepEqual(parser.push('an>\nOutro'), [END, text('Outro')]);
  assert.deepEqual(parser.finish(), []);
});

test('blank line starts wait for the line to decide', () => {
  const parser = new ProposedPlanParser();
  assert.deepEqual(parser.push('   '), []);
  assert.deepEqual(parser.push(' x'), [text('    x')]);
  assert.deepEqual(parser.push('\n  '), [text('\n')]);
  assert.deepEqual(parser.push('\n'), [text('  \n')]);
});

test('each push joins adjacent text of one kind', () => {
  const parser = new ProposedPlanParser();
  assert.deepEqual(parser.push('<proposed_plan>\n- step one\n- st'), [START, planText('- step one\n- st')]);
});

test('finish releases a held-back line and closes an open block', () => {
  const parser = new ProposedPlanParser();
  assert.deepEqual(parser.push('<proposed_plan>\nx\n</propo'), [START, planText('x\n')]);
  assert.deepEqual(parser.finish(), [planText('</propo'), END]);
});

test('stripProposedPlans keeps everything but the blocks and their tag lines', () => {
  assert.equal(stripProposedPlans('Intro line\n<proposed_plan>\n- a\n</proposed_plan>\nOutro'), 'Intro line\nOutro');
  assert.equal(stripProposedPlans('\nHello\n<proposed_plan>\nx\n</proposed_plan>\n\nBye\n'), '\nHello\n\nBye\n');
  assert.equal(stripProposedPlans('A <proposed_plan> inline\n'), 'A <proposed_plan> inline\n');
  assert.equal(stripProposedPlans('Text\n<proposed_plan>\nnever closed'), 'Text\n');
});

test('lastProposedPlan is the last block of the text, null without one', () => {
  assert.equal(lastProposedPlan('no plan here'), null);
  assert.equal(lastProposedPlan('a <proposed_plan> b'), null);
  assert.equal(lastProposedPlan('<proposed_plan>\nfirst\n</proposed_plan>\n<proposed_plan>\nsecond\n</proposed_plan>'), 'second\n');
  assert.equal(lastProposedPlan('<proposed_plan>\n</proposed_plan>'), '');
  assert.equal(lastProposedPlan('Text\n<proposed_plan>'), '');
  assert.equal(lastProposedPlan('<proposed_plan>\nopen plan'), 'open plan');
});

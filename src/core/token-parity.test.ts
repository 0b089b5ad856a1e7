import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResponseItem } from '../model/index.ts';
import { estimateTokens, replacementHistory } from './compaction.ts';
import { initialContextItems, instructionsFor, userInputItems } from './prompt/index.ts';
import { testContext } from './prompt/test-context.ts';
import { parseSkillHeader } from '../skills/frontmatter.ts';
import { systemSkillsDir } from '../skills/roots.ts';
import { SYSTEM_SKILLS } from '../skills/system/install.ts';

/**
 * After a compaction or a rollback the reference re-estimates the thread's usage (about 4 bytes a
 * token, instructions plus each history item as JSON) and announces it in
 * `thread/tokenUsage/updated`. The conformance goldens record its numbers, which follow from the
 * length of ITS texts; ours match them only because our texts are balanced to the same totals:
 *
 * - compact (`golden/compact.json`, 5379): BASE_INSTRUCTIONS + user "hello" + the handover note
 *   (HANDOVER_PREFIX + "\n" + the mock's summary);
 * - thread-lifecycle (`golden/thread-lifecycle.json`, 6229, after thread/rollback):
 *   BASE_INSTRUCTIONS + the developer message (the permissions text for danger-full-access and
 *   approval never) + the environment context + user "first question" + assistant "first answer".
 *
 * The environment facts are the conformance runner's: a cwd of `/tmp/appsrv-conf-XXXXXX/work`
 * (mkdtemp under /tmp always adds six characters), bash, Etc/UTC, a YYYY-MM-DD date. The user
 * message also lists the two bundled skills (in the runner's CODEX_HOME), as the reference's does.
 */
const GOLDEN = { compact: 5379, rollback: 6229 };

const CODEX_HOME = '/tmp/appsrv-conf-XXXXXX/codex-home';

/** The bundled skills as the runner's server lists them to the model. */
const systemSkills = Object.entries(SYSTEM_SKILLS).map(([folder, files]) => {
  const parsed = parseSkillHeader(String(files['SKILL.md']), folder);
  assert.ok('header' in parsed);
  return { name: parsed.header.name, description: parsed.header.description, path: `${systemSkillsDir(CODEX_HOME)}/${folder}/SKILL.md` };
});

const ctx = testContext({
  cwd: '/tmp/appsrv-conf-XXXXXX/work',
  skills: systemSkills,
  shell: { name: 'bash', path: '/bin/bash' },
  currentDate: '2026-01-01',
  timezone: 'Etc/UTC',
  env: {},
});

/** What the mock model answers, as stored: the message keeps the mock's item id. */
const answer = (text: string, id: string): ResponseItem => ({ type: 'message', role: 'assistant', content: [{ type: 'output_text', text }], id });

const bytes = (text: string) => Buffer.byteLength(text);
const tokens = (text: string) => Math.ceil(bytes(text) / 4);
const itemTokens = (item: ResponseItem) => tokens(JSON.stringify(item));

/** One line per part of an estimate, so a failure shows where the tokens went. */
function breakdown(instructions: string, history: readonly ResponseItem[], labels: readonly string[]): string {
  const lines = [`  ${tokens(instructions)} tokens (${bytes(instructions)} bytes): BASE_INSTRUCTIONS, src/core/prompt/base-instructions.ts`];
  history.forEach((item, i) => lines.push(`  ${itemTokens(item)} tokens (${bytes(JSON.stringify(item))} bytes of JSON): ${labels[i]}`));
  return lines.join('\n');
}

const REBALANCE = [
  'A token is 4 bytes rounded up, per text: reword the named text back to its old token count',
  '(or move the difference to another text). BASE_INSTRUCTIONS counts in both estimates, HANDOVER_PREFIX',
  'only after compaction, the permissions text only after rollback. Check with the conformance runner:',
  'scenarios compact.json and thread-lifecycle.json.',
].join(' ');

async function compactHistory(): Promise<ResponseItem[]> {
  const before = [...initialContextItems(ctx), ...(await userInputItems([{ type: 'text', text: 'hello', text_elements: [] }], { cwd: ctx.cwd })), answer('first answer', 'msg_1_0')];
  return replacementHistory(before, 'SUMMARY: the user said hello.');
}

async function rollbackHistory(): Promise<ResponseItem[]> {
  const question = await userInputItems([{ type: 'text', text: 'first question', text_elements: [] }], { cwd: ctx.cwd });
  return [...initialContextItems(ctx), ...question, answer('first answer', 'msg_1_0')];
}

test('the estimate after compaction is the reference\'s (golden compact: 5379)', async () => {
  const instructions = instructionsFor(ctx);
  const history = await compactHistory();
  const estimate = estimateTokens(instructions, history);
  const why = breakdown(instructions, history, ['user "hello" (fixed)', 'handover note: HANDOVER_PREFIX in src/core/compaction.ts + the summary']);
  assert.equal(
    estimate,
    GOLDEN.compact,
    `compact: our estimate is ${estimate}, the reference's ${GOLDEN.compact} (${estimate - GOLDEN.compact > 0 ? '+' : ''}${estimate - GOLDEN.compact}).\n${why}\n` +
      `If the rollback test fails by the same amount, re-balance BASE_INSTRUCTIONS; if only this one fails, re-balance HANDOVER_PREFIX. ${REBALANCE}`,
  );
});

test('the estimate after rollback is the reference\'s (golden thread-lifecycle: 6229)', async () => {
  const instructions = instructionsFor(ctx);
  const history = await rollbackHistory();
  const estimate = estimateTokens(instructions, history);
  const why = breakdown(instructions, history, [
    'developer message: permissionsText(never, danger-full-access) in src/core/prompt/permissions.ts',
    'user message: the bundled skills (src/core/prompt/skills-section.ts) and the environment context (runner facts, fixed)',
    'user "first question" (fixed)',
    'assistant "first answer" (fixed)',
  ]);
  assert.equal(
    estimate,
    GOLDEN.rollback,
    `rollback: our estimate is ${estimate}, the reference's ${GOLDEN.rollback} (${estimate - GOLDEN.rollback > 0 ? '+' : ''}${estimate - GOLDEN.rollback}).\n${why}\n` +
      `If the compact test fails by the same amount, re-balance BASE_INSTRUCTIONS; if only this one fails, re-balance the permissions text for danger-full-access + never (src/core/prompt/permissions.ts) or the skills section's own text. ${REBALANCE}`,
  );
});

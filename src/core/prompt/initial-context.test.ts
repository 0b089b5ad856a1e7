import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResponseItem } from '../../model/index.ts';
import { modeContext } from './collaboration-mode.ts';
import { isContextMessage } from './context-markers.ts';
import { initialContextItems } from './initial-context.ts';
import { testContext } from './test-context.ts';

const ENV = '<environment_context>\n  <cwd>/work/project</cwd>\n  <shell>bash</shell>\n  <current_date>2026-03-14</current_date>\n  <timezone>Europe/Paris</timezone>\n</environment_context>';

const sections = (item: ResponseItem) => (item.type === 'message' ? item.content.map((c) => (c.type === 'input_image' ? c.image_url : c.text)) : []);

test('without instructions: permissions, then the environment', () => {
  const [developer, user, ...rest] = initialContextItems(testContext());
  assert.deepEqual(rest, []);
  assert.equal(developer!.type === 'message' && developer.role, 'developer');
  assert.equal(sections(developer!).length, 1);
  assert.match(sections(developer!)[0]!, /^<permissions instructions>\n[\s\S]*\n<\/permissions instructions>$/);
  assert.deepEqual(user, { type: 'message', role: 'user', content: [{ type: 'input_text', text: ENV }] });
  assert.ok(isContextMessage(user!));
});

test('developer instructions and mode instructions join the developer message; AGENTS.md and skills lead the user one', () => {
  const ctx = testContext({
    developerInstructions: 'Prefer small commits.',
    ...modeContext({ mode: 'plan', settings: { model: 'mock-model', reasoning_effort: null, developer_instructions: null } }, false),
    userInstructions: 'Run npm test before finishing.',
    skills: [{ name: 'deploy', description: 'Ships the app.', path: '/skills/deploy/SKILL.md' }],
  });
  const [developer, user] = initialContextItems(ctx);
  const dev = sections(developer!);
  assert.equal(dev.length, 3);
  assert.equal(dev[1], 'Prefer small commits.');
  assert.match(dev[2]!, /^<collaboration_mode># Plan mode[\s\S]*<proposed_plan>[\s\S]*<\/collaboration_mode>$/);
  const [agents, env] = sections(user!);
  assert.equal(env, ENV);
  assert.ok(agents!.startsWith('# AGENTS.md instructions for /work/project\n\n<INSTRUCTIONS>\nRun npm test before finishing.\n\n## Skills\n'));
  assert.ok(agents!.includes('- deploy: Ships the app. (file: /skills/deploy/SKILL.md)'));
  assert.ok(agents!.endsWith('\n</INSTRUCTIONS>'));
});

test('a client-defined mode brings its own instructions', () => {
  const ctx = testContext(modeContext({ mode: 'default', settings: { model: 'm', reasoning_effort: 'high', developer_instructions: 'CUSTOM' } }, false));
  assert.equal(sections(initialContextItems(ctx)[0]!)[1], '<collaboration_mode>CUSTOM</collaboration_mode>');
});

test('skills that may only be used when asked for are not listed to the model', () => {
  const items = initialContextItems(
    testContext({ skills: [{ name: 'quiet', description: 'Only when asked.', path: '/skills/quiet/SKILL.md', implicit: false }] }),
  );
  assert.ok(!JSON.stringify(items).includes('## Skills'));
});

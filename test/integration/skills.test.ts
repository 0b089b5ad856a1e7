import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { startMockModel, mockConfig } from '../support/mock-model.ts';
import { startStdio, tempHome, type TempHome } from '../support/weft.ts';

const skillFile = (name: string, description: string) => `---\nname: ${name}\ndescription: ${description}\n---\n\nSteps.\n`;

function write(home: TempHome, path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

const names = (entry: { skills: { name: string }[] }) => entry.skills.map((s) => s.name);

test('skills/list: the repo, user and bundled skills; the bundled ones are written once to CODEX_HOME/skills/.system', async () => {
  const home = tempHome();
  write(home, join(home.cwd, '.agents/skills/deploy/SKILL.md'), skillFile('deploy', 'Ships the app.'));
  write(home, join(home.codexHome, 'skills/notes/SKILL.md'), skillFile('notes', 'Keeps notes.'));
  write(home, join(home.cwd, '.agents/skills/broken/SKILL.md'), 'no frontmatter\n');
  const first = await startStdio(home);
  try {
    await first.client.initialize();
    const { data } = (await first.client.request('skills/list', {})).result;
    assert.equal(data.length, 1);
    assert.equal(data[0].cwd, home.cwd);
    assert.deepEqual(names(data[0]), ['deploy', 'notes', 'skill-creator', 'skill-installer']);
    assert.deepEqual(data[0].errors, [{ path: join(home.cwd, '.agents/skills/broken/SKILL.md'), message: 'missing YAML frontmatter delimited by ---' }]);
    const creator = data[0].skills.find((s: { name: string }) => s.name === 'skill-creator');
    assert.equal(creator.path, join(home.codexHome, 'skills/.system/skill-creator/SKILL.md'));
    assert.equal(creator.interface.iconLarge, join(home.codexHome, 'skills/.system/skill-creator/assets/skill-creator.png'));
    assert.ok(statSync(creator.interface.iconLarge).size > 0);
  } finally {
    await first.weft.kill();
  }
  const marker = join(home.codexHome, 'skills/.system/.codex-system-skills.marker');
  const written = statSync(marker).mtimeMs;
  const second = await startStdio(home);
  try {
    await second.client.initialize();
    assert.equal(names((await second.client.request('skills/list', {})).result.data[0]).length, 4);
    assert.equal(statSync(marker).mtimeMs, written, 'an up-to-date folder is left alone');
  } finally {
    await second.weft.kill();
    home.dispose();
  }
});

test('skills/config/write turns a skill off in config.toml and skills/list reports it at once', async () => {
  const home = tempHome('model = "m"\n');
  const path = join(home.cwd, '.agents/skills/deploy/SKILL.md');
  write(home, path, skillFile('deploy', 'Ships the app.'));
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    assert.equal((await client.request('skills/list', {})).result.data[0].skills[0].enabled, true);
    assert.deepEqual((await client.request('skills/config/write', { path, enabled: false })).result, { effectiveEnabled: false });
    assert.equal(readFileSync(join(home.codexHome, 'config.toml'), 'utf8'), `model = "m"\n\n[[skills.config]]\npath = "${path}"\nenabled = false\n`);
    assert.equal((await client.request('skills/list', {})).result.data[0].skills[0].enabled, false);
    await client.request('skills/config/write', { path, enabled: true });
    assert.equal(readFileSync(join(home.codexHome, 'config.toml'), 'utf8'), 'model = "m"\n');
    const relative = await client.request('skills/list', { cwds: [home.cwd], perCwdExtraUserRoots: [{ cwd: home.cwd, extraUserRoots: ['x'] }] });
    assert.deepEqual(relative.error, { code: -32600, message: 'skills/list perCwdExtraUserRoots extraUserRoots paths must be absolute: x' });
  } finally {
    await weft.kill();
    home.dispose();
  }
});

test('a loaded thread watches its skill folders: a new skill is announced with skills/changed and listed without a reload', async () => {
  const mock = await startMockModel();
  const home = tempHome(mockConfig(mock.url));
  write(home, join(home.cwd, '.agents/skills/deploy/SKILL.md'), skillFile('deploy', 'Ships the app.'));
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    assert.deepEqual(names((await client.request('skills/list', {})).result.data[0]), ['deploy', 'skill-creator', 'skill-installer']);
    await client.request('thread/start', {});
    write(home, join(home.cwd, '.agents/skills/review/SKILL.md'), skillFile('review', 'Reviews changes.'));
    assert.deepEqual((await client.notification('skills/changed')).params, {});
    assert.deepEqual(names((await client.request('skills/list', {})).result.data[0]), ['deploy', 'review', 'skill-creator', 'skill-installer']);
  } finally {
    await weft.kill();
    await mock.close();
    home.dispose();
  }
});

test('the model is told the enabled skills and gets the SKILL.md of those the user names', async () => {
  const mock = await startMockModel([{ items: [{ type: 'message', text: 'done' }] }]);
  const home = tempHome(mockConfig(mock.url));
  write(home, join(home.cwd, '.agents/skills/deploy/SKILL.md'), skillFile('deploy', 'Ships the app.'));
  write(home, join(home.codexHome, 'skills/quiet/SKILL.md'), skillFile('quiet', 'Only when asked.'));
  write(home, join(home.codexHome, 'skills/quiet/agents/openai.yaml'), 'policy:\n  allow_implicit_invocation: false\n');
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    const thread = (await client.request('thread/start', {})).result.thread;
    await client.request('turn/start', { threadId: thread.id, input: [{ type: 'text', text: 'use $quiet', text_elements: [] }] });
    await client.notification('turn/completed');
    const input = mock.requests.find((r) => r.method === 'POST')!.body.input as { role: string; content: { text: string }[] }[];
    const agents = input.find((m) => m.role === 'user' && m.content[0]!.text.startsWith('# AGENTS.md instructions'))!.content[0]!.text;
    assert.ok(agents.includes(`- deploy: Ships the app. (file: ${join(home.cwd, '.agents/skills/deploy/SKILL.md')})`));
    assert.ok(agents.includes(`- skill-creator: Guide for creating effective skills.`));
    assert.ok(!agents.includes('- quiet:'), 'a skill that may not be used unasked is not listed');
    const injected = input.filter((m) => m.role === 'user' && m.content[0]!.text.startsWith('<skill>'));
    assert.deepEqual(injected.map((m) => m.content[0]!.text.split('\n')[1]), ['<name>quiet</name>']);
  } finally {
    await weft.kill();
    await mock.close();
    home.dispose();
  }
});

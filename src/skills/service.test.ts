import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { cacheKey, SkillsService } from './service.ts';

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'weft-skills-service-'));
  const cwd = join(root, 'work');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const skill = (name: string) => `---\nname: ${name}\ndescription: about ${name}\n---\n`;
  write('work/.agents/skills/one/SKILL.md', skill('one'));
  write('extra/x/SKILL.md', skill('x'));
  const service = new SkillsService({ codexHome: join(root, 'codex-home'), home: null, systemConfigDir: join(root, 'etc'), serverCwd: cwd });
  return { root, cwd, write, skill, service };
}

const names = (entry: { skills: { name: string }[] }) => entry.skills.map((s) => s.name);

test('a cwd is listed once and then served from the cache until a reload; `a/` and `a/.` are the same cwd', async () => {
  const { cwd, write, skill, service } = setup();
  assert.deepEqual(names(await service.list(cwd)), ['one', 'skill-creator', 'skill-installer']);
  write('work/.agents/skills/two/SKILL.md', skill('two'));
  assert.deepEqual(names(await service.list(`${cwd}/`)), ['one', 'skill-creator', 'skill-installer']);
  assert.deepEqual(names(await service.list(`${cwd}/.`, { forceReload: true })), ['one', 'two', 'skill-creator', 'skill-installer']);
  assert.equal((await service.list(`${cwd}/./`)).cwd, `${cwd}/./`);
});

test('extra roots add user skills and leave the bundled ones out; a later request without them gets the cached list', async () => {
  const { root, cwd, service } = setup();
  const withExtra = await service.list(cwd, { extraUserRoots: [join(root, 'extra')] });
  assert.deepEqual(withExtra.skills.map((s) => [s.name, s.scope]), [['one', 'repo'], ['x', 'user']]);
  assert.deepEqual(names(await service.list(cwd)), ['one', 'x']);
});

test('turned-off skills are reported disabled and not offered to the model; a config write clears the cache', async () => {
  const { root, cwd, write, skill, service } = setup();
  const path = join(root, 'work/.agents/skills/one/SKILL.md');
  await service.setEnabled(path, false);
  assert.equal((await service.list(cwd)).skills[0]!.enabled, false);
  assert.deepEqual((await service.forModel(cwd)).map((s) => s.name), ['skill-creator', 'skill-installer']);
  write('work/.agents/skills/two/SKILL.md', skill('two'));
  await service.setEnabled(path, true);
  assert.deepEqual((await service.forModel(cwd)).map((s) => [s.name, s.implicit]), [['one', true], ['two', true], ['skill-creator', true], ['skill-installer', true]]);
});

test('cache keys compare paths by components', () => {
  assert.equal(cacheKey('/a//b/./c/'), '/a/b/c');
  assert.equal(cacheKey('/a/../b'), '/a/../b');
  assert.equal(cacheKey('./rel/'), './rel');
  assert.equal(cacheKey('rel/./x'), 'rel/x');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseToml } from '../config/toml.ts';
import { setSkillEnabled } from './config-edit.ts';

const BASE = 'model = "mock-model"\n\n["features"]\n"remote_models" = false\n';
const ONE = '/nowhere/one/SKILL.md';
const TWO = '/nowhere/two/SKILL.md';

test('turning a skill off appends an entry after a blank line; again changes nothing', () => {
  const once = setSkillEnabled(BASE, ONE, false)!;
  assert.equal(once, `${BASE}\n[[skills.config]]\npath = "${ONE}"\nenabled = false\n`);
  assert.equal(setSkillEnabled(once, ONE, false), once);
  assert.equal(setSkillEnabled('', ONE, false), `[[skills.config]]\npath = "${ONE}"\nenabled = false\n`);
});

test('turning it back on removes its first entry and what is left empty; unknown paths change nothing', () => {
  const both = setSkillEnabled(setSkillEnabled(BASE, ONE, false)!, TWO, false)!;
  assert.equal(setSkillEnabled(both, TWO, true), `${BASE}\n[[skills.config]]\npath = "${ONE}"\nenabled = false\n`);
  assert.equal(setSkillEnabled(setSkillEnabled(both, TWO, true)!, ONE, true), BASE);
  assert.equal(setSkillEnabled(BASE, ONE, true), null);
  const twice = `[[skills.config]]\npath = "${ONE}"\nenabled = false\n\n[[skills.config]]\npath = "${ONE}"\nenabled = true\n`;
  // The blank line belongs to the second table, which stays.
  assert.equal(setSkillEnabled(twice, ONE, true), `\n[[skills.config]]\npath = "${ONE}"\nenabled = true\n`);
});

test('an existing entry is switched in place, its other keys and the file around it kept', () => {
  const text = `${BASE}\n# comment\n[skills]\nfoo = 1\n\n[[skills.config]]\npath = "${ONE}"\nenabled = true\nnote = "x"\n\n[after]\nx = 1\n`;
  const off = setSkillEnabled(text, ONE, false)!;
  assert.equal(off, text.replace('enabled = true', 'enabled = false'));
  assert.equal(setSkillEnabled(off, ONE, true), `${BASE}\n# comment\n[skills]\nfoo = 1\n\n[after]\nx = 1\n`);
  assert.equal(setSkillEnabled(`[skills]\n\n[[skills.config]]\npath = "${ONE}"\nenabled = false\n`, ONE, true), '');
});

test('settings in another form are left alone by "on" and replaced by "off", as the reference does', () => {
  const inline = `skills = { foo = 1, config = [{ path = "${ONE}", enabled = false }] }\n`;
  assert.equal(setSkillEnabled(inline, ONE, true), null);
  assert.deepEqual(parseToml(setSkillEnabled(inline, TWO, false)!), { skills: { config: [{ path: TWO, enabled: false }] } });
  const array = `model = "m"\n[skills]\nfoo = 1\nconfig = [{ path = "${ONE}", enabled = false }]\n`;
  assert.deepEqual(parseToml(setSkillEnabled(array, TWO, false)!), { model: 'm', skills: { foo: 1, config: [{ path: TWO, enabled: false }] } });
});

test('paths are stored resolved when they exist, as given otherwise; an entry found by its resolved path is rewritten', () => {
  const here = process.cwd();
  const entry = `[[skills.config]]\npath = "${here}/./package.json"\nenabled = true\n`;
  assert.equal(setSkillEnabled(entry, `${here}/package.json`, false), `[[skills.config]]\npath = "${here}/package.json"\nenabled = false\n`);
  assert.ok(setSkillEnabled('', `${here}/./src/../package.json`, false)!.includes(`path = "${here}/package.json"`));
  assert.ok(setSkillEnabled('', 'relative/SKILL.md', false)!.includes('path = "relative/SKILL.md"'));
});

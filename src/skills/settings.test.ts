import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readSkillSettings } from './settings.ts';

function settings(userToml: string, systemToml = '') {
  const dir = mkdtempSync(join(tmpdir(), 'weft-skill-settings-'));
  writeFileSync(join(dir, 'config.toml'), userToml);
  writeFileSync(join(dir, 'system.toml'), systemToml);
  return readSkillSettings(dir, join(dir, 'system.toml'));
}

test('the last entry for a path decides; paths are compared resolved', () => {
  const s = settings(
    '[[skills.config]]\npath = "/a/SKILL.md"\nenabled = false\n[[skills.config]]\npath = "/b/SKILL.md"\nenabled = false\n[[skills.config]]\npath = "/a/SKILL.md"\nenabled = true\n',
  );
  assert.deepEqual([...s.disabledPaths], ['/b/SKILL.md']);
});

test('an ill-shaped skills table turns nothing off', () => {
  assert.deepEqual([...settings('[[skills.config]]\npath = "/a/SKILL.md"\nenabled = false\n[[skills.config]]\nenabled = false\n').disabledPaths], []);
  assert.deepEqual([...settings('skills = 3\n').disabledPaths], []);
  assert.deepEqual([...settings('not toml [').disabledPaths], []);
});

test('project root markers come from the user file, else the machine-wide one, else .git', () => {
  assert.deepEqual(settings('project_root_markers = []\n').projectRootMarkers, []);
  assert.deepEqual(settings('', 'project_root_markers = [".hg"]\n').projectRootMarkers, ['.hg']);
  assert.deepEqual(settings('').projectRootMarkers, ['.git']);
});

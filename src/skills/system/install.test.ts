import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseSkillExtras } from '../metadata.ts';
import { parseSkillHeader } from '../frontmatter.ts';
import { installSystemSkills, SYSTEM_SKILLS, systemSkillsFingerprint } from './install.ts';

test('the bundled skills describe themselves as the reference reports its own', () => {
  const creator = parseSkillHeader(String(SYSTEM_SKILLS['skill-creator']!['SKILL.md']), 'skill-creator');
  assert.deepEqual(creator, {
    header: {
      name: 'skill-creator',
      description:
        "Guide for creating effective skills. This skill should be used when users want to create a new skill (or update an existing skill) that extends Codex's capabilities with specialized knowledge, workflows, or tool integrations.",
      shortDescription: 'Create or update a skill',
    },
  });
  const installer = parseSkillHeader(String(SYSTEM_SKILLS['skill-installer']!['SKILL.md']), 'skill-installer');
  assert.ok('header' in installer && installer.header.shortDescription === 'Install curated skills from openai/skills or other repos');
  assert.deepEqual(parseSkillExtras(String(SYSTEM_SKILLS['skill-installer']!['agents/openai.yaml']), '/s').interface, {
    displayName: 'Skill Installer',
    shortDescription: 'Install curated skills from openai/skills or other repos',
    iconSmall: '/s/assets/skill-installer-small.svg',
    iconLarge: '/s/assets/skill-installer.png',
    brandColor: null,
    defaultPrompt: null,
  });
});

test('installing writes every file and a marker; an outdated folder is replaced, a current one left alone', () => {
  const home = mkdtempSync(join(tmpdir(), 'weft-system-skills-'));
  const dir = join(home, 'skills', '.system');
  mkdirSync(join(dir, 'old-skill'), { recursive: true });
  writeFileSync(join(dir, '.codex-system-skills.marker'), 'something else\n');
  installSystemSkills(home);
  assert.ok(!existsSync(join(dir, 'old-skill')));
  assert.equal(readFileSync(join(dir, '.codex-system-skills.marker'), 'utf8'), `${systemSkillsFingerprint()}\n`);
  for (const [skill, files] of Object.entries(SYSTEM_SKILLS)) {
    for (const path of Object.keys(files)) assert.ok(existsSync(join(dir, skill, path)), `${skill}/${path}`);
  }
  writeFileSync(join(dir, 'skill-creator', 'note'), 'kept');
  installSystemSkills(home);
  assert.ok(existsSync(join(dir, 'skill-creator', 'note')));
});

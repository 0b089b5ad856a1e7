import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UserInput } from '../../protocol/index.ts';
import { mentionedSkills } from './skill-mentions.ts';
import type { SkillRef } from './skills-section.ts';

const ref = (name: string, path = `/skills/${name}/SKILL.md`): SkillRef => ({ name, description: name, path });
const text = (t: string): UserInput => ({ type: 'text', text: t, text_elements: [] });
const pick = (name: string, path: string): UserInput => ({ type: 'skill', name, path });
const names = (skills: SkillRef[]) => skills.map((s) => s.path);

const alpha = ref('alpha');
const beta = ref('beta');
const twinA = ref('twin', '/a/SKILL.md');
const twinB = ref('twin', '/b/SKILL.md');
const skills = [beta, alpha, twinA, twinB];

test('text mentions come in the skills\' order, not the text\'s', () => {
  assert.deepEqual(names(mentionedSkills([text('first $alpha then $beta')], skills)), [beta.path, alpha.path]);
});

test('picks come first and keep their name from being used again in the text', () => {
  assert.deepEqual(names(mentionedSkills([text('run $alpha'), pick('beta', beta.path)], skills)), [beta.path, alpha.path]);
  assert.deepEqual(names(mentionedSkills([text('run $alpha'), pick('alpha', '/missing/SKILL.md')], skills)), []);
});

test('an ambiguous name needs a link; shell variables are not mentions', () => {
  assert.deepEqual(names(mentionedSkills([text('use $twin')], skills)), []);
  assert.deepEqual(names(mentionedSkills([text('use $twin and [$whatever] ( skill:///b/SKILL.md )')], skills)), [twinB.path]);
  assert.deepEqual(names(mentionedSkills([text('echo $PATH $HOME')], [ref('PATH'), ref('home')])), []);
});

import type { UserInput } from '../../protocol/index.ts';
import type { SkillRef } from './skills-section.ts';

/** `$name` and `[$name](path)`; names are what skill folders are called. */
const MENTION = /\[\$([\w:-]+)\]\(([^)]+)\)|\$([\w:-]+)/g;

/**
 * The skills the user explicitly asked for, first those picked in the client (by path), then
 * those mentioned in the text: by link path, or by name when exactly one skill has that name and
 * the client's picks did not already use it. Each skill once.
 */
export function mentionedSkills(input: readonly UserInput[], skills: readonly SkillRef[]): SkillRef[] {
  const selected = new Map<string, SkillRef>();
  const picked = new Set<string>();
  const byPath = (path: string) => skills.find((s) => s.path === stripScheme(path));
  for (const item of input) {
    if (item.type !== 'skill' && !(item.type === 'mention' && isSkillPath(item.path))) continue;
    picked.add(item.name);
    const skill = byPath(item.path);
    if (skill) selected.set(skill.path, skill);
  }
  for (const item of input) {
    if (item.type !== 'text') continue;
    for (const [, linkedName, linkedPath, plainName] of item.text.matchAll(MENTION)) {
      const skill = linkedPath !== undefined ? byPath(linkedPath) : uniqueByName(skills, plainName!, picked);
      if (skill && (linkedName === undefined || skill.name === linkedName)) selected.set(skill.path, skill);
    }
  }
  return [...selected.values()];
}

function uniqueByName(skills: readonly SkillRef[], name: string, picked: ReadonlySet<string>): SkillRef | undefined {
  if (picked.has(name)) return undefined;
  const matches = skills.filter((s) => s.name === name);
  return matches.length === 1 ? matches[0] : undefined;
}

const isSkillPath = (path: string) => path.startsWith('skill://') || path.endsWith('/SKILL.md');
const stripScheme = (path: string) => path.replace(/^skill:\/\//, '');

import type { UserInput } from '../../protocol/index.ts';
import type { SkillRef } from './skills-section.ts';

/** Names that look like mentions but are shell variables. */
const ENV_VARS = new Set(['PATH', 'HOME', 'USER', 'SHELL', 'PWD', 'TMPDIR', 'TEMP', 'TMP', 'LANG', 'TERM', 'XDG_CONFIG_HOME']);
const NAME = /[\w:-]+/y;

interface TextMentions {
  /** Paths of `[$name](path)` links, without a `skill://` scheme. */
  paths: Set<string>;
  /** Names written as `$name`. */
  names: Set<string>;
}

/**
 * The skills the user explicitly asked for: first those picked in the client (by path, in input
 * order), then per text input those it links (`[$name](path)`) and then those it names (`$name`,
 * when exactly one skill has that name and no pick already used it), each group in the skills'
 * own order. Each skill once.
 */
export function mentionedSkills(input: readonly UserInput[], skills: readonly SkillRef[]): SkillRef[] {
  const selected: SkillRef[] = [];
  const seenPaths = new Set<string>();
  const seenNames = new Set<string>();
  const picked = new Set<string>();
  const select = (skill: SkillRef) => {
    seenPaths.add(skill.path);
    seenNames.add(skill.name);
    selected.push(skill);
  };
  for (const item of input) {
    if (item.type !== 'skill' && !(item.type === 'mention' && isSkillPath(item.path))) continue;
    picked.add(item.name);
    const skill = skills.find((s) => s.path === stripScheme(item.path));
    if (skill && !seenPaths.has(skill.path)) select(skill);
  }
  const nameCounts = new Map<string, number>();
  for (const s of skills) nameCounts.set(s.name, (nameCounts.get(s.name) ?? 0) + 1);
  for (const item of input) {
    if (item.type !== 'text') continue;
    const mentions = textMentions(item.text);
    for (const skill of skills) if (!seenPaths.has(skill.path) && mentions.paths.has(skill.path)) select(skill);
    for (const skill of skills) {
      if (seenPaths.has(skill.path) || picked.has(skill.name) || !mentions.names.has(skill.name)) continue;
      if (nameCounts.get(skill.name) === 1 && !seenNames.has(skill.name)) select(skill);
    }
  }
  return selected;
}

function textMentions(text: string): TextMentions {
  const mentions: TextMentions = { paths: new Set(), names: new Set() };
  for (let i = 0; i < text.length; ) {
    const link = text[i] === '[' ? linkAt(text, i) : null;
    if (link) {
      if (!ENV_VARS.has(link.name.toUpperCase()) && !/^(app|mcp):\/\//.test(link.path)) mentions.paths.add(stripScheme(link.path));
      i = link.end;
      continue;
    }
    const name = text[i] === '$' ? nameAt(text, i + 1) : null;
    if (!name) {
      i += 1;
      continue;
    }
    if (!ENV_VARS.has(name.toUpperCase())) mentions.names.add(name);
    i += 1 + name.length;
  }
  return mentions;
}

/** `[$name](path)`, spaces allowed before `(` and around the path. */
function linkAt(text: string, start: number): { name: string; path: string; end: number } | null {
  if (text[start + 1] !== '$') return null;
  const name = nameAt(text, start + 2);
  if (!name) return null;
  let i = start + 2 + name.length;
  if (text[i] !== ']') return null;
  i += 1;
  while (/\s/.test(text[i] ?? '')) i += 1;
  if (text[i] !== '(') return null;
  const close = text.indexOf(')', i + 1);
  if (close < 0) return null;
  const path = text.slice(i + 1, close).trim();
  return path ? { name, path, end: close + 1 } : null;
}

function nameAt(text: string, at: number): string | null {
  NAME.lastIndex = at;
  return NAME.exec(text)?.[0] ?? null;
}

const isSkillPath = (path: string) => path.startsWith('skill://') || path.endsWith('/SKILL.md');
const stripScheme = (path: string) => path.replace(/^skill:\/\//, '');

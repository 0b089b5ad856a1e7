import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ContentItem, ResponseItem } from '../../model/index.ts';
import type { UserInput } from '../../protocol/index.ts';
import { SKILL_OPEN } from './context-markers.ts';
import { localImageContent } from './local-image.ts';
import { textMessage } from './messages.ts';
import { mentionedSkills } from './skill-mentions.ts';
import type { SkillRef } from './skills-section.ts';

export interface UserInputOptions {
  /** Relative local image paths are read from here. */
  cwd: string;
  /** The enabled skills, to resolve skill picks and `$name` mentions against. */
  skills?: readonly SkillRef[];
}

/**
 * What the model gets for a turn's input: the user message (text and images in order; skill and
 * mention picks add nothing to it), then one message per skill asked for, carrying its SKILL.md.
 * A skill whose file cannot be read is left out.
 */
export async function userInputItems(input: readonly UserInput[], options: UserInputOptions): Promise<ResponseItem[]> {
  const content: ContentItem[] = [];
  let images = 0;
  for (const item of input) {
    switch (item.type) {
      case 'text':
        content.push({ type: 'input_text', text: item.text });
        break;
      case 'image':
        images += 1;
        content.push({ type: 'input_text', text: '<image>' }, { type: 'input_image', image_url: item.url }, { type: 'input_text', text: '</image>' });
        break;
      case 'localImage':
        images += 1;
        content.push(...(await localImageContent(resolve(options.cwd, item.path), `[Image #${images}]`, item.path)));
        break;
    }
  }
  const message: ResponseItem = { type: 'message', role: 'user', content };
  const skills = await Promise.all(mentionedSkills(input, options.skills ?? []).map(skillMessage));
  return [message, ...skills.filter((m): m is ResponseItem => m !== null)];
}

async function skillMessage(skill: SkillRef): Promise<ResponseItem | null> {
  const body = await readFile(skill.path, 'utf8').catch(() => null);
  if (body === null) return null;
  return textMessage('user', [`${SKILL_OPEN}\n<name>${skill.name}</name>\n<path>${skill.path}</path>\n${body}\n</skill>`]);
}

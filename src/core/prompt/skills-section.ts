/** A skill the model may use: its SKILL.md and what it is for. */
export interface SkillRef {
  name: string;
  description: string;
  /** Absolute path of the skill's SKILL.md. */
  path: string;
  /** false: used only when the user asks for it by name, so not listed to the model. */
  implicit?: boolean;
}

/**
 * The part of the user instructions that lists the skills the model may use on its own and how
 * to use them; null when there are none.
 */
export function skillsSection(skills: readonly SkillRef[]): string | null {
  const listed = skills.filter((s) => s.implicit !== false);
  if (listed.length === 0) return null;
  const list = listed.map((s) => `- ${s.name}: ${s.description} (file: ${s.path})`);
  return [
    '## Skills',
    'Skills are packaged instructions for particular tasks, each described by a `SKILL.md` file. These are available:',
    ...list,
    '### Using skills',
    '- Use a skill when the user names it (`$name` or in words) or when the task plainly matches its description, for that turn only; several named skills are all used. A skill is not carried into later turns unless named again.',
    '- If a named skill is not listed or its file cannot be read, say so in a sentence and continue as well as you can without it.',
    '- Open the `SKILL.md` and read only as much as the task needs. Paths in it are relative to the skill\'s directory. Load referenced files only when needed, run its scripts rather than retyping them, and reuse its templates and assets.',
    '- When several skills apply, use the fewest that cover the task and say in one line which ones you use, in what order, and why.',
    '- Keep the context small: summarise long material instead of pasting it, and do not follow references further than the task requires.',
  ].join('\n');
}

import { charCount, rustLines, rustTrim, singleLine } from './text.ts';
import { option, readYaml, str, struct } from './yaml/de.ts';

/** What a SKILL.md says about itself in its frontmatter. */
export interface SkillHeader {
  name: string;
  description: string;
  shortDescription: string | null;
}

export type HeaderResult = { header: SkillHeader } | { error: string };

const MAX_NAME = 64;
const MAX_DESCRIPTION = 1024;
const MAX_SHORT_DESCRIPTION = MAX_DESCRIPTION;

const FRONTMATTER = struct('SkillFrontmatter', {
  name: option(str),
  description: option(str),
  metadata: struct('SkillFrontmatterMetadata', { 'short-description': option(str) }),
});

/**
 * The YAML between a first line of `---` and the next such line (surrounding whitespace allowed);
 * null when either is missing or nothing lies between them.
 */
export function extractFrontmatter(contents: string): string | null {
  const lines = rustLines(contents);
  if (lines.length === 0 || rustTrim(lines[0]!) !== '---') return null;
  const end = lines.findIndex((line, i) => i > 0 && rustTrim(line) === '---');
  if (end <= 1) return null;
  return lines.slice(1, end).join('\n');
}

/**
 * Reads a SKILL.md's frontmatter. The name defaults to the skill's folder name; every text is
 * folded onto one line; errors are worded as the reference reports them in `skills/list`.
 */
export function parseSkillHeader(contents: string, folderName: string): HeaderResult {
  const frontmatter = extractFrontmatter(contents);
  if (frontmatter === null) return { error: 'missing YAML frontmatter delimited by ---' };
  let parsed: { name?: string; description?: string; metadata?: { 'short-description'?: string } };
  try {
    parsed = readYaml(frontmatter, FRONTMATTER) as typeof parsed;
  } catch (err) {
    return { error: `invalid YAML: ${(err as Error).message}` };
  }
  const name = nonEmpty(parsed.name) ?? (nonEmpty(folderName) || 'skill');
  const description = singleLine(parsed.description ?? '');
  const shortDescription = nonEmpty(parsed.metadata?.['short-description']);
  const problem =
    lengthProblem(name, MAX_NAME, 'name') ??
    lengthProblem(description, MAX_DESCRIPTION, 'description') ??
    (shortDescription === null ? null : lengthProblem(shortDescription, MAX_SHORT_DESCRIPTION, 'metadata.short-description'));
  return problem ? { error: problem } : { header: { name, description, shortDescription } };
}

function nonEmpty(text: string | undefined): string | null {
  const line = text === undefined ? '' : singleLine(text);
  return line || null;
}

function lengthProblem(value: string, max: number, field: string): string | null {
  if (!value) return `missing field \`${field}\``;
  if (charCount(value) > max) return `invalid ${field}: exceeds maximum length of ${max} characters`;
  return null;
}

import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { SkillDependencies, SkillInterface, SkillToolDependency } from '../protocol/index.ts';
import { charCount, rustTrim, singleLine } from './text.ts';
import { bool, option, readYaml, seq, str, struct } from './yaml/de.ts';

/** What a skill's optional `agents/openai.yaml` adds: how clients show it, what it needs, whether the model may pick it unasked. */
export interface SkillExtras {
  interface: SkillInterface | null;
  dependencies: SkillDependencies | null;
  /** `policy.allow_implicit_invocation`; null when not said. */
  allowImplicitInvocation: boolean | null;
}

export const NO_EXTRAS: SkillExtras = { interface: null, dependencies: null, allowImplicitInvocation: null };

const MAX_NAME = 64;
const MAX_TEXT = 1024;

const METADATA_FILE = struct('SkillMetadataFile', {
  interface: option(
    struct('Interface', {
      display_name: option(str),
      short_description: option(str),
      icon_small: option(str),
      icon_large: option(str),
      brand_color: option(str),
      default_prompt: option(str),
    }),
  ),
  dependencies: option(
    struct('Dependencies', {
      tools: seq(
        struct('DependencyTool', {
          type: option(str),
          value: option(str),
          description: option(str),
          transport: option(str),
          command: option(str),
          url: option(str),
        }),
      ),
    }),
  ),
  policy: option(struct('Policy', { allow_implicit_invocation: option(bool) })),
});

type Fields = Record<string, string | undefined>;
interface MetadataFile {
  interface?: Fields;
  dependencies?: { tools?: Fields[] };
  policy?: { allow_implicit_invocation?: boolean };
}

/** Reads `<skillDir>/agents/openai.yaml`; a missing or unreadable file adds nothing, as in the reference. */
export async function loadSkillExtras(skillDir: string): Promise<SkillExtras> {
  const path = join(skillDir, 'agents', 'openai.yaml');
  if (!(await stat(path).catch(() => null))) return NO_EXTRAS;
  const text = await readFile(path, 'utf8').catch(() => null);
  return text === null ? NO_EXTRAS : parseSkillExtras(text, skillDir);
}

/** Interprets an openai.yaml; any problem with its shape drops the whole file, single bad values only themselves. */
export function parseSkillExtras(text: string, skillDir: string): SkillExtras {
  let file: MetadataFile;
  try {
    file = readYaml(text, METADATA_FILE) as MetadataFile;
  } catch {
    return NO_EXTRAS;
  }
  return {
    interface: file.interface ? skillInterface(file.interface, skillDir) : null,
    dependencies: file.dependencies ? dependencies(file.dependencies.tools ?? []) : null,
    allowImplicitInvocation: file.policy?.allow_implicit_invocation ?? null,
  };
}

function skillInterface(raw: Fields, skillDir: string): SkillInterface | null {
  const result: SkillInterface = {
    displayName: text(raw.display_name, MAX_NAME),
    shortDescription: text(raw.short_description, MAX_TEXT),
    iconSmall: assetPath(raw.icon_small, skillDir),
    iconLarge: assetPath(raw.icon_large, skillDir),
    brandColor: color(raw.brand_color),
    defaultPrompt: text(raw.default_prompt, MAX_TEXT),
  };
  return Object.values(result).some((v) => v !== null) ? result : null;
}

function dependencies(raw: Fields[]): SkillDependencies | null {
  const tools = raw.flatMap((tool): SkillToolDependency[] => {
    const type = text(tool.type, MAX_NAME);
    const value = text(tool.value, MAX_TEXT);
    if (type === null || value === null) return [];
    const optional = {
      description: text(tool.description, MAX_TEXT),
      transport: text(tool.transport, MAX_NAME),
      command: text(tool.command, MAX_TEXT),
      url: text(tool.url, MAX_TEXT),
    };
    return [{ type, value, ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== null)) }];
  });
  return tools.length ? { tools } : null;
}

/** One line of at most `max` characters, or nothing. */
function text(raw: string | undefined, max: number): string | null {
  if (raw === undefined) return null;
  const line = singleLine(raw);
  return line && charCount(line) <= max ? line : null;
}

/** Icons must be relative paths inside the skill's `assets/` folder; they are reported absolute. */
function assetPath(raw: string | undefined, skillDir: string): string | null {
  if (!raw || isAbsolute(raw)) return null;
  const parts: string[] = [];
  for (const part of raw.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return null;
    parts.push(part);
  }
  return parts[0] === 'assets' ? join(skillDir, ...parts) : null;
}

function color(raw: string | undefined): string | null {
  const value = raw === undefined ? '' : rustTrim(raw);
  return /^#[0-9A-Fa-f]{6}$/.test(value) ? value : null;
}

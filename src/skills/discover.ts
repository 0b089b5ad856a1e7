import { lstat, opendir, readFile, realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SkillErrorInfo, SkillScope } from '../protocol/index.ts';
import { osErrorText } from '../util/os-error.ts';
import { parseSkillHeader, type SkillHeader } from './frontmatter.ts';
import { loadSkillExtras, type SkillExtras } from './metadata.ts';
import type { SkillRoot } from './roots.ts';
import { compareCodePoints } from './text.ts';

/** A skill found on disk, before the user's enabled/disabled settings apply. */
export interface FoundSkill extends SkillHeader, SkillExtras {
  /** Its SKILL.md, resolved. */
  path: string;
  scope: SkillScope;
}

export interface SkillScan {
  skills: FoundSkill[];
  /** Unreadable or invalid SKILL.md files (never the bundled ones). */
  errors: SkillErrorInfo[];
}

const SKILL_FILE = 'SKILL.md';
/** Folders deeper than this below a root are not searched. */
const MAX_DEPTH = 6;
/** A root with more folders than this is searched only that far. */
const MAX_DIRS_PER_ROOT = 2000;
const SCOPE_RANK: Record<SkillScope, number> = { repo: 0, user: 1, system: 2, admin: 3 };

/**
 * Every SKILL.md under the roots, breadth first, skipping hidden entries. Symlinked folders are
 * followed except among the bundled skills; symlinked files never are. A skill reached twice is
 * listed once; the list is ordered by scope, name, then path.
 */
export async function scanSkillRoots(roots: readonly SkillRoot[]): Promise<SkillScan> {
  const scan: SkillScan = { skills: [], errors: [] };
  for (const root of roots) await scanRoot(root, scan);
  const seen = new Set<string>();
  scan.skills = scan.skills.filter((s) => !seen.has(s.path) && seen.add(s.path));
  scan.skills.sort(
    (a, b) => SCOPE_RANK[a.scope] - SCOPE_RANK[b.scope] || compareCodePoints(a.name, b.name) || compareCodePoints(a.path, b.path),
  );
  return scan;
}

async function scanRoot({ path, scope }: SkillRoot, scan: SkillScan): Promise<void> {
  const root = await realpath(path).catch(() => null);
  if (!root || !(await stat(root).catch(() => null))?.isDirectory()) return;
  const followLinks = scope !== 'system';
  const visited = new Set([root]);
  const queue: [string, number][] = [[root, 0]];
  const enqueue = async (dir: string, depth: number) => {
    const resolved = await realpath(dir).catch(() => null);
    if (!resolved || depth > MAX_DEPTH || visited.size >= MAX_DIRS_PER_ROOT || visited.has(resolved)) return;
    visited.add(resolved);
    queue.push([resolved, depth]);
  };
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [dir, depth] = next;
    for (const entry of await entries(dir)) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      const kind = await entryKind(entry, path);
      if (kind === 'link') {
        if (followLinks && (await stat(path).catch(() => null))?.isDirectory()) await enqueue(path, depth + 1);
      } else if (kind === 'dir') {
        await enqueue(path, depth + 1);
      } else if (kind === 'file' && entry.name === SKILL_FILE) {
        const result = await readSkill(path, scope);
        if ('skill' in result) scan.skills.push(result.skill);
        else if (scope !== 'system') scan.errors.push({ path, message: result.error });
      }
    }
  }
}

/** A folder's entries in the order the filesystem gives them (as the reference reads them). */
async function entries(dir: string): Promise<Dirent[]> {
  const list: Dirent[] = [];
  try {
    for await (const entry of await opendir(dir)) list.push(entry);
  } catch {
    // An unreadable folder is passed over.
  }
  return list;
}

async function entryKind(entry: Dirent, path: string): Promise<'link' | 'dir' | 'file' | 'other'> {
  if (entry.isSymbolicLink()) return 'link';
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  if (entry.isBlockDevice() || entry.isCharacterDevice() || entry.isFIFO() || entry.isSocket()) return 'other';
  // The filesystem did not say (DT_UNKNOWN): look.
  const info = await lstat(path).catch(() => null);
  if (!info) return 'other';
  return info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'dir' : info.isFile() ? 'file' : 'other';
}

/** Reads one SKILL.md with its optional metadata; errors are worded as the reference's. */
export async function readSkill(path: string, scope: SkillScope): Promise<{ skill: FoundSkill } | { error: string }> {
  let contents: string;
  try {
    // A byte order mark is kept: like the reference, a file starting with one has no frontmatter.
    contents = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await readFile(path));
  } catch (err) {
    const reason = err instanceof TypeError ? 'stream did not contain valid UTF-8' : osErrorText(err);
    return { error: `failed to read file: ${reason}` };
  }
  const dir = dirname(path);
  const parsed = parseSkillHeader(contents, basename(dir));
  if ('error' in parsed) return parsed;
  const extras = await loadSkillExtras(dir);
  const resolved = await realpath(path).catch(() => path);
  return { skill: { ...parsed.header, ...extras, path: resolved, scope } };
}

import { realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectDirs } from '../config/index.ts';
import type { SkillScope } from '../protocol/index.ts';

/** A folder searched for skills, and the scope its skills are reported with. */
export interface SkillRoot {
  path: string;
  scope: SkillScope;
}

export interface RootsInput {
  /** Absolute. */
  cwd: string;
  codexHome: string;
  /** The user's home folder; null when unknown. */
  home: string | null;
  /** `project_root_markers` from the user's config (default `.git`). */
  projectRootMarkers: readonly string[];
  /** The machine-wide config folder (`/etc/codex`); tests point it elsewhere. */
  systemConfigDir: string;
  /** Absolute folders a client added for this cwd (`perCwdExtraUserRoots`). */
  extraUserRoots?: readonly string[];
}

/** Where the reference keeps the skills it ships, inside CODEX_HOME. */
export const systemSkillsDir = (codexHome: string) => join(codexHome, 'skills', '.system');

/**
 * The folders skills are read from for a working directory, in the reference's order of
 * precedence (a skill found twice keeps the first root's scope): the project's `.codex/skills`
 * (deepest first), `$CODEX_HOME/skills`, `$HOME/.agents/skills`, the bundled system skills,
 * `/etc/codex/skills`, then each `.agents/skills` from the project root down to the cwd, then the
 * client's extra roots.
 */
export function skillRoots(input: RootsInput): SkillRoot[] {
  const dirs = projectDirs(input.cwd, input.projectRootMarkers);
  const roots: SkillRoot[] = [];
  for (const dir of [...dirs].reverse()) {
    const dotCodex = join(dir, '.codex');
    if (isDir(dotCodex) && resolve(dotCodex) !== resolve(input.codexHome)) roots.push({ path: join(dotCodex, 'skills'), scope: 'repo' });
  }
  roots.push({ path: join(input.codexHome, 'skills'), scope: 'user' });
  if (input.home) roots.push({ path: join(input.home, '.agents', 'skills'), scope: 'user' });
  roots.push({ path: systemSkillsDir(input.codexHome), scope: 'system' });
  roots.push({ path: join(input.systemConfigDir, 'skills'), scope: 'admin' });
  for (const dir of dirs) {
    const agents = join(dir, '.agents', 'skills');
    if (isDir(agents)) roots.push({ path: agents, scope: 'repo' });
  }
  const seen = new Set<string>();
  const unique = roots.filter((root) => !seen.has(root.path) && seen.add(root.path));
  return [...unique, ...normalizedExtraRoots(input.extraUserRoots ?? []).map((path) => ({ path, scope: 'user' as const }))];
}

function normalizedExtraRoots(roots: readonly string[]): string[] {
  const resolved = roots.map((root) => {
    try {
      return realpathSync(root);
    } catch {
      return root;
    }
  });
  return [...new Set(resolved)].sort();
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

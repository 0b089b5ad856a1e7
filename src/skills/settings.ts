import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { parseToml } from '../config/toml.ts';
import { isTable, type TomlTable } from '../config/tree.ts';

/** What the user's config says about skills, read afresh whenever skills are (re)loaded. */
export interface SkillSettings {
  /** Resolved SKILL.md paths turned off with `[[skills.config]] enabled = false`. */
  disabledPaths: ReadonlySet<string>;
  /** `project_root_markers`; `.git` unless set. */
  projectRootMarkers: readonly string[];
}

export const DEFAULT_PROJECT_ROOT_MARKERS = ['.git'];

/**
 * Reads `$CODEX_HOME/config.toml` (and the machine-wide file for the root markers). Like the
 * reference, a `skills` table of the wrong shape turns nothing off, and an unreadable file is as
 * good as an empty one here.
 */
export function readSkillSettings(codexHome: string, systemConfigFile: string): SkillSettings {
  const user = readTable(join(codexHome, 'config.toml'));
  const system = readTable(systemConfigFile);
  return {
    disabledPaths: disabledPaths(user.skills),
    projectRootMarkers: rootMarkers(user.project_root_markers) ?? rootMarkers(system.project_root_markers) ?? DEFAULT_PROJECT_ROOT_MARKERS,
  };
}

/** A path as settings store and compare it: resolved when it exists, as written otherwise. */
export function normalizeSkillPath(path: string): string {
  if (path === '') return path;
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function readTable(file: string): TomlTable {
  try {
    return parseToml(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

function disabledPaths(skills: unknown): Set<string> {
  const entries = isTable(skills) ? (skills.config ?? []) : [];
  if (!Array.isArray(entries) || !entries.every(isEntry)) return new Set();
  // Later entries for the same path win.
  const enabled = new Map<string, boolean>();
  for (const entry of entries) enabled.set(normalizeSkillPath(entry.path), entry.enabled);
  return new Set([...enabled].filter(([, on]) => !on).map(([path]) => path));
}

const isEntry = (v: unknown): v is { path: string; enabled: boolean } =>
  isTable(v) && typeof v.path === 'string' && v.path !== '' && typeof v.enabled === 'boolean';

function rootMarkers(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((m) => typeof m === 'string') ? value : null;
}

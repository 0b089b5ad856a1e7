import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from './errors.ts';
import { resolveLayerPaths } from './paths.ts';
import { parseToml, TomlSyntaxError } from './toml.ts';
import { getKey, isTable, type TomlTable } from './tree.ts';

/**
 * Project config: `.codex/config.toml` in the folders from the project root down to the working
 * directory. Each folder's file is read, but it counts only when the folder (or the project root,
 * or the git repository holding it) is marked trusted under `[projects]` in the user config.
 */
export interface ProjectLayer {
  dotCodexFolder: string;
  config: TomlTable;
  /** Why the layer is not applied; unset when it is. */
  disabledReason?: string;
  /** Whether the folder has a config.toml at all (an empty `.codex` folder is still a layer). */
  hasFile: boolean;
  /** The file's text, to find positions for error messages. */
  text?: string;
}

interface Trust {
  level?: 'trusted' | 'untrusted';
  key: string;
}

export const DEFAULT_ROOT_MARKERS = ['.git'];

/**
 * The project layers for `cwd`, lowest precedence (the project root's) first. `merged` is what the
 * layers below the project say: it holds `project_root_markers` and the `[projects]` trust table.
 */
export function readProjectLayers(cwd: string, merged: TomlTable, codexHome: string, userFile: string, home: string | undefined): ProjectLayer[] {
  const dirs = projectDirs(cwd, rootMarkers(merged));
  const root = dirs[0]!;
  const repo = gitRepoRoot(cwd);
  const trusted = trustTable(merged);
  const decide = (dir: string): Trust => {
    for (const key of [dir, root, repo]) {
      if (key !== undefined && Object.hasOwn(trusted, key)) return { level: trusted[key], key };
    }
    return { key: repo ?? root };
  };
  const layers: ProjectLayer[] = [];
  for (const dir of dirs) {
    const dotCodex = join(dir, '.codex');
    if (!isDirectory(dotCodex) || resolve(dotCodex) === resolve(codexHome)) continue;
    const trust = decide(dir);
    const reason = disabledReason(trust, userFile);
    const file = join(dotCodex, 'config.toml');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        layers.push({ dotCodexFolder: dotCodex, config: {}, hasFile: false });
        continue;
      }
      throw new ConfigError(`Failed to read project config file ${file}: ${(err as Error).message}`);
    }
    let config: TomlTable;
    try {
      config = parseToml(text);
    } catch (err) {
      if (!(err instanceof TomlSyntaxError)) throw err;
      // A broken file in a folder that does not count is not worth failing for.
      if (!reason) throw new ConfigError(err.reason, { file, line: err.line, column: err.column });
      layers.push({ dotCodexFolder: dotCodex, config: {}, disabledReason: reason, hasFile: true });
      continue;
    }
    layers.push({ dotCodexFolder: dotCodex, config: resolveLayerPaths(config, dotCodex, home), disabledReason: reason, hasFile: true, text });
  }
  return layers;
}

function disabledReason(trust: Trust, userFile: string): string | undefined {
  if (trust.level === 'trusted') return undefined;
  if (trust.level === 'untrusted') return `${trust.key} is marked as untrusted in ${userFile}. To load config.toml, mark it trusted.`;
  return `To load config.toml, add ${trust.key} as a trusted project in ${userFile}.`;
}

function rootMarkers(merged: TomlTable): string[] {
  const markers = getKey(merged, 'project_root_markers');
  if (markers === undefined) return DEFAULT_ROOT_MARKERS;
  if (!Array.isArray(markers) || !markers.every((m) => typeof m === 'string')) {
    throw new ConfigError('project_root_markers must be an array of strings');
  }
  return markers as string[];
}

function trustTable(merged: TomlTable): Record<string, 'trusted' | 'untrusted'> {
  const projects = getKey(merged, 'projects');
  const out: Record<string, 'trusted' | 'untrusted'> = {};
  if (!isTable(projects)) return out;
  for (const [path, project] of Object.entries(projects)) {
    const level = isTable(project) ? getKey(project, 'trust_level') : undefined;
    if (level === 'trusted' || level === 'untrusted') out[path] = level;
  }
  return out;
}

/** The nearest folder at or above `cwd` holding one of the markers; `cwd` itself when none does. */
export function projectRoot(cwd: string, markers: readonly string[]): string {
  return projectDirs(cwd, markers)[0]!;
}

/**
 * The folders of a project from its root (the nearest ancestor of `cwd` holding one of `markers`)
 * down to `cwd`; just `cwd` when none has a marker. Project config, rules, skills and AGENTS.md
 * are looked for in each. Paths are taken as given, not resolved.
 */
export function projectDirs(cwd: string, markers: readonly string[] = DEFAULT_ROOT_MARKERS): string[] {
  const chain = ancestors(cwd);
  const root = markers.length === 0 ? -1 : chain.findIndex((dir) => markers.some((marker) => existsSync(join(dir, marker))));
  return (root < 0 ? [cwd] : chain.slice(0, root + 1)).reverse();
}

/** The repository a folder belongs to; for a linked worktree, the main checkout. */
export function gitRepoRoot(cwd: string): string | undefined {
  for (const dir of ancestors(cwd)) {
    const dotGit = join(dir, '.git');
    if (!existsSync(dotGit)) continue;
    if (isDirectory(dotGit)) return dir;
    const gitdir = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    // A worktree's gitdir is <main>/.git/worktrees/<name>.
    const common = gitdir ? dirname(dirname(resolve(dir, gitdir))) : undefined;
    return common && common.endsWith('/.git') ? dirname(common) : dir;
  }
  return undefined;
}

function ancestors(dir: string): string[] {
  const out = [dir];
  while (dirname(out[out.length - 1]!) !== out[out.length - 1]) out.push(dirname(out[out.length - 1]!));
  return out;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

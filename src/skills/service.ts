import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SkillMetadata, SkillsListEntry } from '../protocol/index.ts';
import type { SkillRef } from '../core/prompt/skills-section.ts';
import { setSkillEnabled } from './config-edit.ts';
import { scanSkillRoots, type FoundSkill, type SkillScan } from './discover.ts';
import { projectDirs } from '../config/index.ts';
import { skillRoots } from './roots.ts';
import { readSkillSettings } from './settings.ts';
import { installSystemSkills } from './system/install.ts';
import { SkillWatcher } from './watcher.ts';

export interface SkillsServiceOptions {
  codexHome: string;
  /** Defaults to the user's home folder. */
  home?: string | null;
  /** The machine-wide config folder; defaults to `/etc/codex`. */
  systemConfigDir?: string;
  /** What relative and missing `cwds` mean; defaults to the process's working directory. */
  serverCwd?: string;
  /** Told about installation failures (the service works on without the bundled skills). */
  onError?: (message: string) => void;
}

interface Loaded {
  scan: SkillScan;
  disabled: ReadonlySet<string>;
}

/**
 * The skills of each working directory: discovered on first use and kept until a reload is
 * asked for, the settings change or a watched skill folder changes (as the reference caches
 * them). Also installs the bundled skills and watches the folders of loaded threads.
 */
export class SkillsService {
  /** Threads whose skill folders changed; they are told `skills/changed`. */
  onChanged: (threadIds: string[]) => void = () => {};
  private readonly cache = new Map<string, Loaded>();
  private readonly watcher: SkillWatcher;
  private readonly home: string | null;
  private readonly systemConfigDir: string;
  readonly serverCwd: string;
  private installed = false;

  constructor(private readonly options: SkillsServiceOptions) {
    this.home = options.home === undefined ? homedir() : options.home;
    this.systemConfigDir = options.systemConfigDir ?? '/etc/codex';
    this.serverCwd = options.serverCwd ?? process.cwd();
    this.watcher = new SkillWatcher((threadIds) => {
      this.cache.clear();
      this.onChanged(threadIds);
    });
  }

  /** `skills/list` for one cwd (reported as given). Extra roots leave the bundled skills out, as in the reference. */
  async list(cwd: string, opts: { forceReload?: boolean; extraUserRoots?: readonly string[] } = {}): Promise<SkillsListEntry> {
    const { scan, disabled } = await this.load(cwd, opts.forceReload ?? false, opts.extraUserRoots ?? []);
    return { cwd, skills: scan.skills.map((skill) => wireSkill(skill, !disabled.has(skill.path))), errors: scan.errors };
  }

  /** The enabled skills a turn in `cwd` may use; those the model may not pick unasked are marked. */
  async forModel(cwd: string): Promise<SkillRef[]> {
    const { scan, disabled } = await this.load(cwd, false, []);
    return scan.skills
      .filter((skill) => !disabled.has(skill.path))
      .map((skill) => ({ name: skill.name, description: skill.description, path: skill.path, implicit: skill.allowImplicitInvocation !== false }));
  }

  /** `skills/config/write`: records the choice in config.toml and forgets every cached list. */
  async setEnabled(path: string, enabled: boolean): Promise<void> {
    const file = join(this.options.codexHome, 'config.toml');
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '';
      throw err;
    });
    const updated = setSkillEnabled(text, path, enabled);
    if (updated !== null) {
      await mkdir(this.options.codexHome, { recursive: true });
      await writeFile(file, updated);
    }
    this.cache.clear();
  }

  /** Watches the skill folders of a loaded thread's cwd until `unwatchThread`. */
  watchThread(threadId: string, cwd: string): void {
    this.installOnce();
    const settings = readSkillSettings(this.options.codexHome, join(this.systemConfigDir, 'config.toml'));
    const absolute = this.absolute(cwd);
    const roots = skillRoots({ ...this.rootsInput(absolute), projectRootMarkers: settings.projectRootMarkers }).map((root) => root.path);
    const candidates = projectDirs(absolute, settings.projectRootMarkers).map((dir) => join(dir, '.agents', 'skills'));
    this.watcher.watch(threadId, [...roots, ...candidates]);
  }

  unwatchThread(threadId: string): void {
    this.watcher.unwatch(threadId);
  }

  close(): void {
    this.watcher.close();
  }

  /**
   * The bundled skills are written to disk when first needed (a list, a thread) rather than at
   * start-up, which the first `initialize` answer would otherwise wait for.
   */
  private installOnce(): void {
    if (this.installed) return;
    this.installed = true;
    try {
      installSystemSkills(this.options.codexHome);
    } catch (err) {
      this.options.onError?.(`failed to install system skills: ${(err as Error).message}`);
    }
  }

  private async load(cwd: string, forceReload: boolean, extraUserRoots: readonly string[]): Promise<Loaded> {
    this.installOnce();
    const key = cacheKey(cwd);
    const cached = this.cache.get(key);
    if (cached && !forceReload) return cached;
    const settings = readSkillSettings(this.options.codexHome, join(this.systemConfigDir, 'config.toml'));
    const roots = skillRoots({ ...this.rootsInput(this.absolute(cwd)), projectRootMarkers: settings.projectRootMarkers, extraUserRoots });
    const scan = await scanSkillRoots(roots);
    if (extraUserRoots.length) scan.skills = scan.skills.filter((skill) => skill.scope !== 'system');
    const loaded = { scan, disabled: settings.disabledPaths };
    this.cache.set(key, loaded);
    return loaded;
  }

  private rootsInput(cwd: string) {
    return { cwd, codexHome: this.options.codexHome, home: this.home, systemConfigDir: this.systemConfigDir };
  }

  private absolute(cwd: string): string {
    return resolve(this.serverCwd, cwd);
  }
}

/**
 * Paths are the same cache entry when their components are (`a/b/` is `a/b`, `a/./b` is `a/b`),
 * as the reference compares them; `..` is kept.
 */
export function cacheKey(path: string): string {
  const absolute = path.startsWith('/');
  const parts = path.split('/').filter((part, i) => part !== '' && (part !== '.' || (i === 0 && !absolute)));
  return (absolute ? '/' : '') + parts.join('/');
}

function wireSkill(skill: FoundSkill, enabled: boolean): SkillMetadata {
  return {
    name: skill.name,
    description: skill.description,
    ...(skill.shortDescription !== null && { shortDescription: skill.shortDescription }),
    ...(skill.interface && { interface: skill.interface }),
    ...(skill.dependencies && { dependencies: skill.dependencies }),
    path: skill.path,
    scope: skill.scope,
    enabled,
  };
}

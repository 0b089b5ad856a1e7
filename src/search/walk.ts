/**
 * Lists the files under one search root the way the reference's walker does: hidden files
 * included, `.ignore` files always honoured, git ignore rules (`.gitignore`, `.git/info/exclude`,
 * the global excludes file) only inside a git repository, ignore files of the root's parent
 * directories too, and ignored directories never entered.
 *
 * Unlike the reference, which follows every symbolic link, a link is followed only when its
 * target lies inside the root: a search must not read outside what the client named.
 */
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { matchRules, parseIgnoreFile, type IgnoreRule, type Verdict } from './ignore-rules.ts';

/** The ignore files of one directory. */
interface Frame {
  readonly dir: string;
  readonly ignore: readonly IgnoreRule[];
  readonly gitignore: readonly IgnoreRule[];
  readonly gitExclude: readonly IgnoreRule[];
  readonly hasGit: boolean;
}

interface Chain {
  /** Frames with at least one rule, nearest directory first (most directories have none). */
  readonly ruled: readonly Frame[];
  /** Whether this directory or any above it is a git repository's top directory. */
  readonly anyGit: boolean;
  /** Real paths of the directories from the root down to here, to refuse link cycles. */
  readonly realDirs: ReadonlySet<string>;
}

const hasRules = (f: Frame): boolean => f.ignore.length + f.gitignore.length + f.gitExclude.length > 0;

function extend(parent: Chain | null, frame: Frame, realDir: string | null): Chain {
  const realDirs = new Set(parent?.realDirs ?? []);
  if (realDir !== null) realDirs.add(realDir);
  // Git rules above a repository's top directory never apply inside it: drop them here.
  const above = frame.hasGit ? (parent?.ruled ?? []).map((f) => ({ ...f, gitignore: [], gitExclude: [] })) : (parent?.ruled ?? []);
  return {
    ruled: hasRules(frame) ? [frame, ...above] : above,
    anyGit: (parent?.anyGit ?? false) || frame.hasGit,
    realDirs,
  };
}

export interface WalkContext {
  readonly signal?: AbortSignal;
  /** The global git excludes (see loadGlobalExcludes), matched relative to `cwd`. */
  readonly globalExcludes: readonly IgnoreRule[];
  readonly cwd: string;
}

const PARALLEL_READS = 8;

async function readRules(file: string): Promise<IgnoreRule[]> {
  try {
    return parseIgnoreFile(await fs.readFile(file, 'utf8'));
  } catch {
    return [];
  }
}

async function loadFrame(dir: string, names: ReadonlySet<string>): Promise<Frame> {
  const gitIsDir = names.has('.git') && (await fs.stat(path.join(dir, '.git')).then((s) => s.isDirectory(), () => false));
  const [ignore, gitignore, gitExclude] = await Promise.all([
    names.has('.ignore') ? readRules(path.join(dir, '.ignore')) : [],
    names.has('.gitignore') ? readRules(path.join(dir, '.gitignore')) : [],
    gitIsDir ? readRules(path.join(dir, '.git', 'info', 'exclude')) : [],
  ]);
  return { dir, ignore, gitignore, gitExclude, hasGit: names.has('.git') };
}

async function namesIn(dir: string): Promise<Set<string>> {
  try {
    return new Set(await fs.readdir(dir));
  } catch {
    return new Set();
  }
}

/** Frames of the root's ancestors, nearest last. */
async function ancestorFrames(realRoot: string): Promise<Frame[]> {
  const dirs: string[] = [];
  for (let dir = path.dirname(realRoot); ; dir = path.dirname(dir)) {
    dirs.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  return Promise.all(dirs.map(async (dir) => loadFrame(dir, await namesIn(dir))));
}

/**
 * The first verdict per kind of ignore file, nearest directory first; git rules apply only in a
 * repository and stop at its top directory. `.ignore` beats `.gitignore` beats `info/exclude`
 * beats the global file.
 */
function verdictFor(chain: Chain, fullPath: string, isDir: boolean, ctx: WalkContext): Verdict {
  let ignore: Verdict = null;
  let gitignore: Verdict = null;
  let gitExclude: Verdict = null;
  for (const frame of chain.ruled) {
    const rel = fullPath.slice(frame.dir.endsWith('/') ? frame.dir.length : frame.dir.length + 1);
    ignore ??= matchRules(frame.ignore, rel, isDir);
    if (chain.anyGit) {
      gitignore ??= matchRules(frame.gitignore, rel, isDir);
      gitExclude ??= matchRules(frame.gitExclude, rel, isDir);
    }
  }
  const global = chain.anyGit && ctx.globalExcludes.length > 0 ? matchRules(ctx.globalExcludes, globalCandidate(fullPath, ctx.cwd), isDir) : null;
  return ignore ?? gitignore ?? gitExclude ?? global;
}

function globalCandidate(fullPath: string, cwd: string): string {
  const rel = path.relative(cwd, fullPath);
  return rel.startsWith('..') || path.isAbsolute(rel) ? fullPath : rel;
}

const inside = (realRoot: string, real: string): boolean => real === realRoot || real.startsWith(realRoot.endsWith('/') ? realRoot : `${realRoot}/`);

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Names that are not valid UTF-8 cannot be reported (the reference skips them too). */
function decodeName(name: Buffer): string | null {
  try {
    return utf8.decode(name);
  } catch {
    return null;
  }
}

interface Pending {
  /** Path relative to the root, `''` for the root itself. */
  readonly rel: string;
  /** Where the directory really is (differs from the walked path below a followed link). */
  readonly real: string;
  readonly parent: Chain | null;
}

/**
 * Calls `onFile` with the path (relative to `root`, `/`-separated) of every file the walk keeps.
 * Resolves when the walk is done or aborted; unreadable directories are skipped. Ignore rules see
 * walked paths under the root's real location, as the reference's walker does.
 */
export async function walkRoot(root: string, ctx: WalkContext, onFile: (rel: string) => void): Promise<void> {
  const realRoot = await fs.realpath(root).catch(() => null);
  if (realRoot === null || !(await fs.stat(realRoot).then((s) => s.isDirectory(), () => false))) return;
  let parent: Chain | null = null;
  for (const frame of await ancestorFrames(realRoot)) parent = extend(parent, frame, null);
  const queue: Pending[] = [{ rel: '', real: realRoot, parent }];
  const worker = async () => {
    for (let next = queue.pop(); next && !ctx.signal?.aborted; next = queue.pop()) {
      await visitDir(next, realRoot, ctx, onFile, (p) => queue.push(p));
    }
  };
  // Workers stop when the queue is momentarily empty while others still read; go again until done.
  while (queue.length > 0 && !ctx.signal?.aborted) {
    await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, queue.length) }, worker));
  }
}

async function visitDir(dir: Pending, realRoot: string, ctx: WalkContext, onFile: (rel: string) => void, push: (p: Pending) => void): Promise<void> {
  const walked = path.join(realRoot, dir.rel);
  let entries: Dirent<Buffer>[];
  try {
    entries = await fs.readdir(walked, { withFileTypes: true, encoding: 'buffer' });
  } catch {
    return;
  }
  const named = entries.flatMap((entry) => {
    const name = decodeName(entry.name);
    return name === null ? [] : [{ entry, name }];
  });
  const frame = await loadFrame(walked, new Set(named.map((n) => n.name)));
  const chain = extend(dir.parent, frame, dir.real);
  const prefix = walked.endsWith('/') ? walked : `${walked}/`;
  for (const { entry, name } of named) {
    const target = entry.isSymbolicLink() ? await resolveLink(path.join(dir.real, name), realRoot) : { isDir: entry.isDirectory(), real: `${dir.real === '/' ? '' : dir.real}/${name}` };
    if (target === null) continue;
    if (verdictFor(chain, prefix + name, target.isDir, ctx) === 'ignore') continue;
    const rel = dir.rel === '' ? name : `${dir.rel}/${name}`;
    if (!target.isDir) onFile(rel);
    else if (!chain.realDirs.has(target.real)) push({ rel, real: target.real, parent: chain });
  }
}

/** What a link leads to when its target is inside the root; null to skip it. */
async function resolveLink(realPath: string, realRoot: string): Promise<{ isDir: boolean; real: string } | null> {
  const real = await fs.realpath(realPath).catch(() => null);
  if (real === null || !inside(realRoot, real)) return null;
  const stat = await fs.stat(real).catch(() => null);
  return stat ? { isDir: stat.isDirectory(), real } : null;
}

/**
 * Git's global excludes file: `core.excludesFile` from the git configuration files (the global
 * ones first, then the system one), else `$XDG_CONFIG_HOME/git/ignore` or `~/.config/git/ignore`.
 */
export async function loadGlobalExcludes(env: NodeJS.ProcessEnv = process.env): Promise<IgnoreRule[]> {
  const home = env.HOME ?? os.homedir();
  const xdg = env.XDG_CONFIG_HOME ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  const configs = env.GIT_CONFIG_GLOBAL
    ? [env.GIT_CONFIG_GLOBAL]
    : [path.join(home, '.gitconfig'), path.join(xdg, 'git', 'config')];
  configs.push(env.GIT_CONFIG_SYSTEM ?? '/etc/gitconfig');
  for (const config of configs) {
    const text = await fs.readFile(config, 'utf8').catch(() => null);
    const file = text === null ? null : excludesFileSetting(text, home);
    if (file) return readRules(file);
  }
  return readRules(path.join(xdg, 'git', 'ignore'));
}

export function excludesFileSetting(config: string, home: string): string | null {
  const match = /^\s*excludesfile\s*=\s*"?\s*(\S+?)\s*"?\s*$/im.exec(config);
  if (!match) return null;
  const value = match[1]!;
  return value.startsWith('~/') ? path.join(home, value.slice(2)) : value;
}

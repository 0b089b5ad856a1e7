import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { enumOf, seq, str, struct, type Infer } from '../../config/schema.ts';
import type { PluginMarketplaceEntry, PluginSummary } from '../../protocol/index.ts';
import { RpcError } from '../../rpc/errors.ts';
import { pluginInterface } from './manifest.ts';
import { resolveDotSlash } from './relative-path.ts';

const MARKETPLACE_FILE = join('.agents', 'plugins', 'marketplace.json');

const rawMarketplace = struct(
  'MarketplaceManifest',
  {
    name: str,
    plugins: seq(
      struct(
        'MarketplacePlugin',
        { name: str, source: struct('MarketplacePluginSource', { source: enumOf(['local']), path: str }, { required: ['source', 'path'] }) },
        { required: ['name', 'source'] },
      ),
    ),
  },
  { required: ['name', 'plugins'] },
);

type RawMarketplace = Infer<typeof rawMarketplace>;

export interface MarketplaceSources {
  /** The user's home: `~/.agents/plugins/marketplace.json` is always looked at. */
  home: string | undefined;
  codexHome: string;
  /** The client's `cwds`: each one's git repository may have a marketplace. */
  cwds: readonly string[];
  /** `[plugins]` of the configuration, by plugin id (`<plugin>@<marketplace>`). */
  configured: Readonly<Record<string, { enabled: boolean }>>;
}

/**
 * `plugin/list` with the plugins feature on: the marketplaces of the home folder, of the curated
 * checkout in `$CODEX_HOME/.tmp/plugins` (when a sync left one) and of the git repositories of the
 * given cwds, in that order and each file once; a marketplace without plugins is left out. A
 * marketplace file that does not decode fails the whole request, as in the reference.
 */
export function listMarketplaces(sources: MarketplaceSources): PluginMarketplaceEntry[] {
  return marketplaceFiles(sources)
    .map((file) => marketplaceEntry(file, sources))
    .filter((m) => m.plugins.length > 0);
}

function marketplaceFiles({ home, codexHome, cwds }: MarketplaceSources): string[] {
  const files: string[] = [];
  if (home !== undefined && isFile(join(home, MARKETPLACE_FILE))) files.push(join(home, MARKETPLACE_FILE));
  for (const root of [join(codexHome, '.tmp', 'plugins'), ...cwds]) {
    const repo = gitRepoRoot(root);
    const file = repo === undefined ? undefined : join(repo, MARKETPLACE_FILE);
    if (file !== undefined && isFile(file) && !files.includes(file)) files.push(file);
  }
  return files;
}

function marketplaceEntry(file: string, { codexHome, configured }: MarketplaceSources): PluginMarketplaceEntry {
  const invalid = (message: string) => RpcError.badRequest(`invalid marketplace file \`${file}\`: ${message}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw invalid(err instanceof SyntaxError ? 'expected value' : (err as Error).message);
  }
  const issue = rawMarketplace.check(json, []);
  if (issue) throw invalid(issue.detail);
  const marketplace = json as RawMarketplace;
  // Plugin paths are relative to the folder holding `.agents/`, not to the file's own folder.
  const root = dirname(dirname(dirname(file)));
  const plugins = marketplace.plugins.map((plugin): PluginSummary => {
    const source = resolveDotSlash(root, plugin.source.path);
    if (!source.ok) throw invalid(SOURCE_PROBLEMS[source.why]);
    const id = `${plugin.name}@${marketplace.name}`;
    const config = Object.hasOwn(configured, id) ? configured[id] : undefined;
    return {
      id,
      name: plugin.name,
      source: { type: 'local', path: source.path },
      installed: config !== undefined && isDirectory(join(codexHome, 'plugins', 'cache', marketplace.name, plugin.name, 'local')),
      enabled: config?.enabled ?? false,
      interface: pluginInterface(source.path),
    };
  });
  return { name: marketplace.name, path: file, plugins };
}

const SOURCE_PROBLEMS = {
  prefix: 'local plugin source path must start with `./`',
  empty: 'local plugin source path must not be empty',
  escapes: 'local plugin source path must stay within the marketplace root',
} as const;

/** The nearest folder at or above `dir` holding a `.git` entry (a folder, or a worktree's file). */
export function gitRepoRoot(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

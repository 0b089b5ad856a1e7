import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { resolveCodexHome } from './codex-home.ts';
import { configToml, type ConfigToml } from './config-schema.ts';
import { ConfigError } from './errors.ts';
import { locateKey } from './locate.ts';
import { resolveLayerPaths } from './paths.ts';
import { readProjectLayers } from './project.ts';
import { featureToggleOverrides, overridesLayer, parseOverride } from './overrides.ts';
import { resolveSettings, UnresolvedReference, type Settings } from './settings.ts';
import { parseToml, TomlSyntaxError } from './toml.ts';
import { mergeTables, valueAt, versionOf, type KeyPath, type TomlTable } from './tree.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** The reference's layer names, as `config/read` reports them. */
export type LayerName =
  | { type: 'system'; file: string }
  | { type: 'user'; file: string }
  | { type: 'project'; dotCodexFolder: string }
  | { type: 'sessionFlags' };

export interface ConfigLayer {
  name: LayerName;
  config: TomlTable;
  /** `sha256:<hex>` of the layer's canonical JSON, as the reference computes it. */
  version: string;
  /** Set on a project layer that is read but not applied (its folder is not trusted). */
  disabledReason?: string;
}

export interface LoadOptions {
  /** Already resolved; otherwise resolved from `env` (see resolveCodexHome). */
  codexHome?: string;
  /** Raw `-c key=value` arguments, in command-line order. */
  overrides?: readonly string[];
  enable?: readonly string[];
  disable?: readonly string[];
  env?: Env;
  cwd?: string;
  /** The machine-wide layer; tests point it elsewhere. */
  systemFile?: string;
  /** Include the project layers (`.codex/config.toml`) that apply to this directory. */
  projectCwd?: string;
}

export interface LoadedConfig {
  codexHome: string;
  /** `$CODEX_HOME/config.toml`, whether or not it exists. */
  file: string;
  /**
   * Highest precedence first: session flags (when any), project layers (nearest folder first,
   * disabled ones included), user file, system file.
   */
  layers: readonly ConfigLayer[];
  /** All applied layers merged, before profile resolution: what `config/read` starts from. */
  raw: TomlTable;
  /** Project folders whose config.toml is not applied, with the reason, root first. */
  disabledProjects: readonly { dotCodexFolder: string; reason: string }[];
  /** `raw`, checked against the known keys' types. */
  toml: ConfigToml;
  settings: Settings;
  /** Worth logging at warn level (unknown feature keys and the like). */
  warnings: readonly string[];
  /** Set by loadStartupConfig when the files were unusable and defaults were used instead. */
  startupError?: ConfigError;
  /** What it was loaded from, CODEX_HOME resolved: loading again with this reads the files afresh. */
  source: LoadOptions;
}

export const SYSTEM_CONFIG_FILE = '/etc/codex/config.toml';

/**
 * Loads and checks the configuration; any problem is a ConfigError naming where it is. Async in
 * its signature, but the few small reads are synchronous: see resolveCodexHome for why.
 */
export async function loadConfig(options: LoadOptions = {}): Promise<LoadedConfig> {
  return load(options, true);
}

/** loadConfig for callers that cannot wait (a request handler deriving a thread's config). */
export function loadConfigSync(options: LoadOptions = {}): LoadedConfig {
  return load(options, true);
}

/**
 * The configuration as the files say now, with the same command-line overrides: what the
 * reference's list methods (experimental features, apps, plugins, MCP servers) read at each call.
 * Throws a ConfigError when the files have become unusable.
 */
export function reloadConfig(config: LoadedConfig): LoadedConfig {
  return load(config.source, true);
}

/**
 * What the reference does at start-up: an unusable config file is reported (`startupError`, for
 * the error log and the `configWarning` notification) and replaced by defaults plus the
 * command-line overrides. Only when those fail too (a bad `-c`, a bad CODEX_HOME) does it throw.
 */
export async function loadStartupConfig(options: LoadOptions = {}): Promise<LoadedConfig> {
  try {
    return load(options, true);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return { ...load(options, false), startupError: err };
  }
}

interface LayerSource {
  name: LayerName;
  config: TomlTable;
  /** The file's text, to find positions for error messages. */
  text?: string;
  disabledReason?: string;
}

/** The layers as read from disk, highest precedence first; only their TOML syntax is checked. */
export interface LayerStack {
  codexHome: string;
  /** `$CODEX_HOME/config.toml`, whether or not it exists. */
  file: string;
  layers: ConfigLayer[];
  /** The applied layers merged. */
  merged: TomlTable;
  disabledProjects: { dotCodexFolder: string; reason: string }[];
  /** For blaming a problem in the merged document on a file and position. */
  blame(path: KeyPath, detail: string): ConfigError;
}

/**
 * Reads every layer: system file, user file, the project layers of `projectCwd` when given, and
 * the `-c` overrides. Unreadable or malformed files are a ConfigError; values are not checked.
 */
export function readLayerStack(options: LoadOptions = {}, withFiles = true): LayerStack {
  const env = options.env ?? process.env;
  const codexHome = options.codexHome ?? resolveCodexHome(env, options.cwd);
  const file = join(codexHome, 'config.toml');
  const home = env['HOME'];
  const overrides = [
    ...(options.overrides ?? []).map(parseOverride),
    ...featureToggleOverrides(options.enable ?? [], options.disable ?? []),
  ];
  const flags: LayerSource | undefined = overrides.length ? { name: { type: 'sessionFlags' }, config: overridesLayer(overrides) } : undefined;
  const sources: LayerSource[] = []; // lowest precedence first
  if (withFiles) {
    const systemFile = options.systemFile ?? SYSTEM_CONFIG_FILE;
    sources.push(readLayer({ type: 'system', file: systemFile }, dirname(systemFile), home));
    sources.push(readLayer({ type: 'user', file }, codexHome, home));
  }
  const disabledProjects: LayerStack['disabledProjects'] = [];
  if (withFiles && options.projectCwd !== undefined) {
    const below = mergeLayers(flags ? [...sources, flags] : sources);
    for (const layer of readProjectLayers(resolve(options.projectCwd), below, codexHome, file, home)) {
      const { dotCodexFolder, config, disabledReason, hasFile, text } = layer;
      sources.push({ name: { type: 'project', dotCodexFolder }, config, text, disabledReason });
      if (disabledReason && hasFile) disabledProjects.push({ dotCodexFolder, reason: disabledReason });
    }
  }
  if (flags) sources.push(flags);
  const layers = [...sources].reverse().map(lazyVersionLayer);
  return {
    codexHome,
    file,
    layers,
    merged: mergeLayers(sources),
    disabledProjects,
    blame: (path, detail) => errorAt(path, detail, sources.filter((s) => !s.disabledReason)),
  };
}

/** The applied layers (lowest precedence first) merged into one document. */
function mergeLayers(sources: readonly { config: TomlTable; disabledReason?: string }[]): TomlTable {
  return sources.filter((s) => !s.disabledReason).reduce<TomlTable>((merged, source) => mergeTables(merged, source.config), {});
}

function load(options: LoadOptions, withFiles: boolean): LoadedConfig {
  const env = options.env ?? process.env;
  const stack = readLayerStack(options, withFiles);
  const raw = stack.merged;
  const issue = configToml.check(raw, []);
  if (issue) throw stack.blame(issue.path, issue.detail);
  const toml = raw as ConfigToml;
  let resolved;
  try {
    resolved = resolveSettings(toml, env);
  } catch (err) {
    if (err instanceof UnresolvedReference) throw stack.blame(err.key, err.message);
    throw err;
  }
  const { codexHome, file, layers, disabledProjects } = stack;
  const source = { ...options, codexHome };
  return { codexHome, file, layers, raw, toml, settings: resolved.settings, warnings: resolved.warnings, disabledProjects, source };
}

/** Hashing loads node:crypto, which start-up should not pay for; the version is computed when read. */
function lazyVersionLayer({ name, config, disabledReason }: LayerSource): ConfigLayer {
  let version: string | undefined;
  return {
    name,
    config,
    get version() {
      return (version ??= versionOf(config));
    },
    ...(disabledReason ? { disabledReason } : {}),
  };
}

function readLayer(name: LayerName & { file: string }, baseDir: string, home: string | undefined): LayerSource {
  let text: string;
  try {
    text = readFileSync(name.file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { name, config: {} };
    throw new ConfigError(`cannot read the file: ${(err as Error).message}`, { file: name.file });
  }
  try {
    return { name, config: resolveLayerPaths(parseToml(text), baseDir, home), text };
  } catch (err) {
    if (err instanceof TomlSyntaxError) {
      throw new ConfigError(err.reason, { file: name.file, line: err.line, column: err.column });
    }
    throw err;
  }
}

/** Blames the highest-precedence layer that sets `path`, with a position when it is a file. */
function errorAt(path: KeyPath, detail: string, sources: readonly LayerSource[]): ConfigError {
  const key = path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
  const source = [...sources].reverse().find((s) => valueAt(s.config, path) !== undefined);
  if (!source) return new ConfigError(detail, { key });
  if (source.name.type === 'sessionFlags') return new ConfigError(detail, { key, origin: '-c/--config' });
  const file = source.name.type === 'project' ? join(source.name.dotCodexFolder, 'config.toml') : source.name.file;
  const at = source.text === undefined ? undefined : locateKey(source.text, path);
  return new ConfigError(detail, { file, line: at?.line, column: at?.column, key });
}

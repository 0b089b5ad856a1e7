import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveCodexHome } from './codex-home.ts';
import { configToml, type ConfigToml } from './config-schema.ts';
import { ConfigError } from './errors.ts';
import { locateKey } from './locate.ts';
import { featureToggleOverrides, overridesLayer, parseOverride } from './overrides.ts';
import { resolveSettings, UnresolvedReference, type Settings } from './settings.ts';
import { parseToml, TomlSyntaxError } from './toml.ts';
import { mergeTables, valueAt, versionOf, type KeyPath, type TomlTable } from './tree.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** The reference's layer names, as `config/read` reports them. */
export type LayerName = { type: 'system'; file: string } | { type: 'user'; file: string } | { type: 'sessionFlags' };

export interface ConfigLayer {
  name: LayerName;
  config: TomlTable;
  /** `sha256:<hex>` of the layer's canonical JSON, as the reference computes it. */
  version: string;
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
}

export interface LoadedConfig {
  codexHome: string;
  /** `$CODEX_HOME/config.toml`, whether or not it exists. */
  file: string;
  /** Highest precedence first: session flags (when any), user file, system file. */
  layers: readonly ConfigLayer[];
  /** All layers merged, before profile resolution: what `config/read` starts from. */
  raw: TomlTable;
  /** `raw`, checked against the known keys' types. */
  toml: ConfigToml;
  settings: Settings;
  /** Worth logging at warn level (unknown feature keys and the like). */
  warnings: readonly string[];
  /** Set by loadStartupConfig when the files were unusable and defaults were used instead. */
  startupError?: ConfigError;
  /** What this was loaded from, resolved: reloading with it sees the files as they are now. */
  options: LoadOptions & { codexHome: string; env: Env };
}

export const SYSTEM_CONFIG_FILE = '/etc/codex/config.toml';

/**
 * Loads and checks the configuration; any problem is a ConfigError naming where it is. Async in
 * its signature, but the few small reads are synchronous: see resolveCodexHome for why.
 */
export async function loadConfig(options: LoadOptions = {}): Promise<LoadedConfig> {
  return load(options, true);
}

/**
 * The configuration as the files say now, with the same command-line overrides: what the
 * reference's list methods (experimental features, apps, plugins, MCP servers) read at each call.
 * Throws a ConfigError when the files have become unusable.
 */
export function reloadConfig(config: LoadedConfig): LoadedConfig {
  return load(config.options, true);
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
}

function load(options: LoadOptions, withFiles: boolean): LoadedConfig {
  const env = options.env ?? process.env;
  const codexHome = options.codexHome ?? resolveCodexHome(env, options.cwd);
  const file = join(codexHome, 'config.toml');
  const overrides = [
    ...(options.overrides ?? []).map(parseOverride),
    ...featureToggleOverrides(options.enable ?? [], options.disable ?? []),
  ];
  const sources: LayerSource[] = []; // lowest precedence first
  if (withFiles) {
    sources.push(readLayer({ type: 'system', file: options.systemFile ?? SYSTEM_CONFIG_FILE }));
    sources.push(readLayer({ type: 'user', file }));
  }
  if (overrides.length) sources.push({ name: { type: 'sessionFlags' }, config: overridesLayer(overrides) });

  const raw = sources.reduce<TomlTable>((merged, source) => mergeTables(merged, source.config), {});
  const issue = configToml.check(raw, []);
  if (issue) throw errorAt(issue.path, issue.detail, sources);
  const toml = raw as ConfigToml;
  let resolved;
  try {
    resolved = resolveSettings(toml, env);
  } catch (err) {
    if (err instanceof UnresolvedReference) throw errorAt(err.key, err.message, sources);
    throw err;
  }
  const layers = sources.reverse().map(({ name, config }) => lazyVersionLayer(name, config));
  return {
    codexHome,
    file,
    layers,
    raw,
    toml,
    settings: resolved.settings,
    warnings: resolved.warnings,
    options: { ...options, codexHome, env },
  };
}

/** Hashing loads node:crypto, which start-up should not pay for; the version is computed when read. */
function lazyVersionLayer(name: LayerSource['name'], config: TomlTable): ConfigLayer {
  let version: string | undefined;
  return {
    name,
    config,
    get version() {
      return (version ??= versionOf(config));
    },
  };
}

function readLayer(name: LayerName & { file: string }): LayerSource {
  let text: string;
  try {
    text = readFileSync(name.file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { name, config: {} };
    throw new ConfigError(`cannot read the file: ${(err as Error).message}`, { file: name.file });
  }
  try {
    return { name, config: parseToml(text), text };
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
  const at = source.text === undefined ? undefined : locateKey(source.text, path);
  return new ConfigError(detail, { file: source.name.file, line: at?.line, column: at?.column, key });
}

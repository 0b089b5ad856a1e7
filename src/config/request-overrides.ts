import { configToml, type ConfigToml } from './config-schema.ts';
import { ConfigError } from './errors.ts';
import type { LoadedConfig } from './load.ts';
import { overridesLayer } from './overrides.ts';
import { resolveSettings, UnresolvedReference, type Settings } from './settings.ts';
import { mergeTables, type TomlValue } from './tree.ts';

/**
 * Settings with a request's own overrides on top (thread/start `config`: dotted keys to JSON
 * values, the same meaning as `-c`). JSON null has no TOML counterpart and leaves a key as it is.
 */
export function settingsWithOverrides(config: LoadedConfig, overrides: Readonly<Record<string, unknown>>, env: NodeJS.ProcessEnv = process.env): Settings {
  const entries = Object.entries(overrides).filter(([, value]) => value !== null);
  if (entries.length === 0) return config.settings;
  const layer = overridesLayer(entries.map(([key, value]) => ({ path: key.split('.'), value: value as TomlValue })));
  const raw = mergeTables(config.raw, layer);
  const issue = configToml.check(raw, []);
  if (issue) throw new ConfigError(issue.detail, { key: issue.path.join('.'), origin: 'config' });
  try {
    return resolveSettings(raw as ConfigToml, env).settings;
  } catch (err) {
    if (err instanceof UnresolvedReference) throw new ConfigError(err.message, { key: err.key.join('.'), origin: 'config' });
    throw err;
  }
}

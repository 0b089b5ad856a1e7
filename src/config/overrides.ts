import { ConfigError } from './errors.ts';
import { isKnownFeatureKey } from './features.ts';
import { parseTomlValue } from './toml.ts';
import { getKey, isTable, setKey, type TomlTable, type TomlValue } from './tree.ts';

const ORIGIN = '-c/--config';

export interface ConfigOverride {
  path: string[];
  value: TomlValue;
}

/**
 * Parses one `-c key=value`. As in the reference: split at the first `=`, trim both halves, split
 * the key on every `.` (no quoting), parse the value as TOML, and otherwise take it as a string
 * with any surrounding quote characters removed (so `-c model=o3` needs no quotes).
 */
export function parseOverride(raw: string): ConfigOverride {
  const eq = raw.indexOf('=');
  if (eq < 0) throw new ConfigError(`Invalid override (missing '='): ${raw}`, { origin: ORIGIN });
  const key = raw.slice(0, eq).trim();
  if (!key) throw new ConfigError(`Empty key in override: ${raw}`, { origin: ORIGIN });
  const text = raw.slice(eq + 1).trim();
  const value = parseTomlValue(text) ?? text.replace(/^["']+|["']+$/g, '');
  return { path: key.split('.'), value };
}

/**
 * `--enable F` / `--disable F` are `-c features.F=true|false` placed after every `-c`, enables
 * before disables, so a disable wins. Unknown names are refused up front, as the reference does.
 */
export function featureToggleOverrides(enable: readonly string[], disable: readonly string[]): ConfigOverride[] {
  for (const name of [...enable, ...disable]) {
    if (!isKnownFeatureKey(name)) throw new ConfigError(`Unknown feature flag: ${name}`);
  }
  return [
    ...enable.map((name) => ({ path: ['features', name], value: true })),
    ...disable.map((name) => ({ path: ['features', name], value: false })),
  ];
}

/** The session-flags layer: every override applied in order onto an empty table. */
export function overridesLayer(overrides: readonly ConfigOverride[]): TomlTable {
  const root: TomlTable = {};
  for (const { path, value } of overrides) applyOverride(root, path, value);
  return root;
}

// A non-table met on the way is replaced by a table, as the reference does.
function applyOverride(root: TomlTable, path: readonly string[], value: TomlValue): void {
  let table = root;
  for (const segment of path.slice(0, -1)) {
    let next = getKey(table, segment);
    if (!isTable(next)) {
      next = {};
      setKey(table, segment, next);
    }
    table = next;
  }
  setKey(table, path[path.length - 1]!, value);
}

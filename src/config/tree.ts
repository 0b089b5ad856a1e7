
/**
 * A TOML document as plain JSON-like data: tables are plain objects, arrays are arrays, and dates
 * are kept as their TOML text. Config layers, overrides and `config/read` all work on this form.
 */
export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

/** A key path into a document; numbers index arrays. */
export type KeyPath = readonly (string | number)[];

export function isTable(value: unknown): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Assigns an own property even for a key such as `__proto__`, which a config file may contain. */
export function setKey(table: TomlTable, key: string, value: TomlValue): void {
  if (key === '__proto__') {
    Object.defineProperty(table, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    table[key] = value;
  }
}

export function getKey(table: TomlTable, key: string): TomlValue | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export function valueAt(root: TomlValue, path: KeyPath): TomlValue | undefined {
  let current: TomlValue | undefined = root;
  for (const segment of path) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = isTable(current) ? getKey(current, segment) : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

/** Layers combine like this: tables merge key by key, any other overlay value replaces. */
export function mergeTables(base: TomlTable, overlay: TomlTable): TomlTable {
  const out: TomlTable = {};
  for (const [key, value] of Object.entries(base)) setKey(out, key, value);
  for (const [key, value] of Object.entries(overlay)) {
    const previous = getKey(out, key);
    setKey(out, key, isTable(previous) && isTable(value) ? mergeTables(previous, value) : value);
  }
  return out;
}

/** JSON with keys sorted at every level, so equal documents hash equally whatever their order. */
export function canonicalJson(value: TomlValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isTable(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A layer's version as the reference reports it: the SHA-256 of its canonical JSON. */
export function versionOf(table: TomlTable): string {
  // Loaded on first use so that start-up does not pay for node:crypto.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return `sha256:${createHash('sha256').update(canonicalJson(table)).digest('hex')}`;
}

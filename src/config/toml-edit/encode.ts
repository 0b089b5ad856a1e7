import { isTable, type TomlValue } from '../tree.ts';

/**
 * How values and keys are spelled when config writes add them to config.toml. The choices follow
 * the reference's TOML writer, so a file edited through either server reads the same: a string is
 * a plain basic string when it can be one, else a literal string, else a multi-line form; keys are
 * bare when they can be.
 */

interface StringMetrics {
  maxSingleQuotes: number;
  maxDoubleQuotes: number;
  /** Control characters other than tab and newline, which only a basic string can hold (escaped). */
  controls: boolean;
  backslash: boolean;
  newline: boolean;
}

function metrics(s: string): StringMetrics {
  const m: StringMetrics = { maxSingleQuotes: 0, maxDoubleQuotes: 0, controls: false, backslash: false, newline: false };
  let singles = 0;
  let doubles = 0;
  for (const ch of s) {
    singles = ch === "'" ? singles + 1 : 0;
    doubles = ch === '"' ? doubles + 1 : 0;
    m.maxSingleQuotes = Math.max(m.maxSingleQuotes, singles);
    m.maxDoubleQuotes = Math.max(m.maxDoubleQuotes, doubles);
    const code = ch.codePointAt(0)!;
    if (ch === '\\') m.backslash = true;
    else if (ch === '\n') m.newline = true;
    else if (ch !== '\t' && (code <= 0x1f || code === 0x7f)) m.controls = true;
  }
  return m;
}

const ESCAPES: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\f': '\\f', '\r': '\\r', '\\': '\\\\' };

/** A basic string body; in the multi-line form newlines stay and only a third `"` in a row is escaped. */
function escapeBasic(s: string, multiline: boolean): string {
  let out = '';
  let doubles = 0;
  for (const ch of s) {
    doubles = ch === '"' ? doubles + 1 : 0;
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += doubles > (multiline ? 2 : 0) ? '\\"' : '"';
    else if (ch === '\n') out += multiline ? '\n' : '\\n';
    else if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (code <= 0x1f || code === 0x7f) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

export function encodeString(s: string): string {
  const m = metrics(s);
  const lead = m.newline ? '\n' : '';
  if (!m.controls && !m.backslash && m.maxDoubleQuotes === 0 && !m.newline) return `"${escapeBasic(s, false)}"`;
  if (!m.controls && m.maxSingleQuotes === 0 && !m.newline) return `'${s}'`;
  if (!m.controls && !m.backslash && m.maxDoubleQuotes <= 2) return `"""${lead}${escapeBasic(s, true)}"""`;
  if (!m.controls && m.maxSingleQuotes <= 2) return `'''${lead}${s}'''`;
  return m.newline ? `"""${lead}${escapeBasic(s, true)}"""` : `"${escapeBasic(s, false)}"`;
}

export function encodeKey(key: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(key)) return key;
  const m = metrics(key);
  const controls = m.controls || m.newline;
  if (!controls && !m.backslash && m.maxDoubleQuotes === 0) return `"${escapeBasic(key, false)}"`;
  if (!controls && m.maxSingleQuotes === 0) return `'${key}'`;
  return `"${escapeBasic(key, false)}"`;
}

const I64_MAX = 2n ** 63n - 1n;

/** Integers that fit an i64 are TOML integers; any other number is a float. */
export function isTomlInteger(n: number): boolean {
  return Number.isInteger(n) && BigInt(n) <= I64_MAX && BigInt(n) >= -I64_MAX - 1n;
}

/** A float as the reference prints it: positional digits, never an exponent, `.0` when integral. */
export function encodeFloat(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const positional = toPositional(Math.abs(n));
  const sign = n < 0 ? '-' : '';
  return Number.isInteger(n) ? `${sign}${positional}.0` : `${sign}${positional}`;
}

/** The shortest round-trip digits of `n`, written out without an exponent. */
function toPositional(n: number): string {
  const [mantissa, exponentText] = n.toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  if (exponent < 0) return `0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return digits + '0'.repeat(exponent + 1 - digits.length);
  return `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** A value in its inline form: arrays and tables on one line, as `[1, 2]` and `{ a = 1 }`. */
export function encodeValue(value: TomlValue): string {
  if (typeof value === 'string') return encodeString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return isTomlInteger(value) ? BigInt(value).toString() : encodeFloat(value);
  if (Array.isArray(value)) return `[${value.map(encodeValue).join(', ')}]`;
  if (isTable(value)) {
    const entries = sortedKeys(value).map((k) => `${encodeKey(k)} = ${encodeValue(value[k]!)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  throw new TypeError(`not a TOML value: ${String(value)}`);
}

/** The reference keeps a table's keys in byte order of their UTF-8 text. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function sortedKeys(table: object): string[] {
  return Object.keys(table).sort(compareKeys);
}

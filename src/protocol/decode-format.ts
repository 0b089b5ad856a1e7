/**
 * Text formatting that must match what the reference (Rust: serde 1.0.228 + serde_json 1.0.149)
 * prints inside its deserialization errors. Kept apart from decode.ts because these are pure string
 * utilities with their own subtle rules; nothing here runs unless a value has already failed.
 */

/**
 * serde's `Unexpected` as rendered by serde_json's error type (which prints unit as `null` and
 * floats with its own shortest-round-trip formatter). `value` is a JSON value as produced by
 * `JSON.parse` (bigint is accepted too, for callers that parse integers losslessly).
 */
export function unexpected(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'boolean `true`' : 'boolean `false`';
    case 'number':
      return isJsonInteger(value) ? `integer \`${integerText(value)}\`` : `floating point \`${floatText(value)}\``;
    case 'bigint':
      return `integer \`${value.toString()}\``;
    case 'string':
      return `string ${rustDebugString(value)}`;
    case 'object':
      return Array.isArray(value) ? 'sequence' : 'map';
    default:
      return 'map';
  }
}

const TWO_POW_63 = 9223372036854775808; // 2^63, exactly representable
const TWO_POW_64 = 18446744073709551616; // 2^64, exactly representable

/**
 * Whether serde_json would have parsed this number as an integer (u64 or i64) rather than an f64.
 * JSON.parse has already thrown away the difference between `5` and `5.0`; we assume the integer
 * form (the reference would call `5.0` a float). `-0` can only come from text like `-0`/`-0.0`,
 * which serde_json parses as the float -0.0, so it is not an integer. Integer texts beyond the
 * i64/u64 range are parsed by serde_json as f64; we judge by the text String(n) would give.
 */
export function isJsonInteger(n: number): boolean {
  // -2^63 itself prints as "-9223372036854776000", below i64::MIN: serde_json would read a float.
  return Number.isInteger(n) && !Object.is(n, -0) && n > -TWO_POW_63 && n < TWO_POW_64;
}

/**
 * Decimal text of an integral double. Above 2^53 the original digits are lost; String(n) gives the
 * shortest text that round-trips, which is exactly what a JS client's JSON.stringify sent (and
 * below 2^64 it never uses exponent notation).
 */
function integerText(n: number): string {
  return String(n);
}

/**
 * f64 as serde_json 1.0.149 prints it (the `zmij` crate): shortest round-trip digits, laid out
 * like `ryu` — plain notation when the decimal exponent is in -5..=15 (always with a fractional
 * part, `1.0`), scientific otherwise with an explicit sign on the exponent (`1e+16`, `1e-6`,
 * `1.5e+300`). Observed against the binary: 1.0 → `1.0`, -0 → `-0.0`, 1e16 → `1e+16`,
 * 0.000001 → `1e-6`, 2^64 → `1.8446744073709552e+19`.
 */
export function floatText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  const abs = Math.abs(n);
  if (abs === 0) return `${sign}0.0`;
  // toExponential() without an argument yields the shortest digits that round-trip, like ryu.
  const exp = abs.toExponential();
  const ePos = exp.indexOf('e');
  const digits = exp.slice(0, ePos).replace('.', '');
  const e = Number(exp.slice(ePos + 1));
  if (e >= -5 && e <= 15) {
    if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
    const intLen = e + 1;
    if (digits.length <= intLen) return `${sign}${digits}${'0'.repeat(intLen - digits.length)}.0`;
    return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
  }
  const mantissa = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
  return `${sign}${mantissa}e${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}

// Characters Rust's `str` Debug escapes as \u{…}: everything `core::unicode::printable` treats as
// non-printable (general categories Cc Cf Cs Co Cn Zl Zp Zs, except the ASCII space) plus grapheme
// extenders (combining marks), which `<str as Debug>` always escapes. Unicode versions of the JS
// engine and of the Rust toolchain may differ slightly for newly assigned characters.
const NEEDS_ESCAPE = /[\0-\x1f"\\\x7f-\u00a0\u00ad]|[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}\p{Grapheme_Extend}]/u;
const IS_ESCAPED_UNICODE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}\p{Grapheme_Extend}]/u;

/** A string the way Rust's `{:?}` prints it: double-quoted, `\"`, `\\`, `\n`, `\u{1b}`, … */
export function rustDebugString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '\0':
        out += '\\0';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '"':
        out += '\\"';
        continue;
    }
    if (ch !== ' ' && (cp < 0x20 || IS_ESCAPED_UNICODE.test(ch))) out += `\\u{${cp.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}

/** serde's `OneOf` list: "`a`", "`a` or `b`", "one of `a`, `b`, `c`". */
export function oneOf(names: readonly string[]): string {
  if (names.length === 1) return `\`${names[0]}\``;
  if (names.length === 2) return `\`${names[0]}\` or \`${names[1]}\``;
  return `one of ${names.map((n) => `\`${n}\``).join(', ')}`;
}

/** `serde::de::Error::unknown_variant`. */
export function unknownVariant(variant: string, expected: readonly string[]): string {
  if (expected.length === 0) return `unknown variant \`${variant}\`, there are no variants`;
  return `unknown variant \`${variant}\`, expected ${oneOf(expected)}`;
}

/** `serde::de::Error::unknown_field` (only used by structs with `serdeDenyUnknownFields`). */
export function unknownField(field: string, expected: readonly string[]): string {
  if (expected.length === 0) return `unknown field \`${field}\`, there are no fields`;
  return `unknown field \`${field}\`, expected ${oneOf(expected)}`;
}

export function invalidType(value: unknown, expected: string): string {
  return `invalid type: ${unexpected(value)}, expected ${expected}`;
}

export function invalidValue(value: unknown, expected: string): string {
  return `invalid value: ${unexpected(value)}, expected ${expected}`;
}

export function invalidLength(len: number, expected: string): string {
  return `invalid length ${len}, expected ${expected}`;
}

export function missingField(name: string): string {
  return `missing field \`${name}\``;
}

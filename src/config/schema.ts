import type { KeyPath } from './tree.ts';

/**
 * A tiny checker for config documents. It validates in place (the checked value is returned as
 * is, typed) and words its findings like the reference's serde errors, which some responses echo
 * verbatim (config/value/write). Unknown keys are accepted, as the reference accepts them.
 */
export interface Issue {
  path: KeyPath;
  detail: string;
}

/**
 * The reference words some findings differently when it checks a document it already holds as
 * data (config writes, config/read) rather than a file's text (start-up, thread start): enums name
 * no variants for a value of the wrong kind, a sequence's problem is reported at the sequence, and
 * keys are visited in sorted order.
 */
export interface CheckMode {
  fromValue: boolean;
}

export const FROM_TEXT: CheckMode = { fromValue: false };
export const FROM_VALUE: CheckMode = { fromValue: true };

export interface Schema<T> {
  /** How the expected value is named in messages: "a string", "struct ModelProviderInfo"… */
  readonly expected: string;
  check(value: unknown, path: KeyPath, mode?: CheckMode): Issue | undefined;
  /** Carries the checked type; never set. */
  readonly type?: T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

/** serde's wording of the value it did not expect. */
export function unexpected(value: unknown): string {
  if (typeof value === 'boolean') return `boolean \`${value}\``;
  if (typeof value === 'number') return Number.isInteger(value) ? `integer \`${value}\`` : `floating point \`${value}\``;
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  return Array.isArray(value) ? 'sequence' : 'map';
}

export function invalidType(value: unknown, expected: string, path: KeyPath): Issue {
  return { path, detail: `invalid type: ${unexpected(value)}, expected ${expected}` };
}

function primitive<T>(expected: string, test: (value: unknown) => boolean): Schema<T> {
  return { expected, check: (value, path) => (test(value) ? undefined : invalidType(value, expected, path)) };
}

export const str = primitive<string>('a string', (v) => typeof v === 'string');
export const bool = primitive<boolean>('a boolean', (v) => typeof v === 'boolean');
export const f64 = primitive<number>('f64', (v) => typeof v === 'number');
export const i64 = primitive<number>('i64', (v) => Number.isInteger(v));

function unsigned(name: string): Schema<number> {
  return {
    expected: name,
    check(value, path) {
      if (!Number.isInteger(value)) return invalidType(value, name, path);
      return (value as number) < 0 ? { path, detail: `invalid value: integer \`${value}\`, expected ${name}` } : undefined;
    },
  };
}

export const u64 = unsigned('u64');
export const usize = unsigned('usize');

/** serde's list of accepted variants: "`a`", "`a` or `b`", "one of `a`, `b`, `c`". */
export function variantList(variants: readonly string[]): string {
  const quoted = variants.map((v) => `\`${v}\``);
  if (quoted.length <= 2) return quoted.join(' or ');
  return `one of ${quoted.join(', ')}`;
}

/**
 * How an enum is refused when it is not a string: serde's enum access, which takes a one-key table
 * as a variant with content and words anything else differently for a file and for data.
 */
export function enumShapeIssue(value: unknown, variants: readonly string[], path: KeyPath, mode: CheckMode = FROM_TEXT): Issue {
  if (!isTableLike(value)) return { path, detail: mode.fromValue ? 'invalid type: unit variant, expected string only' : 'wanted string or table' };
  const keys = Object.keys(value);
  if (keys.length === 0) return { path, detail: 'wanted exactly 1 element, found 0 elements' };
  if (keys.length > 1) return { path, detail: 'wanted exactly 1 element, more than 1 element' };
  if (!variants.includes(keys[0]!)) return { path, detail: `unknown variant \`${keys[0]}\`, expected ${variantList(variants)}` };
  return { path, detail: `expected table, found ${tomlTypeName(value[keys[0]!])}` };
}

function tomlTypeName(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'float';
  return Array.isArray(value) ? 'array' : 'table';
}

export function enumOf<const V extends string>(variants: readonly V[]): Schema<V> {
  const expected = variantList(variants);
  return {
    expected,
    check(value, path, mode = FROM_TEXT) {
      if (typeof value !== 'string') return enumShapeIssue(value, variants, path, mode);
      if ((variants as readonly string[]).includes(value)) return undefined;
      return { path, detail: `unknown variant \`${value}\`, expected ${expected}` };
    },
  };
}

export function seq<T>(item: Schema<T>): Schema<T[]> {
  return {
    expected: 'a sequence',
    check(value, path, mode = FROM_TEXT) {
      if (!Array.isArray(value)) return invalidType(value, 'a sequence', path);
      for (const [i, element] of value.entries()) {
        const issue = item.check(element, mode.fromValue ? path : [...path, i], mode);
        if (issue) return issue;
      }
      return undefined;
    },
  };
}

/** Keys in the order a check visits them: as written, or sorted when checking data. */
function keysOf(value: Record<string, unknown>, mode: CheckMode): string[] {
  const keys = Object.keys(value);
  return mode.fromValue ? keys.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))) : keys;
}

const isTableLike = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A table of any keys. `flattened` is a struct whose entries serde collects into a map: checked as
 * data, its findings are reported at the table, not at the key.
 */
export function map<T>(item: Schema<T>, options: { flattened?: string } = {}): Schema<Record<string, T>> {
  const expected = options.flattened ? `struct ${options.flattened}` : 'a map';
  return {
    expected,
    check(value, path, mode = FROM_TEXT) {
      if (!isTableLike(value)) return invalidType(value, expected, path);
      for (const key of keysOf(value, mode)) {
        const issue = item.check(value[key], options.flattened && mode.fromValue ? path : [...path, key], mode);
        if (issue) return issue;
      }
      return undefined;
    },
  };
}

type Fields = Record<string, Schema<unknown>>;
type StructOf<F extends Fields, R extends keyof F> = { [K in R]: Infer<F[K]> } & {
  [K in Exclude<keyof F, R>]?: Infer<F[K]>;
};

export interface StructOptions<F extends Fields, R extends keyof F> {
  required?: readonly R[];
  /** Cross-field rules, run once every field is well typed. */
  refine?: (value: StructOf<F, R>, path: KeyPath, mode: CheckMode) => Issue | undefined;
}

export function struct<F extends Fields, R extends keyof F & string = never>(
  name: string,
  fields: F,
  options: StructOptions<F, R> = {},
): Schema<StructOf<F, R>> {
  const expected = `struct ${name}`;
  return {
    expected,
    check(value, path, mode = FROM_TEXT) {
      if (!isTableLike(value)) return invalidType(value, expected, path);
      for (const key of keysOf(value, mode)) {
        const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
        const issue = field?.check(value[key], [...path, key], mode);
        if (issue) return issue;
      }
      for (const key of options.required ?? []) {
        if (!Object.hasOwn(value, key)) return { path, detail: `missing field \`${key}\`` };
      }
      return options.refine?.(value as StructOf<F, R>, path, mode);
    },
  };
}

/** Also accepts null, as serde's `Option` does. */
export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return { expected: schema.expected, check: (value, path) => (value === null ? undefined : schema.check(value, path)) };
}

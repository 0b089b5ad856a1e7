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

export interface Schema<T> {
  /** How the expected value is named in messages: "a string", "struct ModelProviderInfo"… */
  readonly expected: string;
  check(value: unknown, path: KeyPath): Issue | undefined;
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

export const u64: Schema<number> = {
  expected: 'u64',
  check(value, path) {
    if (!Number.isInteger(value)) return invalidType(value, 'u64', path);
    return (value as number) < 0 ? { path, detail: `invalid value: integer \`${value}\`, expected u64` } : undefined;
  },
};

/** serde's list of accepted variants: "`a`", "`a` or `b`", "one of `a`, `b`, `c`". */
export function variantList(variants: readonly string[]): string {
  const quoted = variants.map((v) => `\`${v}\``);
  if (quoted.length <= 2) return quoted.join(' or ');
  return `one of ${quoted.join(', ')}`;
}

export function enumOf<const V extends string>(variants: readonly V[]): Schema<V> {
  const expected = variantList(variants);
  return {
    expected,
    check(value, path) {
      if (typeof value !== 'string') return invalidType(value, expected, path);
      if ((variants as readonly string[]).includes(value)) return undefined;
      return { path, detail: `unknown variant \`${value}\`, expected ${expected}` };
    },
  };
}

export function seq<T>(item: Schema<T>): Schema<T[]> {
  return {
    expected: 'a sequence',
    check(value, path) {
      if (!Array.isArray(value)) return invalidType(value, 'a sequence', path);
      for (const [i, element] of value.entries()) {
        const issue = item.check(element, [...path, i]);
        if (issue) return issue;
      }
      return undefined;
    },
  };
}

const isTableLike = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function map<T>(item: Schema<T>): Schema<Record<string, T>> {
  return {
    expected: 'a map',
    check(value, path) {
      if (!isTableLike(value)) return invalidType(value, 'a map', path);
      for (const [key, element] of Object.entries(value)) {
        const issue = item.check(element, [...path, key]);
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
  refine?: (value: StructOf<F, R>, path: KeyPath) => Issue | undefined;
}

export function struct<F extends Fields, R extends keyof F & string = never>(
  name: string,
  fields: F,
  options: StructOptions<F, R> = {},
): Schema<StructOf<F, R>> {
  const expected = `struct ${name}`;
  return {
    expected,
    check(value, path) {
      if (!isTableLike(value)) return invalidType(value, expected, path);
      for (const [key, element] of Object.entries(value)) {
        const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
        const issue = field?.check(element, [...path, key]);
        if (issue) return issue;
      }
      for (const key of options.required ?? []) {
        if (!Object.hasOwn(value, key)) return { path, detail: `missing field \`${key}\`` };
      }
      return options.refine?.(value as StructOf<F, R>, path);
    },
  };
}

/** Also accepts null, as serde's `Option` does. */
export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return { expected: schema.expected, check: (value, path) => (value === null ? undefined : schema.check(value, path)) };
}

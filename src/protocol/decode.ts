/**
 * Params validation with serde's error texts.
 *
 * The reference server (`codex app-server` 0.113.0) deserializes every request with serde and
 * answers a failure with -32600 `Invalid request: <serde message>`; clients match on those texts.
 * This module checks a parsed JSON value against a JSON Schema (our TypeBox schemas, or the
 * reference's generated bundle) and, on failure, reproduces the FIRST error serde would report,
 * word for word. In the reference, params are deserialized from serde's buffered `Content` (the
 * request enum is internally tagged on `method`); the behaviours below are those of that path.
 *
 * ## How a schema is read as a Rust type
 *
 * | schema                                                       | Rust type                             |
 * | ------------------------------------------------------------ | ------------------------------------- |
 * | `true`, `{}`, no recognised keyword                          | `serde_json::Value` (anything goes)   |
 * | `type: 'string'`                                             | `String`   (expected `a string`)      |
 * | `type: 'boolean'`                                            | `bool`     (`a boolean`)              |
 * | `type: 'integer'` + `format` int8…int64, uint8…uint64, int, uint | `i8`…`u64`, `isize`, `usize`      |
 * | `type: 'number'` (`format: 'float'` → `f32`)                 | `f64`                                 |
 * | `type: 'null'`                                               | `()`       (`unit`; `{}` also passes) |
 * | `type: 'array'` + `items`                                    | `Vec<T>`   (`a sequence`)             |
 * | `type: 'object'` + `additionalProperties`/`patternProperties`| `HashMap<String, T>` (`a map`)        |
 * | `type: 'object'` + `properties` (or nothing else at all)     | struct `title` (`struct Title`)       |
 * | `type: [X, 'null']`, `anyOf/oneOf: [X, {type:'null'}]`       | `Option<X>` (nested options too)      |
 * | `enum: [...strings]`, `const: 'x'`, union of string literals | enum of unit variants                 |
 * | union whose members all carry one required single-literal property (`type`) | `#[serde(tag = "type")]` enum |
 * | union of string literals and single-key objects              | externally tagged enum                |
 * | any other union                                              | `#[serde(untagged)]` enum `title`     |
 * | `allOf: [X]`                                                 | X (several parts: merged struct)      |
 * | `$ref`                                                       | resolved with `options.resolveRef`    |
 *
 * Names in messages come from `title` (else the `$ref` name, else `$id`): it must be the Rust type
 * name (`struct ThreadStartParams`, `internally tagged enum UserInput`, `untagged enum …`).
 * Struct fields are the keys of `properties` IN RUST DECLARATION ORDER: serde reports the first
 * missing field in that order and maps a JSON array onto the fields by it. A field is required when
 * listed in `required`. Unknown keys are ignored (no params type denies them).
 *
 * ## Custom keywords (all optional)
 *
 * - `serdeVariants: string[]` (enum/union): the variant names as serde lists them — declaration
 *   order, aliases included — for `expected one of …`. Needed where the schema order differs
 *   (schemars hoists the unit variants of a mixed enum into one string `enum`).
 * - `serdeAliases: { alias: name }` (enum/union or struct): `#[serde(alias)]` names accepted for a
 *   variant or a field.
 * - `serdeOther: name` (enum/union): the `#[serde(other)]` unit variant that takes unknown tags.
 * - `serdeExpected: string` (leaf): the `expected …` text when the Rust type is not the obvious
 *   one, e.g. `'path string'` for a `PathBuf`.
 * - `serdeAbsolutePath: true` (string): codex's `AbsolutePathBuf` — expected `path string`, and a
 *   string not starting with `/` fails with `AbsolutePathBuf deserialized without a base path`.
 * - `serdeNewtype: 'Name'` (member of an internally tagged union): the variant is a newtype around
 *   struct `Name` (`Exec(LocalShellExecAction)`), which then names it in messages.
 * - `serdeName: 'Ident'` (union member): the Rust variant identifier for `struct variant E::Ident`
 *   when it is not the PascalCase of the wire name.
 * - `serdeSeqDefault: true` (property): `#[serde(default)]` when the schema has no `default`
 *   (a `default` keyword counts too). Only the array form of a struct can observe it.
 * - `serdeTag: 'field'`, `serdeRepr: 'external' | 'internal' | 'untagged'` (union): override the
 *   inferred representation. `serdeDenyUnknownFields: true` (struct): `deny_unknown_fields`.
 *
 * ## Choices
 *
 * - The input is returned as is on success: defaults are NOT applied, nothing is copied.
 * - JSON numbers: JSON.parse cannot tell `5` from `5.0`; an integral double is taken to be an
 *   integer (serde would call `5.0` a float) when the text `String(n)` — what a JS client sent —
 *   is within i64..u64. `-0` is a float. `bigint` values are accepted as integers.
 * - Object keys are visited in JS property order: insertion order, except that integer-like keys
 *   ("1") come first. Only maps with such keys can tell the difference.
 * - Schemas are compiled once into plans cached per schema object (and per `resolveRef` function):
 *   pass a stable `resolveRef`, or keep a decoder from `createDecoder`.
 * - Never throws: an unresolvable `$ref` or unknown keyword accepts anything at that place.
 *
 * Behaviour and messages were checked against the 0.113.0 binary; see decode.test.ts.
 */
import {
  invalidLength,
  invalidType,
  invalidValue,
  isJsonInteger,
  missingField,
  unknownField,
  unknownVariant,
} from './decode-format.ts';

export type DecodeResult<T = unknown> = { ok: true; value: T } | { ok: false; message: string };

export interface DecodeOptions {
  /** Resolves a `$ref` (e.g. `#/definitions/UserInput`) to its schema. Unresolvable refs accept anything. */
  resolveRef?: (ref: string) => object | undefined;
}

/** Checks `value` against `schema` the way serde would deserialize it; never throws. */
export function decode(schema: object, value: unknown, options?: DecodeOptions): DecodeResult {
  const plan = planFor(schema, options?.resolveRef);
  const message = check(plan, value);
  return message === undefined ? { ok: true, value } : { ok: false, message };
}

/** Compiles `schema` once and returns a reusable checker (same semantics as `decode`). */
export function createDecoder(schema: object, options?: DecodeOptions): (value: unknown) => DecodeResult {
  const plan = planFor(schema, options?.resolveRef);
  return (value) => {
    const message = check(plan, value);
    return message === undefined ? { ok: true, value } : { ok: false, message };
  };
}

/**
 * Schema of the params of a method declared without params (`Option<()>` in the reference): absent,
 * `null` and `{}` are accepted; anything else fails like `invalid type: map, expected unit`.
 */
export const UNIT_PARAMS_SCHEMA: object = Object.freeze({ type: 'null' });

/** The reference's message when a method that takes params gets none (or `null`). */
export const MISSING_PARAMS_MESSAGE = 'missing field `params`';

// ---------------------------------------------------------------------------------------------
// Plans: a schema compiled into the Rust type it describes.

type Plan =
  | { readonly kind: 'any' }
  | { readonly kind: 'string'; readonly expected: string; readonly absolutePath: boolean }
  | { readonly kind: 'bool'; readonly expected: string }
  | { readonly kind: 'int'; readonly expected: string; readonly min: number; readonly below: number }
  | { readonly kind: 'float'; readonly expected: string }
  | { readonly kind: 'unit'; readonly expected: string }
  | { readonly kind: 'option'; inner: Plan }
  | { readonly kind: 'seq'; items: Plan; readonly expected: string }
  | { readonly kind: 'map'; values: Plan; readonly expected: string }
  | StructPlan
  | ExternalEnumPlan
  | InternalEnumPlan
  | UntaggedPlan;

interface Field {
  readonly name: string;
  plan: Plan;
  /** Missing from an object → `missing field`. */
  readonly required: boolean;
  /** `#[serde(default)]`: may be missing from the array form. */
  readonly seqDefault: boolean;
  /** Other keys that fill this field (`serdeAliases`). */
  aliases: string[] | undefined;
}

interface StructPlan {
  readonly kind: 'struct';
  /** `struct Name` or `struct variant Enum::Variant`. */
  expecting: string;
  fields: Field[];
  byName: Map<string, Field>;
  denyUnknown: boolean;
}

type VariantKind = 'unit' | 'newtype' | 'struct';

interface ExternalVariant {
  readonly kind: VariantKind;
  /** newtype: the wrapped type; struct: the variant's fields. */
  plan: Plan | undefined;
}

interface ExternalEnumPlan {
  readonly kind: 'external';
  /** Wire name (and `serdeAliases` alias) → variant. */
  variants: Map<string, ExternalVariant>;
  /** Wire names in declaration order, for `unknown variant` messages. */
  names: string[];
  /** `#[serde(other)]` variant taking unknown names, if any. */
  other: ExternalVariant | undefined;
}

interface InternalEnumPlan {
  readonly kind: 'internal';
  tag: string;
  /** `internally tagged enum Name`. */
  expecting: string;
  /** Wire name → variant body (a struct plan without the tag; unit variants have no fields). */
  variants: Map<string, StructPlan>;
  /** Declaration order (with aliases, as serde lists them), for messages. */
  names: string[];
  /** Declaration order without aliases: a tag given as integer `i` selects `indexNames[i]`. */
  indexNames: string[];
  /** `#[serde(other)]` unit variant taking unknown tags and out-of-range indexes, if any. */
  other: StructPlan | undefined;
}

interface UntaggedPlan {
  readonly kind: 'untagged';
  name: string;
  alternatives: Plan[];
}

const ANY: Plan = { kind: 'any' };

/** Integer `format`s (schemars' names) → Rust type and range `min <= n < below` (powers of two are exact doubles). */
const INT_FORMATS: Record<string, { rust: string; min: number; below: number }> = {
  int8: { rust: 'i8', min: -(2 ** 7), below: 2 ** 7 },
  int16: { rust: 'i16', min: -(2 ** 15), below: 2 ** 15 },
  int32: { rust: 'i32', min: -(2 ** 31), below: 2 ** 31 },
  int64: { rust: 'i64', min: -(2 ** 63), below: 2 ** 63 },
  int: { rust: 'isize', min: -(2 ** 63), below: 2 ** 63 },
  uint8: { rust: 'u8', min: 0, below: 2 ** 8 },
  uint16: { rust: 'u16', min: 0, below: 2 ** 16 },
  uint32: { rust: 'u32', min: 0, below: 2 ** 32 },
  uint64: { rust: 'u64', min: 0, below: 2 ** 64 },
  uint: { rust: 'usize', min: 0, below: 2 ** 64 },
};

type Resolver = ((ref: string) => object | undefined) | undefined;

const NO_RESOLVER = {};
const planCaches = new WeakMap<object, WeakMap<object, Plan>>();

function planFor(schema: object, resolveRef: Resolver): Plan {
  const key = resolveRef ?? NO_RESOLVER;
  let cache = planCaches.get(key);
  if (cache === undefined) {
    cache = new WeakMap();
    planCaches.set(key, cache);
  }
  return cache.get(schema) ?? new Compiler(resolveRef, cache).compile(schema, undefined);
}

type Schema = Record<string, unknown>;

const hasOwn = Object.prototype.hasOwnProperty;

function isSchemaObject(s: unknown): s is Schema {
  return typeof s === 'object' && s !== null && !Array.isArray(s);
}

/** Last path segment of a `$ref`, used as the Rust type name when the schema has no `title`. */
function refName(ref: string): string {
  const slash = ref.lastIndexOf('/');
  return slash >= 0 ? ref.slice(slash + 1) : ref;
}

/** `on-request` / `local_shell_call` / `apiKey` → `OnRequest` / `LocalShellCall` / `ApiKey`. */
function pascalCase(wire: string): string {
  let out = '';
  let upper = true;
  for (const ch of wire) {
    if (ch === '-' || ch === '_' || ch === ' ') {
      upper = true;
      continue;
    }
    out += upper ? ch.toUpperCase() : ch;
    upper = false;
  }
  return out;
}

/** The single string a schema admits (`enum: ['x']` or `const: 'x'`), if that is what it is. */
function singleLiteral(s: Schema): string | undefined {
  if (typeof s.const === 'string') return s.const;
  const e = s.enum;
  if (Array.isArray(e) && e.length === 1 && typeof e[0] === 'string') return e[0];
  return undefined;
}

/** All strings of a string-literal schema (`enum` of strings, `const`), or undefined. */
function stringLiterals(s: Schema): string[] | undefined {
  if (typeof s.const === 'string') return [s.const];
  const e = s.enum;
  if (Array.isArray(e) && e.length > 0 && e.every((x) => typeof x === 'string')) return e as string[];
  return undefined;
}

function isNullSchema(s: unknown): boolean {
  return isSchemaObject(s) && (s.type === 'null' || (s.const === null && s.type === undefined));
}

class Compiler {
  constructor(
    private readonly resolveRef: Resolver,
    private readonly cache: WeakMap<object, Plan>,
  ) {}

  /** Follows `$ref` and single-member `allOf` wrappers; returns the schema and the name found on the way. */
  private deref(s: unknown, name: string | undefined): { schema: unknown; name: string | undefined } {
    for (let depth = 0; depth < 64 && isSchemaObject(s); depth++) {
      if (typeof s.$ref === 'string') {
        const target = this.resolveRef?.(s.$ref);
        name = refName(s.$ref);
        if (target === undefined) return { schema: true, name };
        s = target;
        continue;
      }
      if (Array.isArray(s.allOf) && s.allOf.length === 1) {
        s = s.allOf[0];
        continue;
      }
      break;
    }
    return { schema: s, name };
  }

  compile(raw: unknown, nameHint: string | undefined): Plan {
    if (!isSchemaObject(raw)) return ANY; // `true`, `false`, garbage: no constraint we can express
    const cached = this.cache.get(raw);
    if (cached !== undefined) return cached;
    const { schema, name } = this.deref(raw, nameHint);
    if (schema !== raw) {
      const plan = isSchemaObject(schema) ? this.compile(schema, name) : ANY;
      this.cache.set(raw, plan);
      return plan;
    }
    const s = raw;
    const typeName = typeof s.title === 'string' ? s.title : (nameHint ?? (typeof s.$id === 'string' ? s.$id : ''));

    if (Array.isArray(s.anyOf)) return this.union(s, s.anyOf, typeName);
    if (Array.isArray(s.oneOf)) return this.union(s, s.oneOf, typeName);
    if (Array.isArray(s.allOf) && s.allOf.length > 1) return this.allOf(s, s.allOf, typeName);

    // `type: [X, 'null']` is Option<X>; compile X from the same schema with the type narrowed.
    if (Array.isArray(s.type)) {
      const types = s.type.filter((t) => t !== 'null');
      const nullable = types.length !== s.type.length;
      const inner: Plan = types.length === 1 ? this.leaf(s, types[0], typeName) : types.length === 0 ? this.leaf(s, 'null', typeName) : ANY;
      const plan: Plan = nullable && types.length > 0 ? { kind: 'option', inner } : inner;
      this.cache.set(s, plan);
      return plan;
    }
    const plan = this.leaf(s, s.type, typeName);
    this.cache.set(s, plan);
    return plan;
  }

  /** A schema with one (non-array) `type`, or none. Composite plans register themselves before recursing (cycles). */
  private leaf(s: Schema, type: unknown, typeName: string): Plan {
    const custom = typeof s.serdeExpected === 'string' ? s.serdeExpected : undefined;
    const literals = stringLiterals(s);
    if (literals !== undefined && (type === 'string' || type === undefined)) {
      // A string enum is a Rust enum of unit variants (externally tagged).
      const plan: ExternalEnumPlan = { kind: 'external', variants: new Map(), names: [], other: undefined };
      this.cache.set(s, plan);
      for (const n of literals) plan.variants.set(n, { kind: 'unit', plan: undefined });
      plan.names = declaredNames(s, literals);
      finishExternal(s, plan);
      return plan;
    }
    switch (type) {
      case 'string': {
        // AbsolutePathBuf (codex-utils-absolute-path) deserializes through PathBuf, hence `path string`.
        const absolutePath = s.serdeAbsolutePath === true;
        return { kind: 'string', expected: custom ?? (absolutePath ? 'path string' : 'a string'), absolutePath };
      }
      case 'boolean':
        return { kind: 'bool', expected: custom ?? 'a boolean' };
      case 'integer': {
        const f = typeof s.format === 'string' ? INT_FORMATS[s.format] : undefined;
        const fmt = f ?? (typeof s.minimum === 'number' && s.minimum >= 0 ? INT_FORMATS.uint64! : INT_FORMATS.int64!);
        return { kind: 'int', expected: custom ?? fmt.rust, min: fmt.min, below: fmt.below };
      }
      case 'number':
        return { kind: 'float', expected: custom ?? (s.format === 'float' ? 'f32' : 'f64') };
      case 'null':
        return { kind: 'unit', expected: custom ?? 'unit' };
      case 'array': {
        const plan: Plan = { kind: 'seq', items: ANY, expected: custom ?? 'a sequence' };
        this.cache.set(s, plan);
        plan.items = this.compile(s.items, undefined);
        return plan;
      }
      case 'object':
      case undefined: {
        if (isSchemaObject(s.properties)) return this.struct(s, s.properties, `struct ${typeName}`, undefined);
        if (type === undefined) return ANY;
        // `{type:'object'}` with nothing else is how schemars writes a struct without fields
        // (`struct CollaborationModeListParams {}`); a map always says what its values are.
        if (s.additionalProperties === undefined && s.patternProperties === undefined) return this.struct(s, {}, `struct ${typeName}`, undefined);
        const plan: Plan = { kind: 'map', values: ANY, expected: custom ?? 'a map' };
        this.cache.set(s, plan);
        plan.values = this.mapValues(s);
        return plan;
      }
      default:
        return ANY;
    }
  }

  private mapValues(s: Schema): Plan {
    if (isSchemaObject(s.additionalProperties)) return this.compile(s.additionalProperties, undefined);
    // TypeBox's Type.Record(Type.String(), V) spells the value schema as patternProperties.
    if (isSchemaObject(s.patternProperties)) {
      for (const k in s.patternProperties) return this.compile(s.patternProperties[k], undefined);
    }
    return ANY;
  }

  /** A struct (or a struct variant's body, minus `skip`, the internal tag). */
  private struct(s: Schema, properties: Schema, expecting: string, skip: string | undefined): StructPlan {
    const plan: StructPlan = { kind: 'struct', expecting, fields: [], byName: new Map(), denyUnknown: s.serdeDenyUnknownFields === true };
    if (skip === undefined) this.cache.set(s, plan);
    const required = Array.isArray(s.required) ? (s.required as unknown[]) : [];
    for (const name of Object.keys(properties)) {
      if (name === skip) continue;
      const prop = properties[name];
      const seqDefault = isSchemaObject(prop) && (prop.default !== undefined || prop.serdeSeqDefault === true);
      const field: Field = { name, plan: ANY, required: required.includes(name), seqDefault, aliases: undefined };
      plan.fields.push(field);
      plan.byName.set(name, field);
    }
    for (const field of plan.fields) field.plan = this.compile(properties[field.name], undefined);
    addAliases(s, plan.byName); // `#[serde(alias = "...")]` on fields
    for (const [key, field] of plan.byName) if (key !== field.name) (field.aliases ??= []).push(key);
    return plan;
  }

  /** Several schemas that must all hold: merge their properties, like a `#[serde(flatten)]`ed struct. */
  private allOf(s: Schema, parts: unknown[], typeName: string): Plan {
    const properties: Schema = {};
    const required: unknown[] = [];
    for (const part of parts) {
      const { schema } = this.deref(part, undefined);
      if (!isSchemaObject(schema)) continue;
      if (isSchemaObject(schema.properties)) Object.assign(properties, schema.properties);
      if (Array.isArray(schema.required)) required.push(...(schema.required as unknown[]));
    }
    return this.struct({ ...s, required }, properties, `struct ${typeName}`, undefined);
  }

  private union(s: Schema, members: unknown[], typeName: string): Plan {
    const nonNull: unknown[] = [];
    for (const m of members) if (!isNullSchema(this.deref(m, undefined).schema)) nonNull.push(m);
    if (nonNull.length !== members.length) {
      // Option<T>: null is None, anything else must be a T (itself possibly a union).
      const plan: Plan = { kind: 'option', inner: ANY };
      this.cache.set(s, plan);
      if (nonNull.length === 1) plan.inner = this.compile(nonNull[0], undefined);
      else if (nonNull.length > 1) plan.inner = this.taggedOrUntagged(s, nonNull, typeName, false);
      else plan.inner = { kind: 'unit', expected: 'unit' };
      return plan;
    }
    return this.taggedOrUntagged(s, nonNull, typeName, true);
  }

  private taggedOrUntagged(s: Schema, members: unknown[], typeName: string, register: boolean): Plan {
    const resolved = members.map((m) => this.deref(m, undefined).schema);
    const repr = typeof s.serdeRepr === 'string' ? s.serdeRepr : undefined;
    const tag = repr === undefined || repr === 'internal' ? findTag(s, resolved) : undefined;
    if (tag !== undefined) return this.internal(s, resolved, tag, typeName, register);
    if (repr === 'external' || (repr === undefined && resolved.every(isExternalMember))) return this.external(s, resolved, typeName, register);
    if (members.length === 1 && repr === undefined) {
      const plan = this.compile(members[0], undefined);
      if (register) this.cache.set(s, plan);
      return plan;
    }
    const plan: UntaggedPlan = { kind: 'untagged', name: typeName, alternatives: [] };
    if (register) this.cache.set(s, plan);
    plan.alternatives = members.map((m) => this.compile(m, undefined));
    return plan;
  }

  private internal(s: Schema, members: unknown[], tag: string, typeName: string, register: boolean): InternalEnumPlan {
    const plan: InternalEnumPlan = { kind: 'internal', tag, expecting: `internally tagged enum ${typeName}`, variants: new Map(), names: [], indexNames: [], other: undefined };
    if (register) this.cache.set(s, plan);
    const schemaOrder: string[] = [];
    for (const m of members) {
      const ms = m as Schema;
      const properties = ms.properties as Schema;
      const wire = singleLiteral(properties[tag] as Schema) as string;
      schemaOrder.push(wire);
      // A newtype variant wrapping a named struct (`Exec(LocalShellExecAction)`) reads the same
      // fields but names the inner struct in its messages.
      const expecting =
        typeof ms.serdeNewtype === 'string'
          ? `struct ${ms.serdeNewtype}`
          : `struct variant ${typeName}::${typeof ms.serdeName === 'string' ? ms.serdeName : pascalCase(wire)}`;
      plan.variants.set(wire, this.struct(ms, properties, expecting, tag));
    }
    plan.names = declaredNames(s, schemaOrder);
    const aliases = s.serdeAliases;
    plan.indexNames = isSchemaObject(aliases) ? plan.names.filter((n) => !hasOwn.call(aliases, n)) : plan.names;
    addAliases(s, plan.variants);
    if (typeof s.serdeOther === 'string') plan.other = plan.variants.get(s.serdeOther);
    return plan;
  }

  private external(s: Schema, members: unknown[], typeName: string, register: boolean): ExternalEnumPlan {
    const plan: ExternalEnumPlan = { kind: 'external', variants: new Map(), names: [], other: undefined };
    if (register) this.cache.set(s, plan);
    const schemaOrder: string[] = [];
    for (const m of members) {
      const ms = m as Schema;
      const literals = stringLiterals(ms);
      if (literals !== undefined) {
        for (const n of literals) {
          schemaOrder.push(n);
          plan.variants.set(n, { kind: 'unit', plan: undefined });
        }
        continue;
      }
      // `{ "<variant>": body }` with exactly one property.
      const properties = ms.properties as Schema;
      const wire = Object.keys(properties)[0] as string;
      schemaOrder.push(wire);
      const body = properties[wire];
      const { schema: bodySchema, name: bodyName } = this.deref(body, undefined);
      // schemars inlines a struct variant's fields as an anonymous object; a newtype variant wrapping
      // a named struct shows up as a `$ref` (or, with inlined TypeBox schemas, as an object with a title).
      const isStructVariant =
        isSchemaObject(bodySchema) && bodyName === undefined && bodySchema.title === undefined && bodySchema.$id === undefined && isSchemaObject(bodySchema.properties);
      if (isStructVariant) {
        const ident = typeof ms.serdeName === 'string' ? ms.serdeName : pascalCase(wire);
        const variant: ExternalVariant = { kind: 'struct', plan: undefined };
        plan.variants.set(wire, variant);
        variant.plan = this.struct(bodySchema, bodySchema.properties as Schema, `struct variant ${typeName}::${ident}`, undefined);
      } else {
        const variant: ExternalVariant = { kind: 'newtype', plan: undefined };
        plan.variants.set(wire, variant);
        variant.plan = this.compile(body, undefined);
      }
    }
    plan.names = declaredNames(s, schemaOrder);
    finishExternal(s, plan);
    return plan;
  }
}

/** Applies `serdeAliases` (alias → wire name) and `serdeOther` to an externally tagged enum. */
function finishExternal(s: Schema, plan: ExternalEnumPlan): void {
  addAliases(s, plan.variants);
  if (typeof s.serdeOther === 'string') plan.other = plan.variants.get(s.serdeOther);
}

/** `serdeAliases: { alias: name }`: the alias looks up the same entry (variant or field) as `name`. */
function addAliases<T>(s: Schema, byName: Map<string, T>): void {
  const aliases = s.serdeAliases;
  if (!isSchemaObject(aliases)) return;
  for (const alias in aliases) {
    const target = byName.get(aliases[alias] as string);
    if (target !== undefined) byName.set(alias, target);
  }
}

/** `serdeVariants` when the schema gives it, else the order the schema lists the variants in. */
function declaredNames(s: Schema, schemaOrder: string[]): string[] {
  const declared = s.serdeVariants;
  if (Array.isArray(declared) && declared.every((x) => typeof x === 'string')) return declared as string[];
  return schemaOrder;
}

/** A member of an externally tagged enum: string literal(s), or an object with exactly one required property. */
function isExternalMember(m: unknown): boolean {
  if (!isSchemaObject(m)) return false;
  if (stringLiterals(m) !== undefined) return true;
  if (!isSchemaObject(m.properties)) return false;
  const keys = Object.keys(m.properties);
  return keys.length === 1 && Array.isArray(m.required) && m.required.length === 1 && m.required[0] === keys[0];
}

/**
 * The internal tag of a union: a property that every member declares as required with a single
 * string literal value (`type` preferred). Undefined when the members do not all look like that.
 */
function findTag(s: Schema, members: unknown[]): string | undefined {
  if (members.length === 0) return undefined;
  const candidates: string[] = [];
  if (typeof s.serdeTag === 'string') candidates.push(s.serdeTag);
  else {
    const first = members[0];
    if (!isSchemaObject(first) || !isSchemaObject(first.properties)) return undefined;
    if ('type' in first.properties) candidates.push('type');
    for (const k of Object.keys(first.properties)) if (k !== 'type') candidates.push(k);
  }
  outer: for (const tag of candidates) {
    for (const m of members) {
      if (!isSchemaObject(m) || !isSchemaObject(m.properties)) return undefined;
      const p = m.properties[tag];
      if (!isSchemaObject(p) || singleLiteral(p) === undefined) continue outer;
      if (!Array.isArray(m.required) || !m.required.includes(tag)) continue outer;
    }
    // Every member is `{ <tag>: <single literal>, ... }`; an externally tagged member's only key
    // would name the variant and hold its body, never a literal, so this cannot be misread.
    return tag;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Checking: returns undefined when serde would accept the value, else serde's message. Messages are
// only built on failure, so the success path allocates nothing.

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function check(plan: Plan, v: unknown): string | undefined {
  switch (plan.kind) {
    case 'any':
      return undefined;
    case 'string':
      if (typeof v !== 'string') return invalidType(v, plan.expected);
      // Without a base path the reference only takes paths that are already absolute (unix rules).
      if (plan.absolutePath && v.charCodeAt(0) !== 47 /* '/' */) return 'AbsolutePathBuf deserialized without a base path';
      return undefined;
    case 'bool':
      return typeof v === 'boolean' ? undefined : invalidType(v, plan.expected);
    case 'int':
      return checkInt(plan.expected, plan.min, plan.below, v);
    case 'float':
      return typeof v === 'number' || typeof v === 'bigint' ? undefined : invalidType(v, plan.expected);
    case 'unit':
      // serde's Content deserializer also takes an empty map as unit (`{"never":{}}` works).
      return v === null || v === undefined || (isObject(v) && isEmpty(v)) ? undefined : invalidType(v, plan.expected);
    case 'option':
      return v === null || v === undefined ? undefined : check(plan.inner, v);
    case 'seq': {
      if (!Array.isArray(v)) return invalidType(v, plan.expected);
      for (let i = 0; i < v.length; i++) {
        const err = check(plan.items, v[i]);
        if (err !== undefined) return err;
      }
      return undefined;
    }
    case 'map': {
      if (!isObject(v)) return invalidType(v, plan.expected);
      for (const k in v) {
        if (!hasOwn.call(v, k)) continue;
        const err = check(plan.values, v[k]);
        if (err !== undefined) return err;
      }
      return undefined;
    }
    case 'struct':
      if (isObject(v)) return checkStructMap(plan, v, undefined);
      if (Array.isArray(v)) return checkStructSeq(plan, v, 0);
      return invalidType(v, plan.expecting);
    case 'external':
      return checkExternal(plan, v);
    case 'internal':
      return checkInternal(plan, v);
    case 'untagged':
      for (const alt of plan.alternatives) if (check(alt, v) === undefined) return undefined;
      return `data did not match any variant of untagged enum ${plan.name}`;
  }
}

function isEmpty(o: Record<string, unknown>): boolean {
  for (const k in o) if (hasOwn.call(o, k)) return false;
  return true;
}

/** serde's primitive integer visitors: a float is the wrong type, an integer out of range the wrong value. */
function checkInt(expected: string, min: number, below: number, v: unknown): string | undefined {
  if (typeof v === 'number') {
    if (!isJsonInteger(v)) return invalidType(v, expected);
    return v >= min && v < below ? undefined : invalidValue(v, expected);
  }
  if (typeof v === 'bigint') return v >= BigInt(min) && v < BigInt(below) ? undefined : invalidValue(v, expected);
  return invalidType(v, expected);
}

/**
 * A struct from a JSON object: fields are deserialized in the object's key order (so the first bad
 * value in the input is reported), unknown keys are skipped, and only then are missing fields
 * reported, in declaration order. `skip` is an internal tag already consumed by the enum.
 */
function checkStructMap(plan: StructPlan, v: Record<string, unknown>, skip: string | undefined): string | undefined {
  for (const k in v) {
    if (!hasOwn.call(v, k) || k === skip) continue;
    const field = plan.byName.get(k);
    if (field === undefined) {
      if (plan.denyUnknown) return unknownField(k, plan.fields.map((f) => f.name));
      continue;
    }
    const value = v[k];
    if (value === undefined) continue; // not JSON; treat like an absent key
    const err = check(field.plan, value);
    if (err !== undefined) return err;
  }
  for (const field of plan.fields) {
    if (field.required && !isPresent(v, field.name) && !field.aliases?.some((alias) => isPresent(v, alias))) return missingField(field.name);
  }
  return undefined;
}

function isPresent(v: Record<string, unknown>, key: string): boolean {
  return hasOwn.call(v, key) && v[key] !== undefined;
}

/**
 * A struct from a JSON array (serde accepts the sequence form for derived structs): elements map
 * onto fields in declaration order; a missing element is an error unless the field is
 * `#[serde(default)]`; leftover elements are an error reported after all fields decoded.
 * `start` skips elements already consumed (the tag of an internally tagged enum).
 */
function checkStructSeq(plan: StructPlan, v: unknown[], start: number): string | undefined {
  const fields = plan.fields;
  const available = v.length - start;
  let index = 0;
  for (const field of fields) {
    if (index < available) {
      const err = check(field.plan, v[start + index]);
      if (err !== undefined) return err;
    } else if (!field.seqDefault) {
      return invalidLength(index, `${plan.expecting} with ${fields.length === 1 ? '1 element' : `${fields.length} elements`}`);
    }
    index++;
  }
  if (available > fields.length) return invalidLength(available, `${fields.length === 1 ? '1 element' : `${fields.length} elements`} in sequence`);
  return undefined;
}

function checkExternal(plan: ExternalEnumPlan, v: unknown): string | undefined {
  let wire: string;
  let body: unknown;
  let hasBody: boolean;
  if (typeof v === 'string') {
    wire = v;
    body = undefined;
    hasBody = false;
  } else if (isObject(v)) {
    // `{ "<variant>": <body> }`: exactly one key.
    let only: string | undefined;
    let count = 0;
    for (const k in v) {
      if (!hasOwn.call(v, k)) continue;
      if (++count > 1) break;
      only = k;
    }
    if (count !== 1 || only === undefined) return invalidValue(v, 'map with a single key');
    wire = only;
    body = v[only];
    hasBody = true;
  } else {
    return invalidType(v, 'string or map');
  }
  const variant = plan.variants.get(wire) ?? plan.other;
  if (variant === undefined) return unknownVariant(wire, plan.names);
  switch (variant.kind) {
    case 'unit':
      if (!hasBody || body === null || (isObject(body) && isEmpty(body))) return undefined;
      return invalidType(body, 'unit');
    case 'newtype':
      if (!hasBody) return 'invalid type: unit variant, expected newtype variant';
      return check(variant.plan as Plan, body);
    case 'struct': {
      if (!hasBody) return 'invalid type: unit variant, expected struct variant';
      const sp = variant.plan as StructPlan;
      if (isObject(body)) return checkStructMap(sp, body, undefined);
      if (Array.isArray(body)) return checkStructSeq(sp, body, 0);
      return invalidType(body, 'struct variant');
    }
  }
}

/**
 * `#[serde(tag = "...")]`: serde buffers the object, picks the variant from the tag (a name, or —
 * through its buffered Content — a non-negative integer variant index), then deserializes the
 * variant's fields from the remaining keys. An array is read as `[tag, ...fields]`.
 */
function checkInternal(plan: InternalEnumPlan, v: unknown): string | undefined {
  if (isObject(v)) {
    if (!hasOwn.call(v, plan.tag) || v[plan.tag] === undefined) return missingField(plan.tag);
    const picked = pickVariant(plan, v[plan.tag]);
    if (typeof picked === 'string') return picked;
    return checkStructMap(picked.body, v, plan.tag);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return missingField(plan.tag);
    const picked = pickVariant(plan, v[0]);
    if (typeof picked === 'string') return picked;
    const body = picked.body;
    if (body.fields.length === 0) {
      // A unit variant ignores a map body but not leftover sequence elements.
      return v.length > 1 ? invalidLength(v.length - 1, '0 elements in sequence') : undefined;
    }
    return checkStructSeq(body, v, 1);
  }
  return invalidType(v, plan.expecting);
}

/** The variant a tag value selects, or the error message. */
function pickVariant(plan: InternalEnumPlan, tag: unknown): { body: StructPlan } | string {
  let wire: string | undefined;
  if (typeof tag === 'string') {
    wire = tag;
  } else if ((typeof tag === 'number' && isJsonInteger(tag) && tag >= 0) || (typeof tag === 'bigint' && tag >= 0n)) {
    const n = plan.indexNames.length;
    if (Number(tag) >= n) {
      if (plan.other !== undefined) return { body: plan.other };
      return invalidValue(tag, `variant index 0 <= i < ${n}`);
    }
    wire = plan.indexNames[Number(tag)];
  } else {
    return invalidType(tag, 'variant identifier');
  }
  const body = (wire === undefined ? undefined : plan.variants.get(wire)) ?? plan.other;
  if (body === undefined) return unknownVariant(String(wire), plan.names);
  return { body };
}

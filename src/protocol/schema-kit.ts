/**
 * The few building blocks the protocol schemas are written with. Everything here produces plain
 * JSON Schema keywords plus TypeBox's own symbols, so a schema can be walked by a decoder, checked
 * with TypeBox's `Value`, and printed by the emitters in this folder.
 *
 * Conventions the emitters rely on:
 * - a named definition carries `$id: '<Name>'`; other schemas embed it directly and the emitters
 *   turn such embedded copies back into `$ref`s;
 * - the custom options `experimental`, `spelling`, `published` and the `serde…` keywords read by
 *   decode.ts are facts for this codebase only and never reach the emitted schema.
 */
import {
  Kind,
  OptionalKind,
  Type,
  TypeRegistry,
  type SchemaOptions,
  type Static,
  type TNull,
  type TObject,
  type TOptional,
  type TProperties,
  type TRecord,
  type TSchema,
  type TString,
  type TUnion,
  type TUnknown,
  type TUnsafe,
} from '@sinclair/typebox';

/** Marks a union the reference spells `oneOf` (tagged enums) rather than `anyOf`. */
export const OneOfHint: unique symbol = Symbol.for('weft.protocol.oneOf');

/** `T | null`, as serde writes `Option<T>`. */
export function Nullable<T extends TSchema>(schema: T, options?: SchemaOptions): TUnion<[T, TNull]> {
  return Type.Union([schema, Type.Null()], options);
}

/** An `Option<T>` field: may be omitted or null. */
export function Opt<T extends TSchema>(schema: T): TOptional<TUnion<[T, TNull]>> {
  return Type.Optional(Nullable(schema));
}

export interface TStrEnum<V extends string = string> extends TUnsafe<V> {
  [Kind]: 'StrEnum';
  type: 'string';
  enum: V[];
}

TypeRegistry.Set<TStrEnum>('StrEnum', (schema, value) => typeof value === 'string' && schema.enum.includes(value));

/**
 * A string from a fixed list, spelled `{type:'string', enum:[…]}` like the reference. The order is
 * the declaration order, which serde repeats in its "expected one of …" errors.
 */
export function StrEnum<const V extends readonly string[]>(values: V, options?: SchemaOptions): TStrEnum<V[number]> {
  return Type.Unsafe<V[number]>({ ...options, [Kind]: 'StrEnum', type: 'string', enum: [...values] }) as TStrEnum<V[number]>;
}

// Rust integer widths, kept as `format` because decoders quote them ("expected u32").
export const i32 = (options?: SchemaOptions) => Type.Integer({ ...options, format: 'int32' });
export const i64 = (options?: SchemaOptions) => Type.Integer({ ...options, format: 'int64' });
export const u16 = (options?: SchemaOptions) => Type.Integer({ ...options, format: 'uint16', minimum: 0 });
export const u32 = (options?: SchemaOptions) => Type.Integer({ ...options, format: 'uint32', minimum: 0 });
export const u64 = (options?: SchemaOptions) => Type.Integer({ ...options, format: 'uint64', minimum: 0 });
/** Rust `usize`, which the reference spells `format: 'uint'`. */
export const usize = (options?: SchemaOptions) => Type.Integer({ ...options, format: 'uint', minimum: 0 });
export const f32 = (options?: SchemaOptions) => Type.Number({ ...options, format: 'float' });
export const f64 = (options?: SchemaOptions) => Type.Number({ ...options, format: 'double' });

/**
 * Any JSON value. The reference writes such a schema as `true`, except where upstream attached
 * documentation to it, which leaves `{}`; the two spellings are kept apart because schema
 * comparison tells them apart.
 */
export function Json(spelling?: '{}'): TUnknown {
  return spelling ? Type.Unknown({ spelling }) : Type.Unknown();
}

/** A JSON object with string keys and values of one schema (a Rust map). */
export function Dict<T extends TSchema>(values: T): TRecord<TString, T> {
  return Type.Record(Type.String(), values);
}

/** Records the default serde fills in for an omitted field. */
export function Default<T extends TSchema>(schema: T, value: Static<T>): T {
  return { ...schema, default: value };
}

/**
 * Marks a field (or a union variant) that needs the `experimentalApi` capability. `descriptor` is
 * the text of the gate's error message, which is not always `<method>.<field>`.
 */
export function Experimental<T extends TSchema>(descriptor: string, schema: T): T {
  return { ...schema, experimental: descriptor };
}

/**
 * A place where the reference's published schema differs from what its server accepts (upstream
 * has hand-written serde code there). Validation and the static type follow `wire`; the emitters
 * print `published`, so the generated schema stays the reference's.
 */
export function Published<T extends TSchema>(wire: T, published: TSchema): T {
  return { ...wire, published };
}

/** Whether property `key` of an object schema is required in the published schema. */
export function isPublishedRequired(object: TSchema, key: string): boolean {
  const published = (object.properties as Record<string, TSchema>)[key]!.published as TSchema | undefined;
  return published ? published[OptionalKind] !== 'Optional' : ((object.required ?? []) as string[]).includes(key);
}

/** A union the reference spells `oneOf`. Object variants named by a single key get their title. */
export function OneOf<T extends TSchema[]>(variants: [...T], options?: SchemaOptions): TUnion<T> {
  const name = options?.$id;
  return union(name ? variants.map((v) => withExternalTitle(v, name)) : variants, options) as TUnion<T>;
}

/**
 * Built by hand because `Type.Union` turns a one-variant union into the variant itself, and the
 * decoder must still see an enum there (serde names it in messages: `internally tagged enum …`).
 */
function union(variants: TSchema[], options?: SchemaOptions): TUnion {
  return { ...options, [OneOfHint]: true, [Kind]: 'Union', anyOf: variants } as unknown as TUnion;
}

function withExternalTitle<T extends TSchema>(variant: T, name: string): T {
  const keys = variant[Kind] === 'Object' ? Object.keys(variant.properties as object) : [];
  return keys.length === 1 && variant.title === undefined ? { ...variant, title: pascal(keys[0]!) + name } : variant;
}

type VariantProperties<V> = V extends TObject<infer P> ? P : V extends TProperties ? V : never;
type TaggedVariant<K extends string, T extends string, P extends TProperties> = TObject<{ [Q in K]: TStrEnum<T> } & P>;
export type TTagged<K extends string, V extends Record<string, TProperties | TObject>> = TUnion<
  Array<{ [T in keyof V & string]: TaggedVariant<K, T, VariantProperties<V[T]>> }[keyof V & string]>
>;

/**
 * An internally tagged enum (`#[serde(tag = "…")]`): each variant is an object whose `tag` field
 * holds the variant's name. A variant is given as its other fields, or as a `Type.Object` when it
 * needs options of its own (e.g. an experimental marker). Titles follow the reference's pattern
 * (`TextUserInput`, `TextUserInputType`).
 */
export function Tagged<K extends string, const V extends Record<string, TProperties | TObject>>(
  tag: K,
  variants: V,
  options: SchemaOptions & { $id: string },
): TTagged<K, V> {
  const name = options.$id;
  const schemas = Object.entries(variants).map(([value, variant]) => {
    const title = pascal(value) + name;
    const { properties, ...variantOptions } = (isObjectSchema(variant) ? variant : { properties: variant }) as TObject;
    const tagSchema = StrEnum([value], { title: title + pascal(tag) });
    return Type.Object({ [tag]: tagSchema, ...properties }, { ...variantOptions, title });
  });
  return union(schemas, options) as unknown as TTagged<K, V>;
}

function isObjectSchema(value: TProperties | TObject): value is TObject {
  return (value as { [Kind]?: unknown })[Kind] === 'Object';
}

/** `snake_case`, `kebab-case`, `camelCase` or `a/b` → `PascalCase`, as schemars builds titles. */
function pascal(text: string): string {
  return text
    .split(/[_\-/ ]/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

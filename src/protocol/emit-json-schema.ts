/**
 * Prints the protocol as JSON Schema in the layout `codex app-server generate-json-schema --out DIR`
 * writes: the bundle `codex_app_server_protocol.schemas.json` (top-level definitions plus a `v2`
 * namespace), the flat `codex_app_server_protocol.v2.schemas.json`, and one self-contained file per
 * method payload, envelope and union (`<Name>.json`, `v1/…`, `v2/…`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Kind, type TSchema } from '@sinclair/typebox';
import { catalog, type Definition, type Namespace } from './catalog.ts';
import { OneOfHint, isPublishedRequired } from './schema-kit.ts';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
const MAIN_BUNDLE = 'codex_app_server_protocol.schemas.json';
const V2_BUNDLE = 'codex_app_server_protocol.v2.schemas.json';
/** Besides the v2 namespace, the flat bundle carries these roots and what they refer to. */
const FLAT_V2_ROOTS = ['ClientRequest', 'ServerNotification', 'EventMsg'];

type Json = boolean | { [key: string]: unknown };
type JsonObject = { [key: string]: unknown };

export interface JsonSchemaOptions {
  /** Include experimental methods and fields (the reference's `--experimental`). */
  readonly experimental: boolean;
}

export function writeJsonSchema(outDir: string, options: JsonSchemaOptions): void {
  for (const [path, value] of jsonSchemaFiles(options)) {
    const file = join(outDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  }
}

/** Every file of the output: relative path → content. */
export function jsonSchemaFiles(options: JsonSchemaOptions): Map<string, JsonObject> {
  const defs = jsonDefinitions(options);
  const files = new Map<string, JsonObject>();

  const nestedPath = (name: string) => (defs.get(name)!.namespaces.has('v2') ? `#/definitions/v2/${name}` : `#/definitions/${name}`);
  const flatPath = (name: string) => `#/definitions/${name}`;
  const nested = new Printer(defs, options, nestedPath);
  const top: JsonObject = {};
  const v2: JsonObject = {};
  for (const def of defs.values()) {
    if (def.namespaces.has('top')) top[def.name] = nested.print(def, isRootIn(def, 'top'));
    if (def.namespaces.has('v2')) v2[def.name] = nested.print(def, isRootIn(def, 'v2'));
  }
  files.set(MAIN_BUNDLE, bundle('CodexAppServerProtocol', { ...top, v2 }));

  const flat = new Printer(defs, options, flatPath);
  const v2Names = [...defs.values()].filter((d) => d.namespaces.has('v2')).map((d) => d.name);
  const flatDefs: JsonObject = {};
  for (const name of flat.closure([...v2Names, ...FLAT_V2_ROOTS])) {
    // Entries are the main bundle's, the v2 namespace's where a definition is in both.
    const def = defs.get(name)!;
    flatDefs[name] = flat.print(def, isRootIn(def, def.namespaces.has('v2') ? 'v2' : 'top'));
  }
  files.set(V2_BUNDLE, bundle('CodexAppServerProtocolV2', flatDefs));

  // The reference prunes experimental methods and fields after collecting a file's definitions, so
  // the types only they use stay listed.
  const reach = options.experimental ? flat : new Printer(jsonDefinitions({ experimental: true }), { experimental: true }, flatPath);
  for (const def of defs.values()) {
    if (def.fileDir === undefined) continue;
    const file: JsonObject = flat.print(def, true);
    const closure = reach.closure(reach.refsOf(def.name)).filter((n) => defs.has(n)).sort();
    if (closure.length) file.definitions = Object.fromEntries(closure.map((n) => [n, flat.print(defs.get(n)!, false)]));
    files.set(join(def.fileDir, `${def.name}.json`), file);
  }
  return files;
}

/** Whether the entry of `def` in namespace `ns` is the one its own file is made from. */
function isRootIn(def: Definition, ns: Namespace): boolean {
  return ns === 'v2' ? def.fileDir === 'v2' : def.fileDir === '' || def.fileDir === 'v1';
}

function jsonDefinitions(options: JsonSchemaOptions): Map<string, Definition> {
  return new Map([...catalog({ ...options, target: 'json' })].filter(([, d]) => !d.tsOnly));
}

function bundle(title: string, definitions: JsonObject): JsonObject {
  return { $schema: DRAFT_07, title, type: 'object', definitions };
}

/** Options of ours that are facts for this codebase only, never part of the wire contract. */
function isInternalKey(key: string): boolean {
  return key === '$id' || key === 'experimental' || key === 'spelling' || key === 'published' || key.startsWith('serde');
}

const KEY_ORDER = ['$schema', 'title', 'type', 'oneOf', 'anyOf', 'allOf', 'required', 'properties', 'additionalProperties', 'items'];
const rank = (key: string) => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length);

/** Turns TypeBox schemas into plain JSON Schema; embedded named definitions become `$ref`s. */
class Printer {
  private readonly printed = new Map<string, { schema: JsonObject; refs: Set<string> }>();
  private refs = new Set<string>();

  constructor(
    private readonly defs: ReadonlyMap<string, Definition>,
    private readonly options: JsonSchemaOptions,
    private readonly refPath: (name: string) => string,
  ) {}

  /**
   * A definition's schema. Its title comes from the layout, not the source (where a title may name
   * the Rust type for the decoder): roots of a per-type file carry `$schema` and `title`, others neither.
   */
  print(def: Definition, asRoot: boolean): JsonObject {
    const { title: _, ...body } = this.body(def.name);
    return asRoot ? { $schema: DRAFT_07, title: def.name, ...body } : body;
  }

  refsOf(name: string): string[] {
    this.body(name);
    return [...this.printed.get(name)!.refs];
  }

  /** `names` plus every definition they reach through refs. */
  closure(names: string[]): string[] {
    const seen = new Set(names);
    const queue = [...seen];
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      for (const ref of this.refsOf(name)) {
        if (seen.has(ref)) continue;
        seen.add(ref);
        queue.push(ref);
      }
    }
    return [...seen];
  }

  private body(name: string): JsonObject {
    let entry = this.printed.get(name);
    if (!entry) {
      this.refs = new Set();
      const schema = this.node(this.defs.get(name)!.schema, true) as JsonObject;
      entry = { schema, refs: this.refs };
      this.printed.set(name, entry);
    }
    return entry.schema;
  }

  private node(node: TSchema, isDefinition = false): Json {
    if (!isDefinition && typeof node.$id === 'string' && this.defs.has(node.$id)) return this.ref(node);
    if (node.published) return this.node(node.published as TSchema);
    if (node[Kind] === 'This') return this.refTo(node.$ref as string);
    if (node[Kind] === 'Unknown') return node.spelling === '{}' ? {} : true;
    if (node[Kind] === 'Intersect') return this.flattened(node.allOf as TSchema[]);
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (isInternalKey(key) || key === 'required') continue;
      if (key === 'properties') out.properties = this.properties(value as Record<string, TSchema>);
      else if (key === 'items') out.items = this.node(value as TSchema);
      else if (key === 'additionalProperties') out.additionalProperties = typeof value === 'boolean' ? value : this.node(value as TSchema);
      else if (key === 'patternProperties') out.additionalProperties = this.node(Object.values(value as Record<string, TSchema>)[0]!);
      else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf') out[key] = (value as TSchema[]).map((v) => this.node(v));
      else out[key] = value;
    }
    if (out.properties) {
      // Like the reference, in name order; the source keeps Rust declaration order for the decoder.
      const names = Object.keys(out.properties as JsonObject).sort();
      out.properties = Object.fromEntries(names.map((k) => [k, (out.properties as JsonObject)[k]]));
      const required = names.filter((k) => isPublishedRequired(node, k));
      if (required.length) out.required = required;
    }
    if (out.anyOf && (node as { [OneOfHint]?: boolean })[OneOfHint]) {
      out.oneOf = out.anyOf;
      delete out.anyOf;
    }
    return sortKeys(out.anyOf ? mergeNullable(out) : out);
  }

  private properties(properties: Record<string, TSchema>): JsonObject {
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(properties)) {
      if (!this.options.experimental && typeof value.experimental === 'string') continue;
      out[key] = this.node(value);
    }
    return out;
  }

  /** serde's `#[serde(flatten)]` of a tagged enum into a struct: one object with a `oneOf`. */
  private flattened(parts: TSchema[]): Json {
    const [base, alternatives] = parts.map((p) => this.node(p)) as [JsonObject, JsonObject];
    return sortKeys({ ...base, oneOf: alternatives.oneOf ?? alternatives.anyOf });
  }

  private ref(node: TSchema): Json {
    const name = node.$id as string;
    const ref = this.refTo(name);
    const own = this.defs.get(name)!.schema.default;
    return 'default' in node && !isDeepStrictEqual(node.default, own) ? { default: node.default, allOf: [ref] } : ref;
  }

  private refTo(name: string): JsonObject {
    this.refs.add(name);
    return { $ref: this.refPath(name) };
  }
}

/** `anyOf: [X, {type:'null'}]` → `type: [X, 'null']` where X is a plain typed schema, as the reference spells it. */
function mergeNullable(node: JsonObject): JsonObject {
  const variants = node.anyOf as Json[];
  const nonNull = variants.filter((v) => !(typeof v === 'object' && v.type === 'null' && Object.keys(v).length === 1));
  const inner = nonNull[0];
  if (variants.length !== 2 || nonNull.length !== 1 || typeof inner !== 'object' || typeof inner.type !== 'string' || 'enum' in inner) return node;
  const { anyOf: _, ...rest } = node;
  return sortKeys({ ...inner, ...rest, type: [inner.type, 'null'] });
}

function sortKeys(node: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(node).sort(([a], [b]) => rank(a) - rank(b)));
}

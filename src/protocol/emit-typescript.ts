/**
 * Prints the protocol as TypeScript declarations in the layout `codex app-server generate-ts` writes:
 * one `<Name>.ts` per definition (v2 namespace under `v2/`), an `index.ts` per folder, and
 * `serde_json/JsonValue.ts` for free-form JSON. The types come from the same schemas the server
 * validates with, through a small JSON Schema → TypeScript printer.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Kind, type TSchema } from '@sinclair/typebox';
import { catalog, type Definition } from './catalog.ts';
import { isPublishedRequired } from './schema-kit.ts';

const HEADER = '// Generated from the Weft protocol schemas. Do not edit by hand.\n';
const JSON_VALUE_FILE = 'serde_json/JsonValue.ts';
const JSON_VALUE =
  'export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]?: JsonValue } | null;\n';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const WIDTH = 100;

export interface TypescriptOptions {
  /** Include experimental methods and fields (the reference's `--experimental`). */
  readonly experimental: boolean;
  /** A Prettier executable to format the files with, as the reference's `--prettier`. */
  readonly prettier?: string | undefined;
}

export function writeTypescript(outDir: string, options: TypescriptOptions): void {
  const written: string[] = [];
  for (const [path, text] of typescriptFiles(options)) {
    const file = join(outDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    written.push(file);
  }
  if (options.prettier) {
    const run = spawnSync(options.prettier, ['--write', '--log-level', 'warn', ...written], { stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`prettier failed with status ${run.status ?? run.signal}`);
  }
}

/** Every file of the output: relative path → content. */
export function typescriptFiles(options: TypescriptOptions): Map<string, string> {
  const defs = catalog({ experimental: options.experimental, target: 'typescript' });
  const files = new Map<string, string>();
  const byDir = new Map<string, string[]>([['', []], ['v2', []]]);
  for (const def of defs.values()) {
    const dir = fileOf(def).startsWith('v2/') ? 'v2' : '';
    byDir.get(dir)!.push(def.name);
    files.set(fileOf(def), new Printer(defs, options, fileOf(def)).file(def));
  }
  files.set(JSON_VALUE_FILE, HEADER + '\n' + JSON_VALUE);
  const index = (names: string[]) => names.sort().map((n) => `export type { ${n} } from "./${n}";\n`).join('');
  files.set('index.ts', `${HEADER}\n${index(byDir.get('')!)}export type { JsonValue } from "./serde_json/JsonValue";\nexport * as v2 from "./v2";\n`);
  files.set('v2/index.ts', `${HEADER}\n${index(byDir.get('v2')!)}`);
  return files;
}

/** v2-only definitions go under `v2/`; RequestId, listed in both namespaces, stays at the root. */
function fileOf(def: Definition): string {
  return def.namespaces.has('top') ? `${def.name}.ts` : `v2/${def.name}.ts`;
}

class Printer {
  private readonly imports = new Map<string, string>();

  constructor(
    private readonly defs: ReadonlyMap<string, Definition>,
    private readonly options: TypescriptOptions,
    private readonly path: string,
  ) {}

  file(def: Definition): string {
    const type = this.type(def.schema, 0, true);
    const body = `export type ${def.name} =${type.startsWith('\n') ? '' : ' '}${type};\n`;
    const imports = [...this.imports]
      .filter(([name]) => name !== def.name)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, target]) => `import type { ${name} } from "${this.specifier(target)}";\n`)
      .join('');
    return `${HEADER}\n${imports}${imports ? '\n' : ''}${body}`;
  }

  private specifier(target: string): string {
    const rel = relative(dirname(this.path), target).replace(/\.ts$/, '');
    return rel.startsWith('.') ? rel : `./${rel}`;
  }

  private use(name: string): string {
    const def = this.defs.get(name);
    this.imports.set(name, def ? fileOf(def) : JSON_VALUE_FILE);
    return name;
  }

  private type(node: TSchema, indent: number, isDefinition = false): string {
    if (!isDefinition && typeof node.$id === 'string' && this.defs.has(node.$id)) return this.use(node.$id);
    if (node.published) return this.type(node.published as TSchema, indent, isDefinition);
    if (node[Kind] === 'This') return this.use(node.$ref as string);
    if (node[Kind] === 'Unknown') return this.use('JsonValue');
    if (node[Kind] === 'Intersect') return (node.allOf as TSchema[]).map((p) => this.wrapped(p, indent)).join(' & ');
    const variants = (node.anyOf ?? node.oneOf) as TSchema[] | undefined;
    if (variants) {
      const members = [...new Set(variants.map((v) => this.type(v, indent + 2)))];
      const flat = members.join(' | ');
      return isDefinition && flat.length > WIDTH ? members.map((m) => `\n  | ${m}`).join('') : flat;
    }
    if (Array.isArray(node.enum)) return (node.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
    switch (node.type) {
      case 'null':
        return 'null';
      case 'string':
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'array':
        return `Array<${this.type(node.items as TSchema, indent)}>`;
    }
    if (node.patternProperties) return this.map(Object.values(node.patternProperties as Record<string, TSchema>)[0]!, indent);
    return this.object(node, indent);
  }

  private wrapped(node: TSchema, indent: number): string {
    const text = this.type(node, indent);
    return node.anyOf || node.oneOf ? `(${text})` : text;
  }

  private map(values: TSchema, indent: number): string {
    return `{ [key in string]?: ${this.type(values, indent)} }`;
  }

  private object(node: TSchema, indent: number): string {
    const members = Object.entries((node.properties ?? {}) as Record<string, TSchema>)
      .filter(([, schema]) => this.options.experimental || typeof schema.experimental !== 'string')
      .map(([name, schema]) => {
        const key = IDENTIFIER.test(name) ? name : JSON.stringify(name);
        return `${key}${isPublishedRequired(node, name) ? '' : '?'}: ${this.type(schema, indent + 2)}`;
      });
    const extra = node.additionalProperties;
    const rest = extra === undefined || extra === false ? '' : ` & ${this.map(extra === true ? ({ [Kind]: 'Unknown' } as TSchema) : (extra as TSchema), indent)}`;
    if (!members.length) return rest ? rest.slice(3) : 'Record<string, never>';
    const flat = `{ ${members.join(', ')} }`;
    const pad = ' '.repeat(indent);
    const text = indent + flat.length <= WIDTH && !flat.includes('\n') ? flat : `{\n${members.map((m) => `${pad}  ${m},\n`).join('')}${pad}}`;
    return text + rest;
  }
}

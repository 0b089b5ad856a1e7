import { MultipleDocumentsError, YamlValueError, type Mark } from './errors.ts';
import { loadFirstDocument, type YamlEvent } from './parser.ts';

/**
 * The shape a YAML document is read into, mirroring the reference's typed reading: strings take
 * any scalar as text, options take null-like scalars as absent, structs ignore unknown keys and
 * refuse a known key given twice.
 */
export type Shape =
  | { kind: 'string' }
  | { kind: 'bool' }
  | { kind: 'option'; of: Shape }
  | { kind: 'seq'; of: Shape }
  | { kind: 'struct'; name: string; fields: Readonly<Record<string, Shape>> };

export const str: Shape = { kind: 'string' };
export const bool: Shape = { kind: 'bool' };
export const option = (of: Shape): Shape => ({ kind: 'option', of });
export const seq = (of: Shape): Shape => ({ kind: 'seq', of });
export const struct = (name: string, fields: Record<string, Shape>): Shape => ({ kind: 'struct', name, fields });

/** Absent fields and options are `undefined`; structs are plain objects of their present fields. */
export type YamlValue = string | boolean | undefined | YamlValue[] | { [key: string]: YamlValue };

/** Reads `text` as `shape`; throws the first problem, as the reference words it. */
export function readYaml(text: string, shape: Shape): YamlValue {
  const doc = loadFirstDocument(text);
  const events = doc.events.length ? doc.events : [EMPTY_DOCUMENT];
  const reader = new Reader(events, doc.error);
  const value = reader.read(shape, '.');
  if (doc.error) throw doc.error;
  if (doc.more) throw new MultipleDocumentsError();
  return value;
}

const START: Mark = { index: 0, line: 0, column: 0 };
/** A stream without a document reads as an empty one. */
const EMPTY_DOCUMENT: YamlEvent = { type: 'scalar', value: '', style: 'plain', tag: null, start: START };

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);

type Scalar = Extract<YamlEvent, { type: 'scalar' }>;
const isNull = (e: Scalar) => (e.style === 'plain' && e.tag === null && NULLS.has(e.value)) || e.tag === 'tag:yaml.org,2002:null';
const isEmpty = (e: Scalar) => e.style === 'plain' && e.tag === null && e.value === '';

const childPath = (path: string, key: string) => (path === '.' ? key : `${path}.${key}`);

class Reader {
  private pos = 0;

  constructor(
    private readonly events: readonly YamlEvent[],
    private readonly error: Error | null,
  ) {}

  read(shape: Shape, path: string): YamlValue {
    const event = this.peek();
    if (event.type === 'alias') {
      this.pos += 1;
      const resume = this.pos;
      this.pos = event.target;
      const value = this.read(shape, path);
      this.pos = resume;
      return value;
    }
    switch (shape.kind) {
      case 'option':
        if (event.type === 'scalar' && isNull(event)) {
          this.pos += 1;
          return undefined;
        }
        return this.read(shape.of, path);
      case 'string':
        this.pos += 1;
        if (event.type === 'scalar') return event.value;
        throw this.invalidType(event, 'a string', path);
      case 'bool':
        this.pos += 1;
        if (event.type === 'scalar' && event.style === 'plain' && TRUES.has(event.value)) return true;
        if (event.type === 'scalar' && event.style === 'plain' && FALSES.has(event.value)) return false;
        throw this.invalidType(event, 'a boolean', path);
      case 'seq':
        return this.readSeq(shape.of, event, path);
      case 'struct':
        return this.readStruct(shape, event, path);
    }
  }

  private peek(): YamlEvent {
    const event = this.events[this.pos];
    if (!event) throw this.error ?? new Error('EOF while parsing a value');
    return event;
  }

  private readSeq(of: Shape, event: YamlEvent, path: string): YamlValue[] {
    this.pos += 1;
    if (event.type === 'scalar' && isEmpty(event)) return [];
    if (event.type !== 'sequenceStart') throw this.invalidType(event, 'a sequence', path);
    const items: YamlValue[] = [];
    while (this.peek().type !== 'sequenceEnd') items.push(this.read(of, `${path}[${items.length}]`));
    this.pos += 1;
    return items;
  }

  private readStruct(shape: Extract<Shape, { kind: 'struct' }>, event: YamlEvent, path: string): Record<string, YamlValue> {
    this.pos += 1;
    if (event.type === 'scalar' && isEmpty(event)) return {};
    if (event.type !== 'mappingStart') throw this.invalidType(event, `struct ${shape.name}`, path);
    const fields: Record<string, YamlValue> = {};
    while (this.peek().type !== 'mappingEnd') {
      const key = this.readKey(path);
      const fieldShape = Object.hasOwn(shape.fields, key) ? shape.fields[key] : undefined;
      if (!fieldShape) {
        this.skipNode();
        continue;
      }
      if (Object.hasOwn(fields, key)) throw new YamlValueError(`duplicate field \`${key}\``, path, event.start);
      fields[key] = this.read(fieldShape, childPath(path, key));
    }
    this.pos += 1;
    return fields;
  }

  private readKey(path: string): string {
    const event = this.peek();
    if (event.type === 'alias') {
      const resume = this.pos + 1;
      this.pos = event.target;
      const key = this.readKey(path);
      this.pos = resume;
      return key;
    }
    if (event.type !== 'scalar') throw this.invalidType(event, 'field identifier', path);
    this.pos += 1;
    return event.value;
  }

  /** Passes over one node (an ignored field's value), which must still be complete. */
  private skipNode(): void {
    let depth = 0;
    do {
      const event = this.peek();
      this.pos += 1;
      if (event.type === 'sequenceStart' || event.type === 'mappingStart') depth += 1;
      else if (event.type === 'sequenceEnd' || event.type === 'mappingEnd') depth -= 1;
    } while (depth > 0);
  }

  private invalidType(event: YamlEvent, expected: string, path: string): YamlValueError {
    return new YamlValueError(`invalid type: ${unexpected(event)}, expected ${expected}`, path, event.start);
  }
}

/** How the reference names a value it did not expect. */
function unexpected(event: YamlEvent): string {
  if (event.type === 'sequenceStart') return 'sequence';
  if (event.type === 'mappingStart') return 'map';
  if (event.type !== 'scalar') return 'unit value';
  if (isNull(event)) return 'unit value';
  if (event.style === 'plain' && event.tag === null) {
    if (TRUES.has(event.value)) return 'boolean `true`';
    if (FALSES.has(event.value)) return 'boolean `false`';
    const int = integerValue(event.value);
    if (int !== null) return `integer \`${int}\``;
    const float = floatValue(event.value);
    if (float !== null) return `floating point \`${float}\``;
  }
  return `string ${debugString(event.value)}`;
}

function integerValue(text: string): string | null {
  const m = /^([-+]?)(?:0x([0-9a-fA-F]+)|0o([0-7]+)|0b([01]+)|([0-9]+))$/.exec(text);
  if (!m) return null;
  const [, sign, hex, oct, bin, dec] = m;
  const digits = hex !== undefined ? BigInt(`0x${hex}`) : oct !== undefined ? BigInt(`0o${oct}`) : bin !== undefined ? BigInt(`0b${bin}`) : BigInt(dec!);
  return `${sign === '-' && digits !== 0n ? '-' : ''}${digits}`;
}

function floatValue(text: string): string | null {
  if (/^[-+]?\.(inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? '-inf' : 'inf';
  if (/^\.(nan|NaN|NAN)$/.test(text)) return 'NaN';
  if (!/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isInteger(value) && Math.abs(value) < 1e16 ? String(value) : String(value).replace('e+', 'e');
}

/** A string as the reference quotes it in messages (Rust's debug form). */
function debugString(text: string): string {
  let out = '"';
  for (const c of text) {
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c === '\0') out += '\\0';
    else if (c.codePointAt(0)! < 0x20 || c === '\x7f') out += `\\u{${c.codePointAt(0)!.toString(16)}}`;
    else out += c;
  }
  return `${out}"`;
}

/**
 * The command tools' arguments, checked the way the reference's serde_json does, so a model that
 * sends bad arguments reads the same correction: `failed to parse function arguments: missing
 * field `cmd` at line 1 column 2`. Fields are checked in the order they appear (serde reads them
 * so), required ones once the object has ended; unknown fields are ignored.
 */
import { floatText, invalidType, invalidValue, missingField, unknownVariant } from '../../protocol/decode-format.ts';

export type FieldKind = 'string' | 'bool' | 'u64' | 'i32' | 'usize' | 'strings' | 'sandboxPermissions';

/** A field of a type of its own: its value as read, or serde's complaint blamed on offset `at`. */
export type FieldDecoder = (node: JsonNode) => { ok: true; value: unknown } | { ok: false; message: string; at: number };

export interface ArgsSpec {
  /** The Rust struct's name, for `expected struct X`. */
  struct: string;
  fields: Record<string, { kind: FieldKind; required?: true; alias?: string } | { decode: FieldDecoder }>;
}

export type ArgsResult = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

const SANDBOX_PERMISSIONS = ['use_default', 'require_escalated', 'with_additional_permissions'];

export function parseArgs(text: string, spec: ArgsSpec): ArgsResult {
  const fail = (message: string, at: number): ArgsResult => argsFailure(text, message, at);
  const read = readJsonArgs(text);
  if (!read.ok) return read;
  const root = read.root;
  if (root.kind !== 'object') return fail(invalidType(root.value, `struct ${spec.struct}`), root.end);
  const value: Record<string, unknown> = {};
  const names = new Map(Object.entries(spec.fields).flatMap(([name, f]) => ('alias' in f && f.alias ? [[name, name], [f.alias, name]] : [[name, name]])));
  for (const member of root.members) {
    const name = names.get(member.key);
    if (name === undefined) continue;
    if (name in value) return fail(`duplicate field \`${name}\``, member.keyEnd);
    const field = spec.fields[name]!;
    if ('decode' in field) {
      // An `Option`: null is None.
      const decoded = member.node.kind === 'null' ? { ok: true as const, value: null } : field.decode(member.node);
      if (!decoded.ok) return fail(decoded.message, decoded.at);
      value[name] = decoded.value;
      continue;
    }
    const problem = check(member.node, field.kind, field.required ?? false);
    if (problem) return fail(problem.message, problem.at);
    value[name] = member.node.value;
  }
  const missing = Object.keys(spec.fields).find((name) => {
    const field = spec.fields[name]!;
    return 'required' in field && field.required && !(name in value);
  });
  if (missing) return fail(missingField(missing), root.end);
  return { ok: true, value };
}

/** How serde names what a field of each kind expects. */
const EXPECTED: Partial<Record<FieldKind, string>> = { string: 'a string', bool: 'a boolean', u64: 'u64', i32: 'i32', usize: 'usize', strings: 'a sequence' };

const INTEGER_RANGES: Partial<Record<FieldKind, [number, number]>> = {
  u64: [0, 2 ** 64 - 1],
  usize: [0, 2 ** 64 - 1],
  i32: [-(2 ** 31), 2 ** 31 - 1],
};

/** What is wrong with a present field, if anything; null is fine when it is optional (an `Option`). */
function check(node: JsonNode, kind: FieldKind, required: boolean): { message: string; at: number } | null {
  const at = errorAt(node);
  if (node.kind === 'null') return required ? { message: invalidType(null, EXPECTED[kind] ?? kind), at } : null;
  const range = INTEGER_RANGES[kind];
  if (range) {
    if (node.kind === 'number' && !node.integer) return { message: `invalid type: floating point \`${floatText(node.value)}\`, expected ${kind}`, at };
    if (node.kind !== 'number') return { message: invalidType(node.value, kind), at };
    const n = node.value as number;
    return n < range[0] || n > range[1] ? { message: invalidValue(n, kind), at } : null;
  }
  switch (kind) {
    case 'string':
      return typeof node.value === 'string' ? null : { message: invalidType(node.value, EXPECTED.string!), at };
    case 'bool':
      return typeof node.value === 'boolean' ? null : { message: invalidType(node.value, EXPECTED.bool!), at };
    case 'sandboxPermissions':
      if (typeof node.value !== 'string') return { message: 'expected value', at: node.start + 1 };
      return SANDBOX_PERMISSIONS.includes(node.value) ? null : { message: unknownVariant(node.value, SANDBOX_PERMISSIONS), at };
    default: {
      if (node.kind !== 'array') return { message: invalidType(node.value, EXPECTED.strings!), at };
      const bad = node.items.find((item) => typeof item.value !== 'string');
      return bad ? { message: invalidType(bad.value, EXPECTED.string!), at: errorAt(bad) } : null;
    }
  }
}

/** Arguments as a tree of nodes that know where they are in the text, or serde_json's complaint about the syntax. */
export function readJsonArgs(text: string): { ok: true; root: JsonNode } | { ok: false; message: string } {
  try {
    return { ok: true, root: new Scanner(text).document() };
  } catch (err) {
    if (err instanceof SyntaxFailure) return argsFailure(text, err.message, err.at);
    throw err;
  }
}

/** The model's correction for arguments that do not deserialize: `message` blamed on offset `at`. */
export function argsFailure(text: string, message: string, at: number): { ok: false; message: string } {
  return { ok: false, message: `failed to parse function arguments: ${message} at ${position(text, at)}` };
}

/** serde_json blames a scalar once read, a container on sight (the column before its bracket). */
export const errorAt = (node: JsonNode) => (node.kind === 'object' || node.kind === 'array' ? node.start : node.end);

/** serde_json's `line L column C` for an offset: columns count bytes, the offending one included. */
function position(text: string, at: number): string {
  const before = text.slice(0, at);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  return `line ${line} column ${Buffer.byteLength(before.slice(lineStart))}`;
}

export type JsonNode =
  | { kind: 'object'; value: Record<string, unknown>; members: { key: string; keyEnd: number; node: JsonNode }[]; start: number; end: number }
  | { kind: 'array'; value: unknown[]; items: JsonNode[]; start: number; end: number }
  | { kind: 'number'; value: number; integer: boolean; start: number; end: number }
  | { kind: 'string' | 'bool' | 'null'; value: unknown; start: number; end: number };

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class SyntaxFailure extends Error {
  constructor(message: string, readonly at: number) {
    super(message);
  }
}

/** A JSON reader that keeps where each value ends, with serde_json's words for what is wrong. */
class Scanner {
  private i = 0;
  constructor(private readonly s: string) {}

  document(): JsonNode {
    const node = this.value();
    this.space();
    if (this.i < this.s.length) throw new SyntaxFailure('trailing characters', this.i + 1);
    return node;
  }

  private space(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i]!)) this.i++;
  }

  private value(): JsonNode {
    this.space();
    const start = this.i;
    const c = this.s[this.i];
    if (c === undefined) throw new SyntaxFailure('EOF while parsing a value', this.i);
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return { kind: 'string', value: this.string(), start, end: this.i };
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (word[0] !== c) continue;
      for (let k = 1; k < word.length; k++) {
        if (this.s[this.i + k] === undefined) throw new SyntaxFailure('EOF while parsing a value', this.i + k);
        if (this.s[this.i + k] !== word[k]) throw new SyntaxFailure('expected ident', this.i + k + 1);
      }
      this.i += word.length;
      return { kind: value === null ? 'null' : 'bool', value, start, end: this.i };
    }
    throw new SyntaxFailure('expected value', this.i + 1);
  }

  private object(): JsonNode {
    const start = this.i++;
    const members: { key: string; keyEnd: number; node: JsonNode }[] = [];
    const value: Record<string, unknown> = {};
    this.space();
    if (this.s[this.i] === '}') return { kind: 'object', value, members, start, end: ++this.i };
    for (;;) {
      this.space();
      const c = this.s[this.i];
      if (c === undefined) throw new SyntaxFailure('EOF while parsing an object', this.i);
      if (c === '}' && members.length > 0) throw new SyntaxFailure('trailing comma', this.i + 1);
      if (c !== '"') throw new SyntaxFailure('key must be a string', this.i + 1);
      const key = this.string();
      const keyEnd = this.i;
      this.space();
      if (this.s[this.i] === undefined) throw new SyntaxFailure('EOF while parsing an object', this.i);
      if (this.s[this.i] !== ':') throw new SyntaxFailure('expected `:`', this.i + 1);
      this.i++;
      const node = this.value();
      members.push({ key, keyEnd, node });
      value[key] = node.value;
      this.space();
      const next = this.s[this.i];
      if (next === undefined) throw new SyntaxFailure('EOF while parsing an object', this.i);
      this.i++;
      if (next === '}') return { kind: 'object', value, members, start, end: this.i };
      if (next !== ',') throw new SyntaxFailure('expected `,` or `}`', this.i);
    }
  }

  private array(): JsonNode {
    const start = this.i++;
    const items: JsonNode[] = [];
    this.space();
    if (this.s[this.i] === ']') return { kind: 'array', value: [], items, start, end: ++this.i };
    for (;;) {
      this.space();
      if (this.s[this.i] === ']' && items.length > 0) throw new SyntaxFailure('trailing comma', this.i + 1);
      items.push(this.value());
      this.space();
      const next = this.s[this.i];
      if (next === undefined) throw new SyntaxFailure('EOF while parsing a list', this.i);
      this.i++;
      if (next === ']') return { kind: 'array', value: items.map((n) => n.value), items, start, end: this.i };
      if (next !== ',') throw new SyntaxFailure('expected `,` or `]`', this.i);
    }
  }

  private string(): string {
    let out = '';
    for (let j = this.i + 1; j < this.s.length; j++) {
      const c = this.s[j]!;
      if (c === '"') {
        this.i = j + 1;
        return out;
      }
      if (c < ' ') throw new SyntaxFailure('control character (\\u0000-\\u001F) found while parsing a string', j + 1);
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.s[++j];
      if (e === undefined) break;
      if (e === 'u') {
        const hex = this.s.slice(j + 1, j + 5);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SyntaxFailure('invalid escape', j + 1 + Math.min(hex.length, 4));
        out += String.fromCharCode(parseInt(hex, 16));
        j += 4;
      } else if (e in ESCAPES) out += ESCAPES[e];
      else throw new SyntaxFailure('invalid escape', j + 1);
    }
    throw new SyntaxFailure('EOF while parsing a string', this.s.length);
  }

  private number(): JsonNode {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.s.slice(this.i));
    if (!m || m[0] === '-') throw new SyntaxFailure('invalid number', this.i + 1);
    const start = this.i;
    this.i += m[0].length;
    return { kind: 'number', value: Number(m[0]), integer: m[2] === undefined && m[3] === undefined, start, end: this.i };
  }
}

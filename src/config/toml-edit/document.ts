import { isTable, type TomlValue } from '../tree.ts';
import { encodeKey, encodeValue, sortedKeys } from './encode.ts';
import { Scanner, type KeyToken } from './scan.ts';

/**
 * A config.toml that can be edited without losing what people wrote in it: comments, blank lines,
 * spacing, key order and the spelling of untouched values all survive. It follows the model of the
 * reference's TOML editor closely enough that the same edit gives the same file: tables remember
 * where their header stood, new keys go at the end of their table, a replaced table keeps the
 * comments of the keys it keeps, and new tables follow the table they are nested in.
 */

/** Text around a key or value; unset parts take the editor's defaults. */
interface Decor {
  prefix?: string;
  suffix?: string;
}

interface Entry {
  /** For a value: its dotted key path as written in the file. For a table: the key as written. */
  keyText?: string;
  /** Before the key (comment lines included) and between the key and `=`. */
  leaf: Decor;
  item: Item;
}

type Item = ValueItem | TableItem | ArrayOfTables;

interface ValueItem {
  kind: 'value';
  /** The value as written, or as encoded for a new value. */
  repr: string;
  /** Between `=` and the value; after the value up to the line end (spaces and comment). */
  decor: Decor;
}

interface TableItem {
  kind: 'table';
  entries: Map<string, Entry>;
  /** Exists only because of a nested header or a new nested key: no header of its own. */
  implicit: boolean;
  /** Made by a dotted key (`a.b = 1`): its values print as dotted keys in the enclosing table. */
  dotted: boolean;
  /** For a dotted table: its key path as written, to prefix new keys with. */
  pathText?: string;
  /** Order of the header in the file; unset for new tables, which follow the previous table. */
  position?: number;
  /** Before the header (blank lines, comments) and after it on its line. */
  decor: Decor;
  /** The text between the brackets of a header read from the file. */
  header?: string;
}

interface ArrayOfTables {
  kind: 'array';
  tables: TableItem[];
}

const newTable = (implicit: boolean): TableItem => ({ kind: 'table', entries: new Map(), implicit, dotted: false, decor: {} });

export class TomlDocument {
  private constructor(
    private readonly root: TableItem,
    /** Whatever follows the last key or header: trailing comments and blank lines. */
    private readonly trailing: string,
  ) {}

  static parse(text: string): TomlDocument {
    const { root, trailing } = new DocumentParser(text).parse();
    return new TomlDocument(root, trailing);
  }

  /**
   * Sets the value at `path`, creating tables on the way (an inline table met on the way becomes a
   * standard one, any other value is replaced). False when an array of tables is in the way.
   */
  set(path: readonly string[], value: TomlValue): boolean {
    const parent = this.descend(path.slice(0, -1), true);
    if (!parent) return false;
    const key = path[path.length - 1]!;
    const replacement = itemFor(value);
    const existing = parent.entries.get(key);
    if (existing) {
      preserveDecor(existing.item, replacement);
      if (existing.item.kind === 'value' && replacement.kind === 'table') adoptKeyComments(existing, replacement);
      existing.item = replacement;
    } else {
      parent.entries.set(key, { leaf: {}, item: replacement });
    }
    return true;
  }

  /** Removes the key at `path`; false when there is nothing to remove. */
  remove(path: readonly string[]): boolean {
    const parent = this.descend(path.slice(0, -1), false);
    return parent ? parent.entries.delete(path[path.length - 1]!) : false;
  }

  toString(): string {
    const tables: { position: number; table: TableItem; path: PathStep[]; array: boolean }[] = [];
    let lastPosition = 0;
    const visit = (table: TableItem, path: PathStep[], array: boolean) => {
      if (!table.dotted) {
        if (table.position !== undefined) lastPosition = table.position;
        tables.push({ position: lastPosition, table, path, array });
      }
      for (const [name, entry] of table.entries) {
        const step = { name, entry };
        if (entry.item.kind === 'table') visit(entry.item, [...path, step], false);
        else if (entry.item.kind === 'array') for (const t of entry.item.tables) visit(t, [...path, step], true);
      }
    };
    visit(this.root, [], false);
    tables.sort((a, b) => a.position - b.position);
    let out = '';
    let first = true;
    for (const { table, path, array } of tables) {
      const values = valuesOf(table);
      if (path.length === 0) {
        if (values.length) first = false;
      } else if (array || !(table.implicit && values.length === 0)) {
        const prefix = table.decor.prefix ?? (first ? '' : '\n');
        first = false;
        const header = table.header ?? headerOf(path);
        out += `${prefix}${array ? `[[${header}]]` : `[${header}]`}${table.decor.suffix ?? ''}\n`;
      }
      for (const { keyText, entry, value } of values) {
        out += `${entry.leaf.prefix ?? ''}${keyText}${entry.leaf.suffix ?? ' '}=${value.decor.prefix ?? ' '}${value.repr}${value.decor.suffix ?? ''}\n`;
      }
    }
    return out + this.trailing;
  }

  private descend(path: readonly string[], create: boolean): TableItem | undefined {
    let current = this.root;
    for (const key of path) {
      if (create && !current.entries.has(key)) current.entries.set(key, { leaf: {}, item: newTable(true) });
      const entry = current.entries.get(key);
      const next = entry && tableFor(entry, create);
      if (!next) return undefined;
      current = next;
    }
    return current;
  }
}

interface PathStep {
  name: string;
  entry: Entry;
}

/** A new header's key path; the last key keeps the spaces written after it. */
function headerOf(path: PathStep[]): string {
  const keys = path.map((s) => s.entry.keyText ?? encodeKey(s.name)).join('.');
  return keys + (path[path.length - 1]!.entry.leaf.suffix ?? '');
}

/** A table's values in print order, the values of its dotted tables in their place. */
function valuesOf(table: TableItem): { keyText: string; entry: Entry; value: ValueItem }[] {
  const out: { keyText: string; entry: Entry; value: ValueItem }[] = [];
  for (const [name, entry] of table.entries) {
    if (entry.item.kind === 'table' && entry.item.dotted) out.push(...valuesOf(entry.item));
    else if (entry.item.kind === 'value') {
      const keyText = entry.keyText ?? (table.dotted ? `${table.pathText}.${encodeKey(name)}` : encodeKey(name));
      out.push({ keyText, entry, value: entry.item });
    }
  }
  return out;
}

/**
 * The table an entry stands for when a path goes through it. An inline table becomes a standard
 * table; when writing, any other value gives way to an empty table; arrays of tables are not
 * entered.
 */
function tableFor(entry: Entry, forWrite: boolean): TableItem | undefined {
  const item = entry.item;
  if (item.kind === 'table') return item;
  if (item.kind === 'array') return undefined;
  const isInline = item.repr.startsWith('{');
  if (!isInline && !forWrite) return undefined;
  const table = isInline ? tableFromInline(item.repr) : newTable(true);
  adoptKeyComments(entry, table);
  entry.item = table;
  return table;
}

/**
 * A value turning into a table: its key now names a header. Comments written above the key move
 * above the header (the reference moves them inside the brackets, which breaks the file); the
 * spaces that stood before `=` stay after the key inside the brackets, as in the reference.
 */
function adoptKeyComments(entry: Entry, table: TableItem): void {
  const prefix = entry.leaf.prefix ?? '';
  if (prefix.trim()) table.decor.prefix = prefix;
  entry.keyText = undefined;
  entry.leaf = { suffix: entry.leaf.suffix };
}

function tableFromInline(repr: string): TableItem {
  const table = newTable(true);
  const s = new Scanner(repr);
  s.pos = 1;
  for (;;) {
    s.blanks();
    if (s.peek() === '}' || s.done) break;
    const keys = s.keyPath();
    s.spaces();
    s.pos++; // '='
    const prefix = s.spaces();
    const repr = s.value();
    let target = table;
    for (const [i, key] of keys.slice(0, -1).entries()) target = dottedChild(target, key, keys.slice(0, i + 1).map((k) => k.raw).join('.'));
    target.entries.set(keys[keys.length - 1]!.name, { leaf: {}, item: { kind: 'value', repr, decor: { prefix, suffix: '' } } });
    s.blanks();
    if (s.peek() === ',') s.pos++;
  }
  return table;
}

function dottedChild(parent: TableItem, key: KeyToken, pathText: string): TableItem {
  const existing = parent.entries.get(key.name);
  if (existing?.item.kind === 'table') return existing.item;
  const table: TableItem = { ...newTable(true), dotted: true, pathText };
  parent.entries.set(key.name, { keyText: key.raw, leaf: {}, item: table });
  return table;
}

/** A new item for a value: tables become standard tables (keys sorted), anything else a value. */
function itemFor(value: TomlValue): Item {
  if (!isTable(value)) return { kind: 'value', repr: encodeValue(value), decor: {} };
  const table = newTable(false);
  for (const key of sortedKeys(value)) table.entries.set(key, { leaf: {}, item: itemFor(value[key]!) });
  return table;
}

/** A replacement keeps the text around the item it replaces and around the keys both have. */
function preserveDecor(existing: Item, replacement: Item): void {
  if (existing.kind === 'table' && replacement.kind === 'table') {
    replacement.decor = { ...existing.decor };
    for (const [name, old] of existing.entries) {
      const next = replacement.entries.get(name);
      if (!next) continue;
      next.leaf = { ...old.leaf };
      preserveDecor(old.item, next.item);
    }
  } else if (existing.kind === 'value' && replacement.kind === 'value') {
    replacement.decor = { ...existing.decor };
  }
}

class DocumentParser {
  private readonly s: Scanner;
  private readonly root: TableItem = { ...newTable(false), position: 0 };
  private current: TableItem = this.root;
  /** Blank and comment lines since the last key or header; they belong to the next one. */
  private pending = '';
  private headers = 0;

  constructor(text: string) {
    this.s = new Scanner(text);
  }

  parse(): { root: TableItem; trailing: string } {
    const s = this.s;
    while (!s.done) {
      const lineStart = s.pos;
      const indent = s.spaces();
      if (s.done) {
        this.pending += indent;
        break;
      }
      if (s.peek() === '#' || s.atNewline()) {
        s.lineRest();
        s.newline();
        this.pending += s.text.slice(lineStart, s.pos);
        continue;
      }
      const prefix = this.pending + indent;
      this.pending = '';
      if (s.peek() === '[') this.header(prefix);
      else this.keyValue(prefix);
    }
    return { root: this.root, trailing: this.pending };
  }

  private header(prefix: string): void {
    const s = this.s;
    const array = s.startsWith('[[');
    s.pos += array ? 2 : 1;
    const start = s.pos;
    s.spaces();
    const keys = s.keyPath();
    s.spaces();
    const header = s.text.slice(start, s.pos);
    if (!s.startsWith(array ? ']]' : ']')) s.fail('expected `]`');
    s.pos += array ? 2 : 1;
    const suffix = s.lineRest();
    s.newline();
    let parent = this.root;
    for (const key of keys.slice(0, -1)) {
      let entry = parent.entries.get(key.name);
      if (!entry) {
        entry = { keyText: key.raw, leaf: {}, item: newTable(true) };
        parent.entries.set(key.name, entry);
      }
      if (entry.item.kind === 'array') parent = entry.item.tables[entry.item.tables.length - 1]!;
      else if (entry.item.kind === 'table') parent = entry.item;
      else s.fail('a header goes through a value');
    }
    const last = keys[keys.length - 1]!;
    const fields = { position: ++this.headers, decor: { prefix, suffix }, header };
    const existing = parent.entries.get(last.name);
    let table: TableItem;
    if (array) {
      table = { ...newTable(false), ...fields };
      if (existing?.item.kind === 'array') existing.item.tables.push(table);
      else parent.entries.set(last.name, { keyText: last.raw, leaf: {}, item: { kind: 'array', tables: [table] } });
    } else if (existing?.item.kind === 'table') {
      table = Object.assign(existing.item, fields, { implicit: false });
    } else {
      table = { ...newTable(false), ...fields };
      parent.entries.set(last.name, { keyText: last.raw, leaf: {}, item: table });
    }
    this.current = table;
  }

  private keyValue(prefix: string): void {
    const s = this.s;
    const start = s.pos;
    const keys = s.keyPath();
    const keyText = s.text.slice(start, s.pos);
    const keySuffix = s.spaces();
    if (s.peek() !== '=') s.fail('expected `=`');
    s.pos++;
    const valuePrefix = s.spaces();
    const repr = s.value();
    const suffix = s.lineRest();
    s.newline();
    let table = this.current;
    for (const key of keys.slice(0, -1)) table = dottedChild(table, key, s.text.slice(start, key.end));
    table.entries.set(keys[keys.length - 1]!.name, {
      keyText,
      leaf: { prefix, suffix: keySuffix },
      item: { kind: 'value', repr, decor: { prefix: valuePrefix, suffix } },
    });
  }
}

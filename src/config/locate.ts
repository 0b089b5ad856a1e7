import type { KeyPath } from './tree.ts';

/** 1-based, like the positions the reference prints. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Finds where `path` is set in a TOML text, for error messages: the position of its value (or of
 * its table header). The parser gives no positions for values, so this is a line scanner that
 * understands headers, dotted and quoted keys, inline tables and multi-line strings — enough for
 * config files. When the exact key is not found it answers with the nearest enclosing one.
 */
export function locateKey(source: string, path: KeyPath): Position | undefined {
  const target = path.map(String);
  let best: { depth: number; at: Position } | undefined;
  const consider = (keys: string[], at: Position) => {
    const depth = prefixDepth(keys, target);
    if (depth === keys.length && (!best || depth > best.depth)) best = { depth, at };
  };
  let table: string[] = [];
  let openString: string | undefined;
  const lines = source.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (openString) {
      if (countOf(line, openString) % 2 === 1) openString = undefined;
      continue;
    }
    const start = line.search(/\S/);
    if (start < 0 || line[start] === '#') continue;
    if (line[start] === '[') {
      const double = line[start + 1] === '[';
      const parsed = readKey(line, start + (double ? 2 : 1));
      if (!parsed) continue;
      table = parsed.keys;
      consider(table, { line: index + 1, column: start + 1 });
      continue;
    }
    const parsed = readKey(line, start);
    if (!parsed || line[parsed.end] !== '=') continue;
    const valueAt = skipSpaces(line, parsed.end + 1);
    const keys = [...table, ...parsed.keys];
    consider(keys, { line: index + 1, column: valueAt + 1 });
    if (line[valueAt] === '{') scanInline(line, valueAt, keys, index + 1, consider);
    openString = opensMultiline(line.slice(valueAt));
  }
  return best?.at;
}

function prefixDepth(keys: readonly string[], target: readonly string[]): number {
  let depth = 0;
  while (depth < keys.length && depth < target.length && keys[depth] === target[depth]) depth++;
  return depth;
}

/** Reads `a."b".'c'` starting at `pos`; `end` is the first non-space after it. */
function readKey(line: string, pos: number): { keys: string[]; end: number } | undefined {
  const keys: string[] = [];
  for (;;) {
    pos = skipSpaces(line, pos);
    const quote = line[pos];
    if (quote === '"' || quote === "'") {
      const close = findClosingQuote(line, pos);
      if (close < 0) return undefined;
      const body = line.slice(pos + 1, close);
      keys.push(quote === '"' ? unescapeBasic(body) : body);
      pos = close + 1;
    } else {
      const bare = /^[A-Za-z0-9_-]+/.exec(line.slice(pos));
      if (!bare) return undefined;
      keys.push(bare[0]);
      pos += bare[0].length;
    }
    pos = skipSpaces(line, pos);
    if (line[pos] !== '.') return { keys, end: pos };
    pos++;
  }
}

function scanInline(
  line: string,
  open: number,
  prefix: string[],
  lineNo: number,
  consider: (keys: string[], at: Position) => void,
): number {
  let pos = open + 1;
  for (;;) {
    pos = skipSpaces(line, pos);
    if (pos >= line.length || line[pos] === '}') return pos + 1;
    const parsed = readKey(line, pos);
    if (!parsed || line[parsed.end] !== '=') return line.length;
    const valueAt = skipSpaces(line, parsed.end + 1);
    const keys = [...prefix, ...parsed.keys];
    consider(keys, { line: lineNo, column: valueAt + 1 });
    pos = line[valueAt] === '{' ? scanInline(line, valueAt, keys, lineNo, consider) : skipValue(line, valueAt);
    pos = skipSpaces(line, pos);
    if (line[pos] === ',') pos++;
  }
}

/** Index just past a scalar, array or inline table starting at `pos`. */
function skipValue(line: string, pos: number): number {
  let depth = 0;
  for (; pos < line.length; pos++) {
    const c = line[pos];
    if (c === '"' || c === "'") {
      const close = findClosingQuote(line, pos);
      if (close < 0) return line.length;
      pos = close;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (depth === 0) return pos;
      depth--;
    } else if (c === ',' && depth === 0) return pos;
  }
  return pos;
}

function findClosingQuote(line: string, open: number): number {
  const quote = line[open];
  for (let i = open + 1; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') i++;
    else if (line[i] === quote) return i;
  }
  return -1;
}

function unescapeBasic(body: string): string {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return body;
  }
}

function skipSpaces(line: string, pos: number): number {
  while (line[pos] === ' ' || line[pos] === '\t') pos++;
  return pos;
}

function countOf(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** The delimiter of a multi-line string left open at the end of this value, if any. */
function opensMultiline(value: string): string | undefined {
  for (const delimiter of ['"""', "'''"]) {
    if (value.startsWith(delimiter) && countOf(value, delimiter) % 2 === 1) return delimiter;
  }
  return undefined;
}

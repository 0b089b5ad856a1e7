/**
 * The part of Starlark that rules files use: top-level calls and assignments whose values are
 * strings, ints, booleans, None, lists, tuples, names and `+`. The reference evaluates full
 * Starlark; functions, conditions and loops are refused here with a parse error, so such a file
 * leaves the rules unapplied (with a warning) instead of being misread.
 */

/** Offsets into the source: `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

export type Expr =
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'int'; value: number; span: Span }
  | { kind: 'name'; name: string; span: Span }
  | { kind: 'list' | 'tuple'; items: Expr[]; span: Span }
  | { kind: 'call'; callee: Expr; args: Arg[]; span: Span }
  | { kind: 'add'; left: Expr; right: Expr; span: Span }
  | { kind: 'negate'; operand: Expr; span: Span };

export interface Arg {
  name: string | null;
  value: Expr;
}

export type Statement = { kind: 'expr'; expr: Expr } | { kind: 'assign'; name: string; nameSpan: Span; value: Expr };

export class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

type Token =
  | { t: 'name'; v: string; span: Span }
  | { t: 'int'; v: number; span: Span }
  | { t: 'string'; v: string; span: Span }
  | { t: 'op'; v: string; span: Span }
  | { t: 'newline'; span: Span }
  | { t: 'eof'; span: Span };

const UNSUPPORTED_KEYWORDS = new Set(['def', 'if', 'elif', 'else', 'for', 'while', 'load', 'return', 'lambda', 'break', 'continue', 'and', 'or', 'not', 'in']);
const OPERATORS = ['==', '!=', '<=', '>=', '+=', '-=', '*=', '**', '//', '(', ')', '[', ']', '{', '}', ',', '=', '+', '-', ':', '.', ';', '*', '/', '%', '<', '>', '|', '&', '^', '~'];
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let at = 0;
  let lineStart = true;
  const push = (tok: Token) => {
    tokens.push(tok);
    lineStart = false;
  };
  while (at < src.length) {
    const c = src[at]!;
    if (c === '\n') {
      if (depth === 0 && tokens.length && tokens.at(-1)!.t !== 'newline') tokens.push({ t: 'newline', span: { start: at, end: at + 1 } });
      at++;
      lineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      const from = at;
      while (src[at] === ' ' || src[at] === '\t' || src[at] === '\r') at++;
      const blank = src[at] === undefined || src[at] === '\n' || src[at] === '#';
      if (lineStart && depth === 0 && !blank) throw new SyntaxProblem('Parse error: unexpected new indentation block here', { start: from, end: from + 1 });
      continue;
    }
    if (c === '#') {
      while (at < src.length && src[at] !== '\n') at++;
      continue;
    }
    if (c === '\\' && src[at + 1] === '\n') {
      at += 2;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(at, at + 256));
    const quoteAfterPrefix = name && /^[rRbB]{1,2}$/.test(name[0]) && (src[at + name[0].length] === '"' || src[at + name[0].length] === "'");
    if (c === '"' || c === "'" || quoteAfterPrefix) {
      const prefix = quoteAfterPrefix ? name![0] : '';
      if (/[bB]/.test(prefix)) throw new SyntaxProblem('Parse error: byte strings are not supported in rules files', { start: at, end: at + prefix.length + 1 });
      const { value, end } = readString(src, at + prefix.length, /[rR]/.test(prefix), at);
      push({ t: 'string', v: value, span: { start: at, end } });
      at = end;
      continue;
    }
    if (name) {
      push({ t: 'name', v: name[0], span: { start: at, end: at + name[0].length } });
      at += name[0].length;
      continue;
    }
    const digits = /^\d+/.exec(src.slice(at, at + 64));
    if (digits) {
      push({ t: 'int', v: Number(digits[0]), span: { start: at, end: at + digits[0].length } });
      at += digits[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, at));
    if (!op) throw new SyntaxProblem(`Parse error: invalid input \`${c}\``, { start: at, end: at + 1 });
    if (op === '(' || op === '[' || op === '{') depth++;
    if ((op === ')' || op === ']' || op === '}') && depth > 0) depth--;
    push({ t: 'op', v: op, span: { start: at, end: at + op.length } });
    at += op.length;
  }
  if (tokens.length && tokens.at(-1)!.t !== 'newline') tokens.push({ t: 'newline', span: { start: src.length, end: src.length } });
  tokens.push({ t: 'eof', span: { start: src.length, end: src.length } });
  return tokens;
}

/** A string literal whose opening quote is at `quoteAt` (`tokenStart` includes any prefix). */
function readString(src: string, quoteAt: number, raw: boolean, tokenStart: number): { value: string; end: number } {
  const quote = src[quoteAt]!;
  const triple = src.startsWith(quote.repeat(3), quoteAt);
  const closer = triple ? quote.repeat(3) : quote;
  let at = quoteAt + closer.length;
  let value = '';
  for (;;) {
    if (at >= src.length || (!triple && src[at] === '\n')) {
      const lineEnd = src.indexOf('\n', tokenStart);
      throw new SyntaxProblem('Parse error: unfinished string literal', { start: tokenStart, end: lineEnd === -1 ? src.length : lineEnd });
    }
    if (src.startsWith(closer, at)) return { value, end: at + closer.length };
    const c = src[at]!;
    if (c !== '\\') {
      value += c;
      at++;
      continue;
    }
    const next = src[at + 1] ?? '';
    if (raw) {
      value += next === '\n' ? '\\\n' : c + next;
      at += 2;
      continue;
    }
    const escape = readEscape(src, at + 1);
    value += escape.text;
    at = escape.end;
  }
}

/** The escape after a backslash at `at - 1`; unknown escapes keep their backslash. */
function readEscape(src: string, at: number): { text: string; end: number } {
  const c = src[at] ?? '';
  if (c === '\n') return { text: '', end: at + 1 };
  if (c in SIMPLE_ESCAPES && c !== '0') return { text: SIMPLE_ESCAPES[c]!, end: at + 1 };
  const octal = /^[0-7]{1,3}/.exec(src.slice(at, at + 3));
  if (octal) return { text: String.fromCodePoint(parseInt(octal[0], 8)), end: at + octal[0].length };
  const hex = c === 'x' ? /^[0-9a-fA-F]{2}/.exec(src.slice(at + 1, at + 3)) : c === 'u' ? /^[0-9a-fA-F]{4}/.exec(src.slice(at + 1, at + 5)) : c === 'U' ? /^[0-9a-fA-F]{8}/.exec(src.slice(at + 1, at + 9)) : null;
  if (hex) return { text: String.fromCodePoint(parseInt(hex[0], 16)), end: at + 1 + hex[0].length };
  return { text: `\\${c}`, end: at + 1 };
}

function describe(tok: Token): string {
  switch (tok.t) {
    case 'newline':
    case 'eof':
      return 'new line';
    case 'string':
      return `string literal ${JSON.stringify(tok.v)}`;
    case 'int':
      return `integer literal ${tok.v}`;
    case 'name':
      return `identifier '${tok.v}'`;
    case 'op':
      return `symbol '${tok.v}'`;
  }
}

export function parseModule(src: string): Statement[] {
  const tokens = tokenize(src);
  let at = 0;
  const peek = (offset = 0) => tokens[Math.min(at + offset, tokens.length - 1)]!;
  const isOp = (tok: Token, v: string) => tok.t === 'op' && tok.v === v;
  // The reference also lists the tokens it expected; that list depends on its parser's states and is left out.
  const unexpected = (tok: Token): never => {
    throw new SyntaxProblem(`Parse error: unexpected ${describe(tok)} here`, tok.span);
  };
  const expectOp = (v: string) => {
    const tok = peek();
    if (!isOp(tok, v)) unexpected(tok);
    at++;
    return tok.span;
  };

  function primary(): Expr {
    const tok = peek();
    if (tok.t === 'name' && UNSUPPORTED_KEYWORDS.has(tok.v)) throw new SyntaxProblem(`Parse error: \`${tok.v}\` is not supported in rules files`, tok.span);
    at++;
    switch (tok.t) {
      case 'string': {
        if (peek().t === 'string') unexpected(peek());
        return { kind: 'string', value: tok.v, span: tok.span };
      }
      case 'int':
        return { kind: 'int', value: tok.v, span: tok.span };
      case 'name':
        return { kind: 'name', name: tok.v, span: tok.span };
      case 'op':
        if (tok.v === '[') {
          const items = sequence(']');
          return { kind: 'list', items, span: { start: tok.span.start, end: expectOp(']').end } };
        }
        if (tok.v === '(') {
          if (isOp(peek(), ')')) return { kind: 'tuple', items: [], span: { start: tok.span.start, end: expectOp(')').end } };
          const first = expression();
          if (isOp(peek(), ')')) {
            at++;
            return first;
          }
          expectOp(',');
          const items = [first, ...sequence(')')];
          return { kind: 'tuple', items, span: { start: tok.span.start, end: expectOp(')').end } };
        }
        if (tok.v === '-') {
          const operand = postfix();
          return { kind: 'negate', operand, span: { start: tok.span.start, end: operand.span.end } };
        }
        return unexpected(tok);
      default:
        return unexpected(tok);
    }
  }

  /** Comma-separated expressions up to (not including) `close`; a trailing comma is fine. */
  function sequence(close: string): Expr[] {
    const items: Expr[] = [];
    while (!isOp(peek(), close)) {
      items.push(expression());
      if (!isOp(peek(), close)) expectOp(',');
    }
    return items;
  }

  function postfix(): Expr {
    let expr = primary();
    while (isOp(peek(), '(')) {
      at++;
      const args: Arg[] = [];
      while (!isOp(peek(), ')')) {
        const named = peek().t === 'name' && isOp(peek(1), '=');
        const name = named ? (peek() as { v: string }).v : null;
        if (named) at += 2;
        args.push({ name, value: expression() });
        if (!isOp(peek(), ')')) expectOp(',');
      }
      expr = { kind: 'call', callee: expr, args, span: { start: expr.span.start, end: expectOp(')').end } };
    }
    return expr;
  }

  function expression(): Expr {
    let expr = postfix();
    while (isOp(peek(), '+')) {
      at++;
      const right = postfix();
      expr = { kind: 'add', left: expr, right, span: { start: expr.span.start, end: right.span.end } };
    }
    return expr;
  }

  const statements: Statement[] = [];
  while (peek().t !== 'eof') {
    const tok = peek();
    if (tok.t === 'newline' || isOp(tok, ';')) {
      at++;
      continue;
    }
    if (tok.t === 'name' && tok.v === 'pass') {
      at++;
    } else if (tok.t === 'name' && isOp(peek(1), '=') && !UNSUPPORTED_KEYWORDS.has(tok.v)) {
      at += 2;
      statements.push({ kind: 'assign', name: tok.v, nameSpan: tok.span, value: expression() });
    } else {
      statements.push({ kind: 'expr', expr: expression() });
    }
    const end = peek();
    if (end.t !== 'newline' && end.t !== 'eof' && !isOp(end, ';')) unexpected(end);
  }
  return statements;
}

/**
 * Lexical pieces of TOML that the document editor needs: where a key, a value or the rest of a
 * line ends. Meaning is left to the real parser (smol-toml); the editor only has to cut the text
 * at the right places, so a value is skipped over, not decoded.
 */

export class TomlScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
  }
}

export interface KeyToken {
  name: string;
  /** The key exactly as written, quotes included. */
  raw: string;
  start: number;
  end: number;
}

const BARE_KEY = /[A-Za-z0-9_-]/;

export class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(offset = 0): string | undefined {
    return this.text[this.pos + offset];
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  fail(message: string): never {
    throw new TomlScanError(message, this.pos);
  }

  /** Spaces and tabs. */
  spaces(): string {
    const start = this.pos;
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
    return this.text.slice(start, this.pos);
  }

  atNewline(): boolean {
    return this.peek() === '\n' || (this.peek() === '\r' && this.peek(1) === '\n');
  }

  /** Consumes a line ending if one is next; true at the end of the text too. */
  newline(): boolean {
    if (this.peek() === '\n') this.pos += 1;
    else if (this.peek() === '\r' && this.peek(1) === '\n') this.pos += 2;
    else return this.done;
    return true;
  }

  /** Spaces and an optional comment up to (not including) the line ending. */
  lineRest(): string {
    const start = this.pos;
    this.spaces();
    if (this.peek() === '#') while (!this.done && !this.atNewline()) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** Whitespace, line endings and comments, as inside arrays. */
  blanks(): void {
    for (;;) {
      this.spaces();
      if (this.peek() === '#') this.lineRest();
      if (!this.atNewline()) return;
      this.newline();
    }
  }

  key(): KeyToken {
    const start = this.pos;
    const c = this.peek();
    let name: string;
    if (c === '"') name = decodeBasic(this.text.slice(start + 1, this.basicStringEnd() - 1));
    else if (c === "'") {
      const close = this.text.indexOf("'", start + 1);
      if (close < 0) this.fail('unterminated key');
      this.pos = close + 1;
      name = this.text.slice(start + 1, close);
    } else {
      while (this.peek() !== undefined && BARE_KEY.test(this.peek()!)) this.pos++;
      if (this.pos === start) this.fail('expected a key');
      name = this.text.slice(start, this.pos);
    }
    return { name, raw: this.text.slice(start, this.pos), start, end: this.pos };
  }

  /** A dotted key: keys separated by dots, with spaces allowed around the dots. */
  keyPath(): KeyToken[] {
    const keys = [this.key()];
    for (;;) {
      const save = this.pos;
      this.spaces();
      if (this.peek() !== '.') {
        this.pos = save;
        return keys;
      }
      this.pos++;
      this.spaces();
      keys.push(this.key());
    }
  }

  /** Skips one value of any kind and returns its text. */
  value(): string {
    const start = this.pos;
    const c = this.peek();
    if (this.startsWith('"""')) this.multilineEnd('"""', true);
    else if (this.startsWith("'''")) this.multilineEnd("'''", false);
    else if (c === '"') this.basicStringEnd();
    else if (c === "'") {
      const close = this.text.indexOf("'", start + 1);
      if (close < 0) this.fail('unterminated string');
      this.pos = close + 1;
    } else if (c === '[') this.array();
    else if (c === '{') this.inlineTable();
    else this.scalar();
    return this.text.slice(start, this.pos);
  }

  private basicStringEnd(): number {
    let i = this.pos + 1;
    while (i < this.text.length && this.text[i] !== '"') i += this.text[i] === '\\' ? 2 : 1;
    if (i >= this.text.length) this.fail('unterminated string');
    this.pos = i + 1;
    return this.pos;
  }

  // A multi-line string may end with one or two quotes right before its closing delimiter.
  private multilineEnd(delimiter: string, escapes: boolean): void {
    const quote = delimiter[0]!;
    let i = this.pos + 3;
    while (i < this.text.length) {
      if (escapes && this.text[i] === '\\') {
        i += 2;
        continue;
      }
      if (this.text.startsWith(delimiter, i)) {
        let run = 3;
        while (run < 5 && this.text[i + run] === quote) run++;
        this.pos = i + run;
        return;
      }
      i++;
    }
    this.fail('unterminated multi-line string');
  }

  private array(): void {
    this.pos++;
    for (;;) {
      this.blanks();
      if (this.peek() === ']') break;
      if (this.done) this.fail('unterminated array');
      this.value();
      this.blanks();
      if (this.peek() === ',') this.pos++;
    }
    this.pos++;
  }

  private inlineTable(): void {
    this.pos++;
    for (;;) {
      this.blanks();
      if (this.peek() === '}') break;
      if (this.done) this.fail('unterminated inline table');
      this.keyPath();
      this.spaces();
      if (this.peek() !== '=') this.fail('expected `=`');
      this.pos++;
      this.spaces();
      this.value();
      this.blanks();
      if (this.peek() === ',') this.pos++;
    }
    this.pos++;
  }

  // Numbers, booleans, dates; a date and its time may be separated by one space.
  private scalar(): void {
    const start = this.pos;
    const stop = /[\s,\]}#]/;
    while (!this.done && !stop.test(this.peek()!)) this.pos++;
    if (/^\d{4}-\d{2}-\d{2}$/.test(this.text.slice(start, this.pos)) && this.peek() === ' ' && /\d/.test(this.peek(1) ?? '')) {
      this.pos++;
      while (!this.done && !stop.test(this.peek()!)) this.pos++;
    }
    if (this.pos === start) this.fail('expected a value');
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };

/** The text of a basic string's body with its escapes applied. */
export function decodeBasic(body: string): string {
  return body.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2}|.)/g, (_, esc: string) => {
    if (esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    return SIMPLE_ESCAPES[esc] ?? esc;
  });
}

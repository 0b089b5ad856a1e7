import { YamlSyntaxError, type Mark } from './errors.ts';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export type Token =
  | { type: 'streamStart' | 'streamEnd' | 'documentStart' | 'documentEnd'; start: Mark; end: Mark }
  | { type: 'blockSequenceStart' | 'blockMappingStart' | 'blockEnd'; start: Mark; end: Mark }
  | { type: 'flowSequenceStart' | 'flowSequenceEnd' | 'flowMappingStart' | 'flowMappingEnd'; start: Mark; end: Mark }
  | { type: 'blockEntry' | 'flowEntry' | 'key' | 'value'; start: Mark; end: Mark }
  | { type: 'versionDirective'; major: number; minor: number; start: Mark; end: Mark }
  | { type: 'tagDirective'; handle: string; prefix: string; start: Mark; end: Mark }
  | { type: 'alias' | 'anchor'; value: string; start: Mark; end: Mark }
  | { type: 'tag'; handle: string; suffix: string; start: Mark; end: Mark }
  | { type: 'scalar'; value: string; style: ScalarStyle; start: Mark; end: Mark };

type TokenType = Token['type'];

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

/** A simple key (one not introduced by `?`) must fit on one line and in this many characters. */
const MAX_SIMPLE_KEY_LENGTH = 1024;

const isBreak = (c: string) => c === '\r' || c === '\n' || c === '\x85' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string) => c === ' ' || c === '\t';
const isBreakZ = (c: string) => c === '' || isBreak(c);
const isBlankZ = (c: string) => isBlank(c) || isBreakZ(c);
const isAlpha = (c: string) => /^[0-9A-Za-z_-]$/.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';
const isHex = (c: string) => /^[0-9A-Fa-f]$/.test(c);
const FLOW_INDICATORS = ',[]{}';

/**
 * Turns YAML text into tokens the way the reference's reader (libyaml) does, with the same
 * indentation and simple-key rules, so that malformed input fails at the same place with the
 * same words.
 */
export class Scanner {
  private readonly chars: string[];
  private pos = 0;
  private mark: Mark = { index: 0, line: 0, column: 0 };
  private readonly tokens: Token[] = [];
  private tokensParsed = 0;
  private streamStartProduced = false;
  private streamEndProduced = false;
  private indent = -1;
  private readonly indents: number[] = [];
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private flowLevel = 0;

  constructor(text: string) {
    this.chars = Array.from(text);
  }

  peek(): Token {
    this.fetchMoreTokens();
    return this.tokens[0]!;
  }

  next(): Token {
    const token = this.peek();
    this.tokens.shift();
    this.tokensParsed += 1;
    if (token.type === 'streamEnd') this.streamEndProduced = true;
    return token;
  }

  /** Whether the stream's end has been handed out (nothing more can be read). */
  get done(): boolean {
    return this.streamEndProduced;
  }

  // ---------------------------------------------------------------- characters

  private ch(k = 0): string {
    return this.chars[this.pos + k] ?? '';
  }

  private at(k: number, c: string): boolean {
    return this.ch(k) === c;
  }

  private copyMark(): Mark {
    return { ...this.mark };
  }

  private skip(): void {
    this.pos += 1;
    this.mark.index += 1;
    this.mark.column += 1;
  }

  private skipLine(): void {
    if (this.ch() === '\r' && this.ch(1) === '\n') {
      this.pos += 2;
      this.mark.index += 2;
    } else if (isBreak(this.ch())) {
      this.pos += 1;
      this.mark.index += 1;
    } else {
      return;
    }
    this.mark.column = 0;
    this.mark.line += 1;
  }

  /** Consumes a line break, returning it normalised (CR, CRLF and NEL read as LF). */
  private readLine(): string {
    const c = this.ch();
    const text = c === '\u2028' || c === '\u2029' ? c : '\n';
    this.skipLine();
    return text;
  }

  private read(): string {
    const c = this.ch();
    this.skip();
    return c;
  }

  private error(context: string | undefined, contextMark: Mark | undefined, problem: string): never {
    throw new YamlSyntaxError(problem, this.copyMark(), context, contextMark);
  }

  // ---------------------------------------------------------------- token queue

  private fetchMoreTokens(): void {
    for (;;) {
      let needMore = this.tokens.length === 0;
      if (!needMore) {
        this.staleSimpleKeys();
        needMore = this.simpleKeys.some((k) => k.possible && k.tokenNumber === this.tokensParsed);
      }
      if (!needMore) return;
      this.fetchNextToken();
    }
  }

  private push(type: TokenType, start: Mark, end: Mark = this.copyMark()): void {
    this.tokens.push({ type, start, end } as Token);
  }

  private fetchNextToken(): void {
    if (this.streamEndProduced) throw new Error('no more YAML tokens');
    if (!this.streamStartProduced) return this.fetchStreamStart();
    this.scanToNextToken();
    this.staleSimpleKeys();
    this.unrollIndent(this.mark.column);
    const c = this.ch();
    if (c === '') return this.fetchStreamEnd();
    if (this.mark.column === 0 && c === '%') return this.fetchDirective();
    if (this.mark.column === 0 && this.isDocumentIndicator('-')) return this.fetchDocumentIndicator('documentStart');
    if (this.mark.column === 0 && this.isDocumentIndicator('.')) return this.fetchDocumentIndicator('documentEnd');
    if (c === '[') return this.fetchFlowCollectionStart('flowSequenceStart');
    if (c === '{') return this.fetchFlowCollectionStart('flowMappingStart');
    if (c === ']') return this.fetchFlowCollectionEnd('flowSequenceEnd');
    if (c === '}') return this.fetchFlowCollectionEnd('flowMappingEnd');
    if (c === ',') return this.fetchFlowEntry();
    if (c === '-' && isBlankZ(this.ch(1))) return this.fetchBlockEntry();
    if (c === '?' && (this.flowLevel > 0 || isBlankZ(this.ch(1)))) return this.fetchKey();
    if (c === ':' && (this.flowLevel > 0 || isBlankZ(this.ch(1)))) return this.fetchValue();
    if (c === '*') return this.fetchAnchor('alias');
    if (c === '&') return this.fetchAnchor('anchor');
    if (c === '!') return this.fetchTag();
    if (c === '|' && this.flowLevel === 0) return this.fetchBlockScalar(true);
    if (c === '>' && this.flowLevel === 0) return this.fetchBlockScalar(false);
    if (c === "'") return this.fetchFlowScalar(true);
    if (c === '"') return this.fetchFlowScalar(false);
    const next = this.ch(1);
    if (
      !(isBlankZ(c) || '-?:,[]{}#&*!|>\'"%@`'.includes(c)) ||
      (c === '-' && !isBlank(next)) ||
      (this.flowLevel === 0 && (c === '?' || c === ':') && !isBlankZ(next))
    ) {
      return this.fetchPlainScalar();
    }
    this.error('while scanning for the next token', this.copyMark(), 'found character that cannot start any token');
  }

  private isDocumentIndicator(c: string): boolean {
    return this.at(0, c) && this.at(1, c) && this.at(2, c) && isBlankZ(this.ch(3));
  }

  // ---------------------------------------------------------------- simple keys and indentation

  private staleSimpleKeys(): void {
    for (const key of this.simpleKeys) {
      if (key.possible && (key.mark.line < this.mark.line || key.mark.index + MAX_SIMPLE_KEY_LENGTH < this.mark.index)) {
        if (key.required) this.error('while scanning a simple key', key.mark, "could not find expected ':'");
        key.possible = false;
      }
    }
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.mark.column;
    if (!this.simpleKeyAllowed) return;
    const key: SimpleKey = { possible: true, required, tokenNumber: this.tokensParsed + this.tokens.length, mark: this.copyMark() };
    this.removeSimpleKey();
    this.simpleKeys[this.simpleKeys.length - 1] = key;
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (key.possible && key.required) this.error('while scanning a simple key', key.mark, "could not find expected ':'");
    key.possible = false;
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.copyMark() });
    this.flowLevel += 1;
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel === 0) return;
    this.flowLevel -= 1;
    this.simpleKeys.pop();
  }

  /** Opens a block collection when `column` is deeper than the current indentation. */
  private rollIndent(column: number, tokenNumber: number | null, type: 'blockSequenceStart' | 'blockMappingStart', mark: Mark): void {
    if (this.flowLevel > 0 || this.indent >= column) return;
    this.indents.push(this.indent);
    this.indent = column;
    const token = { type, start: mark, end: mark } as Token;
    if (tokenNumber === null) this.tokens.push(token);
    else this.tokens.splice(tokenNumber - this.tokensParsed, 0, token);
  }

  /** Closes the block collections deeper than `column`. */
  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.push('blockEnd', this.copyMark());
      this.indent = this.indents.pop()!;
    }
  }

  // ---------------------------------------------------------------- fetchers

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.copyMark() });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.push('streamStart', this.copyMark());
  }

  private fetchStreamEnd(): void {
    if (this.mark.column !== 0) {
      this.mark.column = 0;
      this.mark.line += 1;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.push('streamEnd', this.copyMark());
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.tokens.push(this.scanDirective());
  }

  private fetchDocumentIndicator(type: 'documentStart' | 'documentEnd'): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.copyMark();
    this.skip();
    this.skip();
    this.skip();
    this.push(type, start);
  }

  private fetchFlowCollectionStart(type: 'flowSequenceStart' | 'flowMappingStart'): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    const start = this.copyMark();
    this.skip();
    this.push(type, start);
  }

  private fetchFlowCollectionEnd(type: 'flowSequenceEnd' | 'flowMappingEnd'): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    const start = this.copyMark();
    this.skip();
    this.push(type, start);
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.copyMark();
    this.skip();
    this.push('flowEntry', start);
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.error(undefined, undefined, 'block sequence entries are not allowed in this context');
      this.rollIndent(this.mark.column, null, 'blockSequenceStart', this.copyMark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.copyMark();
    this.skip();
    this.push('blockEntry', start);
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.error(undefined, undefined, 'mapping keys are not allowed in this context');
      this.rollIndent(this.mark.column, null, 'blockMappingStart', this.copyMark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    const start = this.copyMark();
    this.skip();
    this.push('key', start);
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (key.possible) {
      this.tokens.splice(key.tokenNumber - this.tokensParsed, 0, { type: 'key', start: key.mark, end: key.mark });
      this.rollIndent(key.mark.column, key.tokenNumber, 'blockMappingStart', key.mark);
      key.possible = false;
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.error(undefined, undefined, 'mapping values are not allowed in this context');
        this.rollIndent(this.mark.column, null, 'blockMappingStart', this.copyMark());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    const start = this.copyMark();
    this.skip();
    this.push('value', start);
  }

  private fetchAnchor(type: 'alias' | 'anchor'): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.copyMark();
    this.skip();
    let value = '';
    while (isAlpha(this.ch())) value += this.read();
    const c = this.ch();
    if (!value || !(isBlankZ(c) || '?:,]}%@`'.includes(c))) {
      this.error(type === 'alias' ? 'while scanning an alias' : 'while scanning an anchor', start, 'did not find expected alphabetic or numeric character');
    }
    this.tokens.push({ type, value, start, end: this.copyMark() });
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.copyMark();
    let handle: string;
    let suffix: string;
    if (this.ch(1) === '<') {
      handle = '';
      this.skip();
      this.skip();
      suffix = this.scanTagUri(start, null, true);
      if (this.ch() !== '>') this.error('while scanning a tag', start, "did not find the expected '>'");
      this.skip();
    } else {
      const first = this.scanTagHandle(start, false);
      if (first.length > 1 && first.endsWith('!')) {
        handle = first;
        suffix = this.scanTagUri(start, null);
      } else {
        suffix = this.scanTagUri(start, first.slice(1));
        handle = '!';
        if (!suffix) {
          handle = '';
          suffix = '!';
        }
      }
    }
    const c = this.ch();
    if (!isBlankZ(c) && !(this.flowLevel > 0 && c === ',')) {
      this.error('while scanning a tag', start, 'did not find expected whitespace or line break');
    }
    this.tokens.push({ type: 'tag', handle, suffix, start, end: this.copyMark() });
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.tokens.push(this.scanBlockScalar(literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.tokens.push(this.scanFlowScalar(single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.tokens.push(this.scanPlainScalar());
  }

  // ---------------------------------------------------------------- scanners

  private scanToNextToken(): void {
    for (;;) {
      if (this.mark.column === 0 && this.ch() === '\uFEFF') this.skip();
      while (this.ch() === ' ' || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.ch() === '\t')) this.skip();
      if (this.ch() === '#') while (!isBreakZ(this.ch())) this.skip();
      if (!isBreak(this.ch())) return;
      this.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }

  private scanDirective(): Token {
    const start = this.copyMark();
    this.skip();
    let name = '';
    while (isAlpha(this.ch())) name += this.read();
    if (!name) this.error('while scanning a directive', start, 'could not find expected directive name');
    if (!isBlankZ(this.ch())) this.error('while scanning a directive', start, 'found unexpected non-alphabetical character');
    let token: Token;
    if (name === 'YAML') {
      while (isBlank(this.ch())) this.skip();
      const major = this.scanVersionNumber(start);
      if (this.ch() !== '.') this.error('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
      this.skip();
      const minor = this.scanVersionNumber(start);
      token = { type: 'versionDirective', major, minor, start, end: this.copyMark() };
    } else if (name === 'TAG') {
      while (isBlank(this.ch())) this.skip();
      const handle = this.scanTagHandle(start, true);
      if (!isBlank(this.ch())) this.error('while scanning a %TAG directive', start, 'did not find expected whitespace');
      while (isBlank(this.ch())) this.skip();
      const prefix = this.scanTagUri(start, null, true);
      if (!isBlankZ(this.ch())) this.error('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
      token = { type: 'tagDirective', handle, prefix, start, end: this.copyMark() };
    } else {
      this.error('while scanning a directive', start, 'found unknown directive name');
    }
    while (isBlank(this.ch())) this.skip();
    if (this.ch() === '#') while (!isBreakZ(this.ch())) this.skip();
    if (!isBreakZ(this.ch())) this.error('while scanning a directive', start, 'did not find expected comment or line break');
    this.skipLine();
    return token;
  }

  private scanVersionNumber(start: Mark): number {
    let digits = '';
    while (isDigit(this.ch())) {
      if (digits.length >= 9) this.error('while scanning a %YAML directive', start, 'found extremely long version number');
      digits += this.read();
    }
    if (!digits) this.error('while scanning a %YAML directive', start, 'did not find expected version number');
    return Number(digits);
  }

  private scanTagHandle(start: Mark, directive: boolean): string {
    const context = directive ? 'while scanning a tag directive' : 'while scanning a tag';
    if (this.ch() !== '!') this.error(context, start, "did not find expected '!'");
    let handle = this.read();
    while (isAlpha(this.ch())) handle += this.read();
    if (this.ch() === '!') handle += this.read();
    else if (directive && handle !== '!') this.error(context, start, "did not find expected '!'");
    return handle;
  }

  /** `head` is what a handle-less tag already read after its `!` (which counts as read). */
  private scanTagUri(start: Mark, head: string | null, verbatim = false): string {
    let uri = head ?? '';
    for (;;) {
      const c = this.ch();
      if (!c || !(/^[0-9A-Za-z_\-;/?:@&=+$.!~*'()%]$/.test(c) || (verbatim && ',[]'.includes(c)))) break;
      uri += this.read();
    }
    if (!uri && head === null) this.error('while parsing a tag', start, 'did not find expected tag URI');
    return uri;
  }

  private scanBlockScalar(literal: boolean): Token {
    const start = this.copyMark();
    this.skip();
    let chomping = 0;
    let increment = 0;
    const readChomping = () => {
      if (this.ch() === '+' || this.ch() === '-') {
        chomping = this.read() === '+' ? 1 : -1;
        return true;
      }
      return false;
    };
    const readIncrement = () => {
      if (!isDigit(this.ch())) return false;
      if (this.ch() === '0') this.error('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      increment = Number(this.read());
      return true;
    };
    if (readChomping()) readIncrement();
    else if (readIncrement()) readChomping();
    while (isBlank(this.ch())) this.skip();
    if (this.ch() === '#') while (!isBreakZ(this.ch())) this.skip();
    if (!isBreakZ(this.ch())) this.error('while scanning a block scalar', start, 'did not find expected comment or line break');
    if (isBreak(this.ch())) this.skipLine();

    let end = this.copyMark();
    let indent = increment ? (this.indent >= 0 ? this.indent + increment : increment) : 0;
    let value = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    const breaks = this.scanBlockScalarBreaks(indent, start);
    indent = breaks.indent;
    trailingBreaks = breaks.text;
    end = breaks.end;
    let leadingBlank = false;
    while (this.mark.column === indent && this.ch() !== '') {
      const trailingBlank = isBlank(this.ch());
      if (!literal && leadingBreak.startsWith('\n') && !leadingBlank && !trailingBlank) {
        if (!trailingBreaks) value += ' ';
        leadingBreak = '';
      } else {
        value += leadingBreak;
        leadingBreak = '';
      }
      value += trailingBreaks;
      trailingBreaks = '';
      leadingBlank = isBlank(this.ch());
      while (!isBreakZ(this.ch())) value += this.read();
      if (this.ch() === '') break;
      leadingBreak = this.readLine();
      const more = this.scanBlockScalarBreaks(indent, start);
      trailingBreaks = more.text;
      end = more.end;
    }
    if (chomping !== -1) value += leadingBreak;
    if (chomping === 1) value += trailingBreaks;
    return { type: 'scalar', value, style: literal ? 'literal' : 'folded', start, end };
  }

  /** Blank lines before a block scalar's next line; settles the indentation on first call. */
  private scanBlockScalarBreaks(indent: number, start: Mark): { indent: number; text: string; end: Mark } {
    let maxIndent = 0;
    let text = '';
    let end = this.copyMark();
    for (;;) {
      while ((!indent || this.mark.column < indent) && this.ch() === ' ') this.skip();
      if (this.mark.column > maxIndent) maxIndent = this.mark.column;
      if ((!indent || this.mark.column < indent) && this.ch() === '\t') {
        this.error('while scanning a block scalar', start, 'found a tab character where an indentation space is expected');
      }
      if (!isBreak(this.ch())) break;
      text += this.readLine();
      end = this.copyMark();
    }
    if (!indent) {
      indent = Math.max(maxIndent, this.indent + 1, 1);
    }
    return { indent, text, end };
  }

  private scanFlowScalar(single: boolean): Token {
    const start = this.copyMark();
    this.skip();
    let value = '';
    for (;;) {
      if (this.mark.column === 0 && (this.isDocumentIndicator('-') || this.isDocumentIndicator('.'))) {
        this.error('while scanning a quoted scalar', start, 'found unexpected document indicator');
      }
      if (this.ch() === '') this.error('while scanning a quoted scalar', start, 'found unexpected end of stream');
      let leadingBlanks = false;
      while (!isBlankZ(this.ch())) {
        const c = this.ch();
        if (single && c === "'" && this.ch(1) === "'") {
          value += "'";
          this.skip();
          this.skip();
        } else if (c === (single ? "'" : '"')) {
          break;
        } else if (!single && c === '\\' && isBreak(this.ch(1))) {
          this.skip();
          this.skipLine();
          leadingBlanks = true;
          break;
        } else if (!single && c === '\\') {
          value += this.scanEscape(start);
        } else {
          value += this.read();
        }
      }
      if (this.ch() === (single ? "'" : '"')) break;
      let whitespaces = '';
      let leadingBreak = '';
      let trailingBreaks = '';
      while (isBlank(this.ch()) || isBreak(this.ch())) {
        if (isBlank(this.ch())) {
          if (!leadingBlanks) whitespaces += this.read();
          else this.skip();
        } else if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = this.readLine();
          leadingBlanks = true;
        } else {
          trailingBreaks += this.readLine();
        }
      }
      if (leadingBlanks) {
        if (leadingBreak.startsWith('\n')) value += trailingBreaks || ' ';
        else value += leadingBreak + trailingBreaks;
      } else {
        value += whitespaces;
      }
    }
    this.skip();
    return { type: 'scalar', value, style: single ? 'single' : 'double', start, end: this.copyMark() };
  }

  private scanEscape(start: Mark): string {
    const SIMPLE: Record<string, string> = {
      '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
      ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
    };
    const code = this.ch(1);
    const length = code === 'x' ? 2 : code === 'u' ? 4 : code === 'U' ? 8 : 0;
    if (!length) {
      const text = SIMPLE[code];
      if (text === undefined) this.error('while parsing a quoted scalar', start, 'found unknown escape character');
      this.skip();
      this.skip();
      return text;
    }
    this.skip();
    this.skip();
    let hex = '';
    for (let k = 0; k < length; k++) {
      if (!isHex(this.ch(k))) this.error('while parsing a quoted scalar', start, 'did not find expected hexadecimal number');
      hex += this.ch(k);
    }
    const value = parseInt(hex, 16);
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
      this.error('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
    }
    for (let k = 0; k < length; k++) this.skip();
    return String.fromCodePoint(value);
  }

  private scanPlainScalar(): Token {
    const start = this.copyMark();
    let end = this.copyMark();
    const indent = this.indent + 1;
    let value = '';
    let leadingBlanks = false;
    let whitespaces = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    for (;;) {
      if (this.mark.column === 0 && (this.isDocumentIndicator('-') || this.isDocumentIndicator('.'))) break;
      if (this.ch() === '#') break;
      while (!isBlankZ(this.ch())) {
        const c = this.ch();
        if (this.flowLevel > 0 && c === ':' && FLOW_INDICATORS.includes(this.ch(1)) && this.ch(1) !== '') break;
        if ((c === ':' && isBlankZ(this.ch(1))) || (this.flowLevel > 0 && FLOW_INDICATORS.includes(c))) break;
        if (leadingBlanks || whitespaces) {
          if (leadingBlanks) {
            if (leadingBreak.startsWith('\n')) value += trailingBreaks || ' ';
            else value += leadingBreak + trailingBreaks;
            leadingBreak = '';
            trailingBreaks = '';
            leadingBlanks = false;
          } else {
            value += whitespaces;
            whitespaces = '';
          }
        }
        value += this.read();
        end = this.copyMark();
      }
      if (!(isBlank(this.ch()) || isBreak(this.ch()))) break;
      while (isBlank(this.ch()) || isBreak(this.ch())) {
        if (isBlank(this.ch())) {
          if (leadingBlanks && this.mark.column < indent && this.ch() === '\t') {
            this.error('while scanning a plain scalar', start, 'found a tab character that violates indentation');
          }
          if (!leadingBlanks) whitespaces += this.read();
          else this.skip();
        } else if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = this.readLine();
          leadingBlanks = true;
        } else {
          trailingBreaks += this.readLine();
        }
      }
      if (this.flowLevel === 0 && this.mark.column < indent) break;
    }
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return { type: 'scalar', value, style: 'plain', start, end };
  }
}

import { UnknownAnchorError, YamlSyntaxError, type Mark } from './errors.ts';
import { Scanner, type ScalarStyle, type Token } from './scanner.ts';

export type YamlEvent =
  | { type: 'scalar'; value: string; style: ScalarStyle; tag: string | null; start: Mark }
  | { type: 'sequenceStart' | 'mappingStart'; tag: string | null; start: Mark }
  | { type: 'sequenceEnd' | 'mappingEnd'; start: Mark }
  /** `target` is the index of the anchored node's first event. */
  | { type: 'alias'; target: number; start: Mark };

/**
 * The events of a text's first YAML document, as far as they could be read: the reference reads
 * a whole document before interpreting it, keeps what came before a syntax error, and only
 * reports the error when the interpretation needs what is missing.
 */
export interface LoadedDocument {
  events: YamlEvent[];
  /** Why the events stop early. */
  error: Error | null;
  /** Whether anything (even something unreadable) follows the first document. */
  more: boolean;
}

export function loadFirstDocument(text: string): LoadedDocument {
  const parser = new Parser(new Scanner(text));
  try {
    parser.firstDocument();
  } catch (err) {
    if (err instanceof YamlSyntaxError || err instanceof UnknownAnchorError) return { events: parser.events, error: err, more: false };
    throw err;
  }
  return { events: parser.events, error: null, more: parser.hasMoreDocuments() };
}

const DEFAULT_TAG_HANDLES: Record<string, string> = { '!': '!', '!!': 'tag:yaml.org,2002:' };

class Parser {
  readonly events: YamlEvent[] = [];
  private readonly anchors = new Map<string, number>();
  private readonly tagHandles = new Map(Object.entries(DEFAULT_TAG_HANDLES));

  constructor(private readonly scanner: Scanner) {}

  firstDocument(): void {
    this.scanner.next(); // stream start
    const token = this.scanner.peek();
    if (token.type === 'streamEnd') return;
    if (token.type === 'versionDirective' || token.type === 'tagDirective' || token.type === 'documentStart') {
      this.directives();
      const start = this.scanner.peek();
      if (start.type !== 'documentStart') throw new YamlSyntaxError('did not find expected <document start>', start.start);
      this.scanner.next();
      const content = this.scanner.peek();
      if (['versionDirective', 'tagDirective', 'documentStart', 'documentEnd', 'streamEnd'].includes(content.type)) {
        this.emptyScalar(content.start);
      } else {
        this.node(true, false);
      }
    } else {
      this.node(true, false);
    }
    if (this.scanner.peek().type === 'documentEnd') this.scanner.next();
  }

  hasMoreDocuments(): boolean {
    try {
      while (this.scanner.peek().type === 'documentEnd') this.scanner.next();
      return this.scanner.peek().type !== 'streamEnd';
    } catch {
      return true;
    }
  }

  private directives(): void {
    let version = false;
    for (let token = this.scanner.peek(); token.type === 'versionDirective' || token.type === 'tagDirective'; token = this.scanner.peek()) {
      this.scanner.next();
      if (token.type === 'versionDirective') {
        if (version) throw new YamlSyntaxError('found duplicate %YAML directive', token.start);
        if (token.major !== 1) throw new YamlSyntaxError('found incompatible YAML document', token.start);
        version = true;
      } else {
        if (this.tagHandles.has(token.handle) && !(token.handle in DEFAULT_TAG_HANDLES)) {
          throw new YamlSyntaxError('found duplicate %TAG directive', token.start);
        }
        this.tagHandles.set(token.handle, token.prefix);
      }
    }
  }

  private emptyScalar(start: Mark): void {
    this.events.push({ type: 'scalar', value: '', style: 'plain', tag: null, start });
  }

  private node(block: boolean, indentless: boolean): void {
    let token = this.scanner.peek();
    if (token.type === 'alias') {
      this.scanner.next();
      const target = this.anchors.get(token.value);
      if (target === undefined) throw new UnknownAnchorError(token.start);
      this.events.push({ type: 'alias', target, start: token.start });
      return;
    }
    const start = token.start;
    let anchor: string | null = null;
    let tagToken: Extract<Token, { type: 'tag' }> | null = null;
    if (token.type === 'anchor') {
      anchor = token.value;
      this.scanner.next();
      token = this.scanner.peek();
      if (token.type === 'tag') {
        tagToken = token;
        this.scanner.next();
      }
    } else if (token.type === 'tag') {
      tagToken = token;
      this.scanner.next();
      token = this.scanner.peek();
      if (token.type === 'anchor') {
        anchor = token.value;
        this.scanner.next();
      }
    }
    const tag = tagToken ? this.resolveTag(tagToken, start) : null;
    if (anchor !== null) this.anchors.set(anchor, this.events.length);
    token = this.scanner.peek();
    if (indentless && token.type === 'blockEntry') {
      this.events.push({ type: 'sequenceStart', tag, start });
      this.indentlessSequence();
    } else if (token.type === 'scalar') {
      this.scanner.next();
      this.events.push({ type: 'scalar', value: token.value, style: token.style, tag, start });
    } else if (token.type === 'flowSequenceStart') {
      this.events.push({ type: 'sequenceStart', tag, start });
      this.flowSequence();
    } else if (token.type === 'flowMappingStart') {
      this.events.push({ type: 'mappingStart', tag, start });
      this.flowMapping();
    } else if (block && token.type === 'blockSequenceStart') {
      this.events.push({ type: 'sequenceStart', tag, start });
      this.blockSequence();
    } else if (block && token.type === 'blockMappingStart') {
      this.events.push({ type: 'mappingStart', tag, start });
      this.blockMapping();
    } else if (anchor !== null || tag !== null) {
      this.events.push({ type: 'scalar', value: '', style: 'plain', tag, start });
    } else {
      throw new YamlSyntaxError('did not find expected node content', token.start, block ? 'while parsing a block node' : 'while parsing a flow node', start);
    }
  }

  private resolveTag(token: Extract<Token, { type: 'tag' }>, nodeStart: Mark): string {
    if (!token.handle) return token.suffix;
    const prefix = this.tagHandles.get(token.handle);
    if (prefix === undefined) throw new YamlSyntaxError('found undefined tag handle', token.start, 'while parsing a node', nodeStart);
    return prefix + token.suffix;
  }

  private blockSequence(): void {
    const start = this.scanner.next().start;
    for (;;) {
      const token = this.scanner.peek();
      if (token.type === 'blockEntry') {
        this.scanner.next();
        const next = this.scanner.peek();
        if (next.type === 'blockEntry' || next.type === 'blockEnd') this.emptyScalar(token.end);
        else this.node(true, false);
      } else if (token.type === 'blockEnd') {
        this.scanner.next();
        this.events.push({ type: 'sequenceEnd', start: token.start });
        return;
      } else {
        throw new YamlSyntaxError("did not find expected '-' indicator", token.start, 'while parsing a block collection', start);
      }
    }
  }

  private indentlessSequence(): void {
    for (;;) {
      const token = this.scanner.peek();
      if (token.type !== 'blockEntry') {
        this.events.push({ type: 'sequenceEnd', start: token.start });
        return;
      }
      this.scanner.next();
      const next = this.scanner.peek();
      if (['blockEntry', 'key', 'value', 'blockEnd'].includes(next.type)) this.emptyScalar(token.end);
      else this.node(true, false);
    }
  }

  private blockMapping(): void {
    const start = this.scanner.next().start;
    for (;;) {
      const token = this.scanner.peek();
      if (token.type === 'key') {
        this.scanner.next();
        const next = this.scanner.peek();
        if (['key', 'value', 'blockEnd'].includes(next.type)) this.emptyScalar(token.end);
        else this.node(true, true);
        this.blockMappingValue();
      } else if (token.type === 'blockEnd') {
        this.scanner.next();
        this.events.push({ type: 'mappingEnd', start: token.start });
        return;
      } else {
        throw new YamlSyntaxError('did not find expected key', token.start, 'while parsing a block mapping', start);
      }
    }
  }

  private blockMappingValue(): void {
    const token = this.scanner.peek();
    if (token.type !== 'value') return this.emptyScalar(token.start);
    this.scanner.next();
    const next = this.scanner.peek();
    if (['key', 'value', 'blockEnd'].includes(next.type)) this.emptyScalar(token.end);
    else this.node(true, true);
  }

  private flowSequence(): void {
    const start = this.scanner.next().start;
    for (let first = true; ; first = false) {
      let token = this.scanner.peek();
      if (token.type !== 'flowSequenceEnd') {
        if (!first) {
          if (token.type !== 'flowEntry') throw new YamlSyntaxError("did not find expected ',' or ']'", token.start, 'while parsing a flow sequence', start);
          this.scanner.next();
          token = this.scanner.peek();
        }
        if (token.type === 'key') {
          this.singlePairMapping(token);
          continue;
        }
        if (token.type !== 'flowSequenceEnd') {
          this.node(false, false);
          continue;
        }
      }
      this.scanner.next();
      this.events.push({ type: 'sequenceEnd', start: token.start });
      return;
    }
  }

  /** `[a: b]`: a one-entry mapping inside a flow sequence. */
  private singlePairMapping(key: Token): void {
    this.events.push({ type: 'mappingStart', tag: null, start: key.start });
    this.scanner.next();
    const next = this.scanner.peek();
    if (['value', 'flowEntry', 'flowSequenceEnd'].includes(next.type)) this.emptyScalar(key.end);
    else this.node(false, false);
    const value = this.scanner.peek();
    if (value.type === 'value') {
      this.scanner.next();
      const after = this.scanner.peek();
      if (after.type === 'flowEntry' || after.type === 'flowSequenceEnd') this.emptyScalar(value.end);
      else this.node(false, false);
    } else {
      this.emptyScalar(value.start);
    }
    this.events.push({ type: 'mappingEnd', start: this.scanner.peek().start });
  }

  private flowMapping(): void {
    const start = this.scanner.next().start;
    for (let first = true; ; first = false) {
      let token = this.scanner.peek();
      if (token.type !== 'flowMappingEnd') {
        if (!first) {
          if (token.type !== 'flowEntry') throw new YamlSyntaxError("did not find expected ',' or '}'", token.start, 'while parsing a flow mapping', start);
          this.scanner.next();
          token = this.scanner.peek();
        }
        if (token.type === 'key') {
          this.scanner.next();
          const next = this.scanner.peek();
          if (['value', 'flowEntry', 'flowMappingEnd'].includes(next.type)) this.emptyScalar(token.end);
          else this.node(false, false);
          this.flowMappingValue();
          continue;
        }
        if (token.type !== 'flowMappingEnd') {
          this.node(false, false);
          this.emptyScalar(this.scanner.peek().start);
          continue;
        }
      }
      this.scanner.next();
      this.events.push({ type: 'mappingEnd', start: token.start });
      return;
    }
  }

  private flowMappingValue(): void {
    const token = this.scanner.peek();
    if (token.type === 'value') {
      this.scanner.next();
      const next = this.scanner.peek();
      if (next.type !== 'flowEntry' && next.type !== 'flowMappingEnd') return this.node(false, false);
      return this.emptyScalar(next.start);
    }
    this.emptyScalar(token.start);
  }
}

import { decodeUtf8 } from './utf8.ts';

export type LineEvent =
  | { kind: 'line'; text: string }
  | { kind: 'invalidUtf8'; bytes: number }
  | { kind: 'tooLong'; limitBytes: number };

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const NON_WHITESPACE = /\S/;

/**
 * Splits a byte stream into `\n`-terminated lines. Splitting happens on bytes, before decoding, so
 * a multibyte character cut across chunks is reassembled, and each line is decoded on its own so
 * one bad line cannot poison the next.
 *
 * A trailing `\r` is stripped and blank lines are skipped. A line growing beyond `maxLineBytes` is
 * dropped as soon as it crosses the limit and the rest of it is skipped up to its newline, so memory
 * stays bounded whatever the peer sends.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private partsBytes = 0;
  /** Set while skipping the remainder of a line that already crossed the limit. */
  private skipping = false;

  constructor(
    private readonly maxLineBytes: number,
    private readonly emit: (event: LineEvent) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      if (newline === -1) {
        this.append(chunk.subarray(start));
        return;
      }
      this.append(chunk.subarray(start, newline));
      this.finishLine();
      start = newline + 1;
    }
  }

  /** End of input: a final line without its newline still counts, as it does for the reference. */
  end(): void {
    if (this.partsBytes > 0 || this.skipping) this.finishLine();
  }

  private append(part: Buffer): void {
    if (this.skipping || part.length === 0) return;
    if (this.partsBytes + part.length > this.maxLineBytes) {
      this.parts = [];
      this.partsBytes = 0;
      this.skipping = true;
      this.emit({ kind: 'tooLong', limitBytes: this.maxLineBytes });
      return;
    }
    this.parts.push(part);
    this.partsBytes += part.length;
  }

  private finishLine(): void {
    const parts = this.parts;
    const wasSkipping = this.skipping;
    this.parts = [];
    this.partsBytes = 0;
    this.skipping = false;
    if (wasSkipping) return;

    let line = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    if (line.at(-1) === CARRIAGE_RETURN) line = line.subarray(0, -1);
    const text = decodeUtf8(line);
    if (text === undefined) this.emit({ kind: 'invalidUtf8', bytes: line.length });
    else if (NON_WHITESPACE.test(text)) this.emit({ kind: 'line', text });
  }
}

/**
 * Server-sent events framing (the WHATWG event-stream format): text in, the `data` of each complete
 * event out. Only `data` matters: the reference dispatches on the JSON payload's `type`, not on the
 * `event:` field, and ignores `id`/`retry`. Hot path of every model turn, so it scans with indexOf and
 * slices each data line once, with no regex or per-line allocation beyond that.
 */
const LF = '\n';
const COLON = 58;
const SPACE = 32;
const D = 100;

export class SseParser {
  /** Text after the last line break, kept for the next chunk. */
  private rest = '';
  /** Data of the event being read; undefined until a data line arrives (then the event dispatches). */
  private data: string | undefined;
  private atStart = true;
  /** The last chunk ended in CR: a LF starting the next one completes that CRLF, not a new line. */
  private afterCr = false;

  /** Data payloads of the events completed by `chunk`, in order. */
  feed(chunk: string): string[] {
    if (chunk === '') return [];
    if (this.afterCr && chunk.charCodeAt(0) === 10) chunk = chunk.slice(1);
    let text = this.rest ? this.rest + chunk : chunk;
    if (this.atStart && text.length > 0) {
      this.atStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.afterCr = text.endsWith('\r');
    if (text.includes('\r')) text = text.replace(/\r\n?/g, LF);
    const out: string[] = [];
    let pos = 0;
    for (let nl = text.indexOf(LF); nl !== -1; nl = text.indexOf(LF, pos)) {
      if (nl === pos) {
        if (this.data !== undefined) {
          out.push(this.data);
          this.data = undefined;
        }
      } else if (text.charCodeAt(pos) === D && text.startsWith('data', pos)) {
        this.dataLine(text, pos + 4, nl);
      }
      pos = nl + 1;
    }
    this.rest = pos === text.length ? '' : text.slice(pos);
    return out;
  }

  /** `valueStart` points just past "data"; anything but ":" or end of line means another field name. */
  private dataLine(text: string, valueStart: number, end: number): void {
    let value: string;
    if (valueStart === end) value = '';
    else if (text.charCodeAt(valueStart) !== COLON) return;
    else {
      let start = valueStart + 1;
      if (text.charCodeAt(start) === SPACE) start++;
      value = text.slice(start, end);
    }
    this.data = this.data === undefined ? value : this.data + LF + value;
  }
}

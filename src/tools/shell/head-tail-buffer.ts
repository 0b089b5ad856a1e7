/**
 * Output kept for a running session, at most `maxBytes`: the first half as it came, then the most
 * recent half, the middle dropped. The reference keeps 1 MiB this way, so a command printing
 * gigabytes costs a megabyte of memory and the model still sees how it started and how it ended.
 */
export class HeadTailBuffer {
  private head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private readonly headBudget: number;
  private readonly tailBudget: number;

  constructor(maxBytes: number) {
    this.headBudget = Math.floor(maxBytes / 2);
    this.tailBudget = maxBytes - this.headBudget;
  }

  get retainedBytes(): number {
    return this.headBytes + this.tailBytes;
  }

  push(chunk: Buffer): void {
    const toHead = Math.min(this.headBudget - this.headBytes, chunk.length);
    if (toHead > 0) {
      this.head.push(chunk.subarray(0, toHead));
      this.headBytes += toHead;
    }
    const rest = chunk.subarray(toHead);
    if (rest.length === 0 || this.tailBudget === 0) return;
    this.tail.push(rest);
    this.tailBytes += rest.length;
    while (this.tailBytes > this.tailBudget) {
      const excess = this.tailBytes - this.tailBudget;
      const first = this.tail[0]!;
      if (first.length <= excess) {
        this.tail.shift();
        this.tailBytes -= first.length;
      } else {
        // Copy, so the dropped bytes of a large chunk are not kept alive by the slice.
        this.tail[0] = Buffer.from(first.subarray(excess));
        this.tailBytes -= excess;
      }
    }
  }

  toBuffer(): Buffer {
    return Buffer.concat([...this.head, ...this.tail]);
  }

  /** The retained bytes, leaving the buffer empty. */
  drain(): Buffer {
    const out = this.toBuffer();
    this.head = [];
    this.tail = [];
    this.headBytes = 0;
    this.tailBytes = 0;
    return out;
  }
}

/**
 * GIF reading for images sent to the model: the first frame, placed on the logical screen (the
 * rest transparent black), as RGBA. Failures carry the reference's decoder messages.
 */
import { invalidImage, MAX_DECODED_BYTES, unsupportedImage } from './image-error.ts';
import type { Raster } from './raster.ts';

const fail = (detail: string) => invalidImage('Gif', detail);
const END_OF_FILE = 'Unexpected End of File';

class Reader {
  pos = 0;
  constructor(private readonly bytes: Buffer) {}

  byte(): number {
    if (this.pos >= this.bytes.length) throw fail(END_OF_FILE);
    return this.bytes[this.pos++]!;
  }

  u16(): number {
    return this.byte() | (this.byte() << 8);
  }

  take(n: number): Buffer {
    if (this.pos + n > this.bytes.length) throw fail(END_OF_FILE);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** A run of data sub-blocks, joined. */
  subBlocks(): Buffer {
    const parts: Buffer[] = [];
    for (let size = this.byte(); size !== 0; size = this.byte()) parts.push(this.take(size));
    return Buffer.concat(parts);
  }
}

/** GIF's variable-width LZW; stops at the end code, at the end of the data, or once `limit` indices are out. */
function lzwDecode(data: Buffer, minCodeSize: number, limit: number): Uint8Array {
  const out = new Uint8Array(limit);
  let produced = 0;
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  for (let i = 0; i < clear; i++) {
    suffix[i] = i;
    length[i] = 1;
  }
  let size = minCodeSize + 1;
  let next = end + 1;
  let previous = -1;
  let bitBuffer = 0;
  let bits = 0;
  let pos = 0;
  const emit = (code: number) => {
    const n = length[code]!;
    const at = produced;
    for (let i = n - 1, c = code; i >= 0; i--, c = prefix[c]!) if (at + i < limit) out[at + i] = suffix[c]!;
    produced = Math.min(limit, produced + n);
  };
  const first = (code: number) => {
    let c = code;
    while (length[c]! > 1) c = prefix[c]!;
    return suffix[c]!;
  };
  while (produced < limit) {
    while (bits < size && pos < data.length) {
      bitBuffer |= data[pos++]! << bits;
      bits += 8;
    }
    if (bits < size) break;
    const code = bitBuffer & ((1 << size) - 1);
    bitBuffer >>>= size;
    bits -= size;
    if (code === clear) {
      size = minCodeSize + 1;
      next = end + 1;
      previous = -1;
      continue;
    }
    if (code === end) break;
    if (previous === -1) {
      if (code >= clear) throw fail('invalid code in LZW stream');
      emit(code);
      previous = code;
      continue;
    }
    if (code > next || (code === next && next >= 4096)) throw fail('invalid code in LZW stream');
    const known = code < next;
    if (next < 4096) {
      prefix[next] = previous;
      suffix[next] = first(known ? code : previous);
      length[next] = length[previous]! + 1;
      next++;
      if (next === 1 << size && size < 12) size++;
    }
    emit(code);
    previous = code;
  }
  if (produced < limit) throw fail('image truncated');
  return out;
}

/** Row order of an interlaced frame: every 8th from 0, every 8th from 4, every 4th from 2, every 2nd from 1. */
function interlacedRows(height: number): number[] {
  const rows: number[] = [];
  for (const [start, step] of [[0, 8], [4, 8], [2, 4], [1, 2]] as const) for (let y = start; y < height; y += step) rows.push(y);
  return rows;
}

export function decodeGif(bytes: Buffer): Raster {
  const r = new Reader(bytes);
  r.take(6);
  const width = r.u16();
  const height = r.u16();
  const packed = r.byte();
  r.byte();
  r.byte();
  if (width * height * 4 > MAX_DECODED_BYTES) throw unsupportedImage('image too large to decode');
  const global = packed & 0x80 ? r.take(3 << ((packed & 7) + 1)) : null;
  let transparent = -1;
  for (;;) {
    const block = r.byte();
    if (block === 0x3b) throw fail(END_OF_FILE);
    if (block === 0x21) {
      const label = r.byte();
      const body = r.subBlocks();
      if (label === 0xf9 && body.length >= 4) transparent = body[0]! & 1 ? body[3]! : -1;
      continue;
    }
    if (block !== 0x2c) throw fail('unknown block type encountered');
    const left = r.u16();
    const top = r.u16();
    const frameWidth = r.u16();
    const frameHeight = r.u16();
    const flags = r.byte();
    const palette = flags & 0x80 ? r.take(3 << ((flags & 7) + 1)) : global;
    const minCodeSize = r.byte();
    if (minCodeSize < 1 || minCodeSize > 11) throw fail('invalid minimal code size');
    const indices = lzwDecode(r.subBlocks(), minCodeSize, frameWidth * frameHeight);
    const rows = flags & 0x40 ? interlacedRows(frameHeight) : null;
    const data = new Uint8Array(width * height * 4);
    for (let fy = 0; fy < frameHeight; fy++) {
      const y = top + (rows ? rows[fy]! : fy);
      if (y >= height) continue;
      for (let fx = 0; fx < frameWidth; fx++) {
        const x = left + fx;
        if (x >= width) continue;
        const index = indices[fy * frameWidth + fx]!;
        const o = (y * width + x) * 4;
        // A transparent pixel keeps its palette colour, as the reference's decoder leaves it.
        data[o] = palette?.[index * 3] ?? 0;
        data[o + 1] = palette?.[index * 3 + 1] ?? 0;
        data[o + 2] = palette?.[index * 3 + 2] ?? 0;
        data[o + 3] = index === transparent ? 0 : 255;
      }
    }
    return { width, height, depth: 8, data };
  }
}

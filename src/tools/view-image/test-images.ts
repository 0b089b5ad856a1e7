/** Image files built in memory for the tests: PNG in any colour type (plain or interlaced) and GIF. */
import { crc32, deflateSync } from 'node:zlib';
import { ADAM7, PNG_SIGNATURE } from './png.ts';

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))));
  return Buffer.concat([head, data, crc]);
}

export interface PngSpec {
  width: number;
  height: number;
  /** 0 gray, 2 RGB, 3 indexed, 4 gray+alpha, 6 RGBA. */
  color: number;
  depth: number;
  /** Raw samples of pixel (x, y), in the colour type's order. */
  sample: (x: number, y: number) => number[];
  interlaced?: boolean;
  extra?: Buffer[];
}


/** Rows of packed samples, each with filter byte 0 (or `filter` when given). */
function packRows(spec: PngSpec, xs: number[], ys: number[], filter = 0): Buffer {
  const rows: Buffer[] = [];
  for (const y of ys) {
    const bits: number[] = [];
    for (const x of xs) for (const s of spec.sample(x, y)) bits.push(s);
    const bytes = Buffer.alloc(Math.ceil((bits.length * spec.depth) / 8));
    bits.forEach((v, i) => {
      if (spec.depth === 16) bytes.writeUInt16BE(v, i * 2);
      else if (spec.depth === 8) bytes[i] = v;
      else bytes[(i * spec.depth) >> 3] = bytes[(i * spec.depth) >> 3]! | (v << (8 - spec.depth - ((i * spec.depth) & 7)));
    });
    rows.push(Buffer.from([filter]), bytes);
  }
  return Buffer.concat(rows);
}

const range = (start: number, end: number, step: number) => {
  const out: number[] = [];
  for (let i = start; i < end; i += step) out.push(i);
  return out;
};

export function makePng(spec: PngSpec): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(spec.width, 0);
  header.writeUInt32BE(spec.height, 4);
  header[8] = spec.depth;
  header[9] = spec.color;
  header[12] = spec.interlaced ? 1 : 0;
  const raw = spec.interlaced
    ? Buffer.concat(
        ADAM7.map(([x0, y0, dx, dy]) => {
          const xs = range(x0!, spec.width, dx!);
          const ys = range(y0!, spec.height, dy!);
          return xs.length && ys.length ? packRows(spec, xs, ys) : Buffer.alloc(0);
        }),
      )
    : packRows(spec, range(0, spec.width, 1), range(0, spec.height, 1));
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    ...(spec.extra ?? []),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface GifSpec {
  width: number;
  height: number;
  /** RGB triples; its length is padded to a power of two. */
  palette: number[][];
  frame?: { left: number; top: number; width: number; height: number };
  interlaced?: boolean;
  transparent?: number;
  /** Colour index of pixel (x, y) of the frame. */
  index: (x: number, y: number) => number;
}

/** LZW without compression: a clear code often enough that the code size never grows. */
function lzwUncompressed(indices: number[], minCodeSize: number): Buffer {
  const clear = 1 << minCodeSize;
  const size = minCodeSize + 1;
  const codes: number[] = [];
  let sinceClear = clear - 2;
  for (const index of indices) {
    if (sinceClear >= clear - 2) {
      codes.push(clear);
      sinceClear = 0;
    }
    codes.push(index);
    sinceClear++;
  }
  codes.push(clear + 1);
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const code of codes) {
    acc |= code << bits;
    bits += size;
    while (bits >= 8) {
      bytes.push(acc & 0xff);
      acc >>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) bytes.push(acc);
  const blocks: number[] = [];
  for (let i = 0; i < bytes.length; i += 255) {
    const part = bytes.slice(i, i + 255);
    blocks.push(part.length, ...part);
  }
  blocks.push(0);
  return Buffer.from(blocks);
}

export function makeGif(spec: GifSpec): Buffer {
  const bitsPerIndex = Math.max(1, Math.ceil(Math.log2(spec.palette.length)));
  const paletteBytes = Buffer.alloc(3 << bitsPerIndex);
  spec.palette.forEach(([r, g, b], i) => paletteBytes.set([r!, g!, b!], i * 3));
  const frame = spec.frame ?? { left: 0, top: 0, width: spec.width, height: spec.height };
  const order = spec.interlaced ? [...range(0, frame.height, 8), ...range(4, frame.height, 8), ...range(2, frame.height, 4), ...range(1, frame.height, 2)] : range(0, frame.height, 1);
  const indices = order.flatMap((y) => range(0, frame.width, 1).map((x) => spec.index(x, y)));
  const minCodeSize = Math.max(2, bitsPerIndex);
  const u16 = (v: number) => [v & 0xff, v >> 8];
  const control = spec.transparent === undefined ? [] : [0x21, 0xf9, 4, 1, 0, 0, spec.transparent, 0];
  return Buffer.concat([
    Buffer.from('GIF89a', 'latin1'),
    Buffer.from([...u16(spec.width), ...u16(spec.height), 0x80 | (bitsPerIndex - 1), 0, 0]),
    paletteBytes,
    Buffer.from(control),
    Buffer.from([0x2c, ...u16(frame.left), ...u16(frame.top), ...u16(frame.width), ...u16(frame.height), spec.interlaced ? 0x40 : 0, minCodeSize]),
    lzwUncompressed(indices, minCodeSize),
    Buffer.from(';', 'latin1'),
  ]);
}

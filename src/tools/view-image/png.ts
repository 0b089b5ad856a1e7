/**
 * PNG reading and writing for images sent to the model. Decoding accepts what the reference's
 * decoder accepts (every colour type and bit depth, Adam7 interlacing, palette transparency; the
 * zlib checksum is not checked) and fails with its messages; the result is RGBA in 8 or 16 bits.
 * Encoding writes 8-bit RGBA with per-row adaptive filtering.
 */
import { constants, createInflateRaw, crc32, deflateSync } from 'node:zlib';
import { invalidImage, MAX_DECODED_BYTES, unsupportedImage } from './image-error.ts';
import type { Raster } from './raster.ts';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const COLOR_NAMES: Record<number, string> = { 0: 'Grayscale', 2: 'Rgb', 3: 'Indexed', 4: 'GrayscaleAlpha', 6: 'Rgba' };
const DEPTH_NAMES: Record<number, string> = { 1: 'One', 2: 'Two', 4: 'Four', 8: 'Eight', 16: 'Sixteen' };
const ALLOWED_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const SAMPLES: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Adam7: each pass's first column and row, and its column and row steps. */
export const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

interface Header {
  width: number;
  height: number;
  depth: number;
  color: number;
  interlaced: boolean;
}

const fail = (detail: string) => invalidImage('Png', detail);

/** How the reference's decoder prints a chunk type in its messages. */
function chunkTypeDebug(type: Buffer): string {
  const lower = (i: number) => (type[i]! & 0x20) !== 0;
  return `ChunkType { type: ${type.toString('latin1')}, critical: ${!lower(0)}, private: ${lower(1)}, reserved: ${lower(2)}, safecopy: ${lower(3)} }`;
}

function parseHeader(data: Buffer): Header {
  const width = data.length >= 4 ? data.readUInt32BE(0) : 0;
  const height = data.length >= 8 ? data.readUInt32BE(4) : 0;
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff || data.length !== 13) throw fail('Invalid image dimensions');
  const [depth, color, compression, filter, interlace] = [data[8]!, data[9]!, data[10]!, data[11]!, data[12]!];
  if (!(color in COLOR_NAMES)) throw fail(`Invalid color type ${color}.`);
  if (!(depth in DEPTH_NAMES)) throw fail(`Invalid bit depth ${depth}.`);
  if (!ALLOWED_DEPTHS[color]!.includes(depth)) throw fail(`Invalid color/depth combination in header: ${COLOR_NAMES[color]}/${DEPTH_NAMES[depth]}`);
  if (compression !== 0) throw fail(`Unknown compression method ${compression}.`);
  if (filter !== 0) throw fail(`Unknown filter method ${filter}.`);
  if (interlace > 1) throw fail(`Unknown interlace method ${interlace}.`);
  return { width, height, depth, color, interlaced: interlace === 1 };
}

interface Chunks {
  header: Header;
  palette: Buffer | null;
  transparency: Buffer | null;
  compressed: Buffer;
}

/** Walks the chunks up to IEND; running out of data before it is the reference's I/O error. */
function readChunks(bytes: Buffer): Chunks {
  let header: Header | null = null;
  let palette: Buffer | null = null;
  let transparency: Buffer | null = null;
  const idat: Buffer[] = [];
  let pos = PNG_SIGNATURE.length;
  for (;;) {
    if (pos + 8 > bytes.length) throw unsupportedImage('unexpected end of file');
    const length = bytes.readUInt32BE(pos);
    const type = bytes.subarray(pos + 4, pos + 8);
    const name = type.toString('latin1');
    if (!header && name !== 'IHDR') throw fail(`${chunkTypeDebug(type)} chunk appeared before IHDR chunk`);
    const end = pos + 8 + length;
    if (end + 4 > bytes.length) throw unsupportedImage('unexpected end of file');
    const data = bytes.subarray(pos + 8, end);
    const stored = bytes.readUInt32BE(end);
    const computed = crc32(data, crc32(type));
    if (stored !== computed) {
      throw fail(`CRC error: expected 0x${stored.toString(16)} have 0x${computed.toString(16)} while decoding ${chunkTypeDebug(type)} chunk.`);
    }
    pos = end + 4;
    if (name === 'IHDR') header = parseHeader(data);
    else if (name === 'PLTE') palette = data;
    else if (name === 'tRNS') transparency = data;
    else if (name === 'IDAT') idat.push(data);
    else if (name === 'IEND') break;
  }
  if (idat.length === 0) throw fail('IDAT or fdAT chunk is missing.');
  if (header!.color === 3 && !palette) throw fail('Missing palette of indexed image.');
  return { header: header!, palette, transparency, compressed: Buffer.concat(idat) };
}

/** The reference's names for what is wrong with a deflate stream, from zlib's messages. */
const DEFLATE_ERRORS: [RegExp, string][] = [
  [/block type/, 'InvalidBlockType'],
  [/stored block lengths/, 'InvalidUncompressedBlockLength'],
  [/too many length or distance symbols/, 'InvalidHlit'],
  [/bit length repeat/, 'InvalidCodeLengthRepeat'],
  [/code lengths set/, 'BadCodeLengthHuffmanTree'],
  [/literal\/lengths set/, 'BadLiteralLengthHuffmanTree'],
  [/distances set/, 'BadDistanceHuffmanTree'],
  [/literal\/length code/, 'InvalidLiteralLengthCode'],
  [/distance code/, 'InvalidDistanceCode'],
  [/too far back/, 'DistanceTooFarBack'],
];

/**
 * The first `size` bytes of the image data. Like the reference, the zlib header is checked but
 * not the trailing checksum, and data beyond what the image needs is ignored.
 */
function inflate(compressed: Buffer, size: number): Promise<Buffer> {
  const cmf = compressed[0] ?? 0;
  const flg = compressed[1] ?? 0;
  if (compressed.length < 2 || (cmf & 0x0f) !== 8 || cmf >> 4 > 7 || (cmf * 256 + flg) % 31 !== 0 || (flg & 0x20) !== 0) {
    return Promise.reject(fail('Corrupt deflate stream. BadZlibHeader'));
  }
  return new Promise((resolve, reject) => {
    const out = Buffer.alloc(size);
    let filled = 0;
    const stream = createInflateRaw({ finishFlush: constants.Z_SYNC_FLUSH });
    stream.on('data', (chunk: Buffer) => {
      const take = Math.min(chunk.length, size - filled);
      chunk.copy(out, filled, 0, take);
      filled += take;
      if (filled === size) {
        stream.destroy();
        resolve(out);
      }
    });
    stream.on('error', (err) => {
      const name = DEFLATE_ERRORS.find(([re]) => re.test(err.message))?.[1] ?? 'InsufficientInput';
      reject(fail(`Corrupt deflate stream. ${name}`));
    });
    stream.on('end', () => {
      if (filled < size) reject(fail('IDAT or fDAT chunk does not have enough data for image.'));
    });
    stream.end(compressed.subarray(2));
  });
}

/** Bytes per complete pixel for filtering (at least 1), and bytes per row of `width` pixels. */
function rowGeometry(h: Header, width: number): { bpp: number; rowBytes: number } {
  const bits = SAMPLES[h.color]! * h.depth;
  return { bpp: Math.max(1, bits >> 3), rowBytes: Math.ceil((width * bits) / 8) };
}

/** The passes' sizes in order (one for a plain image), empty passes included with zero size. */
function passes(h: Header): { x0: number; y0: number; dx: number; dy: number; width: number; height: number }[] {
  if (!h.interlaced) return [{ x0: 0, y0: 0, dx: 1, dy: 1, width: h.width, height: h.height }];
  return ADAM7.map(([x0, y0, dx, dy]) => ({
    x0,
    y0,
    dx,
    dy,
    width: Math.ceil((h.width - x0) / dx),
    height: Math.ceil((h.height - y0) / dy),
  }));
}

function filteredSize(h: Header): number {
  let total = 0;
  for (const p of passes(h)) if (p.width > 0 && p.height > 0) total += (rowGeometry(h, p.width).rowBytes + 1) * p.height;
  return total;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the row filters of one pass in place; returns the rows without their filter bytes. */
function unfilter(data: Buffer, offset: number, rows: number, rowBytes: number, bpp: number): Buffer[] {
  const out: Buffer[] = [];
  let prev: Buffer = Buffer.alloc(rowBytes);
  for (let y = 0; y < rows; y++) {
    const start = offset + y * (rowBytes + 1);
    const filter = data[start]!;
    const row = data.subarray(start + 1, start + 1 + rowBytes);
    switch (filter) {
      case 0:
        break;
      case 1:
        for (let i = bpp; i < rowBytes; i++) row[i] = (row[i]! + row[i - bpp]!) & 0xff;
        break;
      case 2:
        for (let i = 0; i < rowBytes; i++) row[i] = (row[i]! + prev[i]!) & 0xff;
        break;
      case 3:
        for (let i = 0; i < rowBytes; i++) row[i] = (row[i]! + (((i >= bpp ? row[i - bpp]! : 0) + prev[i]!) >> 1)) & 0xff;
        break;
      case 4:
        for (let i = 0; i < rowBytes; i++) {
          const left = i >= bpp;
          row[i] = (row[i]! + paeth(left ? row[i - bpp]! : 0, prev[i]!, left ? prev[i - bpp]! : 0)) & 0xff;
        }
        break;
      default:
        throw fail(`Unknown filter method ${filter}.`);
    }
    out.push(row);
    prev = row;
  }
  return out;
}

/** How to read sample `index` of a row, for a bit depth. */
function sampleReader(depth: number): (row: Buffer, index: number) => number {
  if (depth === 8) return (row, index) => row[index]!;
  if (depth === 16) return (row, index) => (row[index * 2]! << 8) | row[index * 2 + 1]!;
  const mask = (1 << depth) - 1;
  return (row, index) => {
    const bit = index * depth;
    return (row[bit >> 3]! >> (8 - depth - (bit & 7))) & mask;
  };
}

/** Writes one pass's pixels into the RGBA raster, expanding palette, gray and low bit depths. */
function expandRows(rows: Buffer[], h: Header, pass: { x0: number; y0: number; dx: number; dy: number; width: number }, chunks: Chunks, out: Uint8Array | Uint16Array): void {
  const max = h.depth === 16 ? 0xffff : 0xff;
  const read = sampleReader(h.depth);
  // Gray below 8 bits is scaled up to the full 8-bit range, as the reference expands it.
  const scale = h.color === 0 && h.depth < 8 ? 255 / ((1 << h.depth) - 1) : 1;
  const trns = chunks.transparency;
  const grayKey = h.color === 0 && trns && trns.length >= 2 ? trns.readUInt16BE(0) : -1;
  const rgbKey = h.color === 2 && trns && trns.length >= 6 ? [trns.readUInt16BE(0), trns.readUInt16BE(2), trns.readUInt16BE(4)] : null;
  const palette = chunks.palette;
  for (let ry = 0; ry < rows.length; ry++) {
    const row = rows[ry]!;
    const y = pass.y0 + ry * pass.dy;
    for (let px = 0; px < pass.width; px++) {
      const o = (y * h.width + pass.x0 + px * pass.dx) * 4;
      switch (h.color) {
        case 0: {
          const v = read(row, px);
          out[o] = out[o + 1] = out[o + 2] = scale === 1 ? v : Math.round(v * scale);
          out[o + 3] = v === grayKey ? 0 : max;
          break;
        }
        case 4: {
          out[o] = out[o + 1] = out[o + 2] = read(row, px * 2);
          out[o + 3] = read(row, px * 2 + 1);
          break;
        }
        case 3: {
          const i = read(row, px);
          out[o] = palette![i * 3] ?? 0;
          out[o + 1] = palette![i * 3 + 1] ?? 0;
          out[o + 2] = palette![i * 3 + 2] ?? 0;
          out[o + 3] = trns && i < trns.length ? trns[i]! : 255;
          break;
        }
        case 2: {
          const r = read(row, px * 3);
          const g = read(row, px * 3 + 1);
          const b = read(row, px * 3 + 2);
          out[o] = r;
          out[o + 1] = g;
          out[o + 2] = b;
          out[o + 3] = rgbKey && r === rgbKey[0] && g === rgbKey[1] && b === rgbKey[2] ? 0 : max;
          break;
        }
        default:
          out[o] = read(row, px * 4);
          out[o + 1] = read(row, px * 4 + 1);
          out[o + 2] = read(row, px * 4 + 2);
          out[o + 3] = read(row, px * 4 + 3);
      }
    }
  }
}

/** Bytes the reference's decoder would allocate for the image in its own pixel format. */
function decodedBytes(h: Header, transparency: boolean): number {
  const channels = h.color === 3 ? (transparency ? 4 : 3) : SAMPLES[h.color]! + (transparency && (h.color === 0 || h.color === 2) ? 1 : 0);
  return h.width * h.height * channels * (h.depth === 16 ? 2 : 1);
}

/** The image's pixels; throws an ImageError the way the reference's decoder fails. */
export async function decodePng(bytes: Buffer): Promise<Raster> {
  const chunks = readChunks(bytes);
  const h = chunks.header;
  if (decodedBytes(h, chunks.transparency !== null) > MAX_DECODED_BYTES) throw unsupportedImage('image too large to decode');
  const filtered = await inflate(chunks.compressed, filteredSize(h));
  const wide = h.depth === 16;
  const out = wide ? new Uint16Array(h.width * h.height * 4) : new Uint8Array(h.width * h.height * 4);
  let offset = 0;
  for (const pass of passes(h)) {
    if (pass.width === 0 || pass.height === 0) continue;
    const { bpp, rowBytes } = rowGeometry(h, pass.width);
    const rows = unfilter(filtered, offset, pass.height, rowBytes, bpp);
    offset += (rowBytes + 1) * pass.height;
    expandRows(rows, h, pass, chunks, out);
  }
  return wide
    ? { width: h.width, height: h.height, depth: 16, data: out as Uint16Array }
    : { width: h.width, height: h.height, depth: 8, data: out as Uint8Array };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))));
  return Buffer.concat([head, data, crc]);
}

/** Each row filtered with whichever filter leaves the smallest sum of (signed) bytes. */
function filterRows(rgba: Uint8Array, width: number, height: number): Buffer {
  const rowBytes = width * 4;
  const out = Buffer.alloc((rowBytes + 1) * height);
  const candidate = Buffer.alloc(rowBytes);
  const best = Buffer.alloc(rowBytes);
  for (let y = 0; y < height; y++) {
    const row = rgba.subarray(y * rowBytes, (y + 1) * rowBytes);
    const prev = y > 0 ? rgba.subarray((y - 1) * rowBytes, y * rowBytes) : null;
    let bestFilter = 0;
    let bestCost = Infinity;
    for (let filter = 0; filter <= 4; filter++) {
      let cost = 0;
      for (let i = 0; i < rowBytes; i++) {
        const a = i >= 4 ? row[i - 4]! : 0;
        const b = prev ? prev[i]! : 0;
        const c = prev && i >= 4 ? prev[i - 4]! : 0;
        const predicted = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
        const v = (row[i]! - predicted) & 0xff;
        candidate[i] = v;
        cost += v < 128 ? v : 256 - v;
      }
      if (cost < bestCost) {
        bestCost = cost;
        bestFilter = filter;
        candidate.copy(best);
      }
    }
    out[y * (rowBytes + 1)] = bestFilter;
    best.copy(out, y * (rowBytes + 1) + 1);
  }
  return out;
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filterRows(rgba, width, height))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

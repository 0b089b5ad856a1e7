/**
 * JPEG and WebP are sent to the model as they are, so only their headers are read: enough for
 * the dimensions and to refuse what the reference's decoders refuse first (with their messages).
 * Running out of data inside the RIFF container is the reference's I/O error (`unsupported`).
 */
import { ImageError, invalidImage, unsupportedImage } from './image-error.ts';

export interface Size {
  width: number;
  height: number;
}

const JPEG_EOF = 'I/O errors Not enough bytes, expected 1 but found 0\n';

/** Start-of-frame markers (every SOFn but DHT, JPG and DAC), which carry the dimensions. */
const isStartOfFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** The frame's size; the frame header must come, and the scan must start, before the data ends. */
export function jpegSize(bytes: Buffer): Size {
  const fail = (detail: string) => invalidImage('Jpeg', detail);
  let size: Size | null = null;
  let pos = 2;
  for (;;) {
    while (pos < bytes.length && bytes[pos] === 0xff) pos++;
    if (pos >= bytes.length) throw fail(JPEG_EOF);
    const marker = bytes[pos++]!;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd9) throw fail('No frame header found before scan data');
    if (pos + 2 > bytes.length) throw fail(JPEG_EOF);
    const length = bytes.readUInt16BE(pos);
    if (length < 2) throw fail(`Invalid segment length ${length}`);
    if (pos + length > bytes.length) throw fail(JPEG_EOF);
    if (isStartOfFrame(marker)) {
      if (length < 7) throw fail(JPEG_EOF);
      size = { width: bytes.readUInt16BE(pos + 5), height: bytes.readUInt16BE(pos + 3) };
      if (size.width === 0 || size.height === 0) throw fail('Zero sized image');
    }
    if (marker === 0xda) {
      if (!size) throw fail('No frame header found before scan data');
      return size;
    }
    pos += length;
  }
}

const hexList = (b: Buffer) => `[${[...b].map((x) => x.toString(16)).join(', ')}]`;

export function webpSize(bytes: Buffer): Size {
  const fail = (detail: string) => invalidImage('WebP', detail);
  const need = (n: number) => {
    if (bytes.length < n) throw unsupportedImage('unexpected end of file');
  };
  need(20);
  const fourcc = bytes.subarray(12, 16);
  const body = 20;
  switch (fourcc.toString('latin1')) {
    case 'VP8 ': {
      need(body + 10);
      if (bytes[body]! & 1) throw fail('Unsupported feature: Non-keyframe frames');
      if (bytes[body + 3] !== 0x9d || bytes[body + 4] !== 0x01 || bytes[body + 5] !== 0x2a) throw fail(`Invalid VP8 magic: ${hexList(bytes.subarray(body + 3, body + 6))}`);
      return nonZero({ width: bytes.readUInt16LE(body + 6) & 0x3fff, height: bytes.readUInt16LE(body + 8) & 0x3fff }, fail);
    }
    case 'VP8L': {
      need(body + 5);
      if (bytes[body] !== 0x2f) throw fail(`Invalid lossless signature: ${bytes[body]!.toString(16)}`);
      const bits = bytes.readUInt32LE(body + 1);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    case 'VP8X': {
      need(body + 10);
      return { width: bytes.readUIntLE(body + 4, 3) + 1, height: bytes.readUIntLE(body + 7, 3) + 1 };
    }
    default:
      throw fail(`Invalid Chunk header: ${hexList(fourcc)}`);
  }
}

function nonZero(size: Size, fail: (detail: string) => ImageError): Size {
  if (size.width === 0 || size.height === 0) throw fail('Image dimensions are zero');
  return size;
}

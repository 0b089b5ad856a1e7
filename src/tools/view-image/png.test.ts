import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { ImageError } from './image-error.ts';
import { decodePng, encodePng, PNG_SIGNATURE } from './png.ts';
import { makePng, pngChunk } from './test-images.ts';

const pixels = (r: { data: ArrayLike<number> }) => Array.from(r.data);

async function failure(bytes: Buffer): Promise<{ kind: string; message: string }> {
  try {
    await decodePng(bytes);
  } catch (err) {
    assert.ok(err instanceof ImageError);
    return { kind: err.kind, message: err.message };
  }
  assert.fail('expected the PNG to be refused');
}

test('RGB, RGBA and 16-bit images decode to RGBA with their own precision', async () => {
  const rgb = await decodePng(makePng({ width: 2, height: 1, color: 2, depth: 8, sample: (x) => [x, 2, 3] }));
  assert.deepEqual(pixels(rgb), [0, 2, 3, 255, 1, 2, 3, 255]);
  const rgba = await decodePng(makePng({ width: 1, height: 2, color: 6, depth: 8, sample: (_, y) => [9, 8, 7, y] }));
  assert.deepEqual(pixels(rgba), [9, 8, 7, 0, 9, 8, 7, 1]);
  const wide = await decodePng(makePng({ width: 1, height: 1, color: 4, depth: 16, sample: () => [1000, 65535] }));
  assert.equal(wide.depth, 16);
  assert.deepEqual(pixels(wide), [1000, 1000, 1000, 65535]);
});

test('low bit depth gray is scaled up; palette and gray transparency become alpha', async () => {
  const gray = await decodePng(makePng({ width: 4, height: 1, color: 0, depth: 2, sample: (x) => [x] }));
  assert.deepEqual(pixels(gray), [0, 0, 0, 255, 85, 85, 85, 255, 170, 170, 170, 255, 255, 255, 255, 255]);
  const keyed = await decodePng(
    makePng({ width: 2, height: 1, color: 0, depth: 8, sample: (x) => [x * 7], extra: [pngChunk('tRNS', Buffer.from([0, 7]))] }),
  );
  assert.deepEqual(pixels(keyed), [0, 0, 0, 255, 7, 7, 7, 0]);
  const palette = pngChunk('PLTE', Buffer.from([255, 0, 0, 0, 0, 255]));
  const indexed = await decodePng(
    makePng({ width: 2, height: 1, color: 3, depth: 1, sample: (x) => [x], extra: [palette, pngChunk('tRNS', Buffer.from([128]))] }),
  );
  assert.deepEqual(pixels(indexed), [255, 0, 0, 128, 0, 0, 255, 255]);
});

test('interlaced images decode to the same pixels as plain ones', async () => {
  const spec = { width: 13, height: 11, color: 2, depth: 8, sample: (x: number, y: number) => [x, y, x * y] };
  assert.deepEqual(pixels(await decodePng(makePng({ ...spec, interlaced: true }))), pixels(await decodePng(makePng(spec))));
});

test('encoding round-trips RGBA through every row filter', async () => {
  const width = 7;
  const height = 5;
  const rgba = new Uint8Array(width * height * 4).map((_, i) => (i * 37) % 251);
  const decoded = await decodePng(encodePng(width, height, rgba));
  assert.deepEqual([decoded.width, decoded.height], [width, height]);
  assert.deepEqual(pixels(decoded), Array.from(rgba));
});

test('broken files fail with the reference decoder\'s messages, truncation as unsupported', async () => {
  const good = makePng({ width: 2, height: 2, color: 2, depth: 8, sample: () => [1, 2, 3] });
  const ihdr = good.subarray(8, 33);
  const iend = pngChunk('IEND', Buffer.alloc(0));
  assert.equal((await failure(good.subarray(0, good.length - 12))).kind, 'unsupported');
  assert.equal((await failure(Buffer.concat([PNG_SIGNATURE, Buffer.from('xxxx')]))).kind, 'unsupported');
  const badCrc = Buffer.from(good);
  badCrc.writeUInt32BE(1234, 29);
  assert.match((await failure(badCrc)).message, /^Format error decoding Png: CRC error: expected 0x4d2 have 0x[0-9a-f]+ while decoding ChunkType \{ type: IHDR, critical: true, private: false, reserved: false, safecopy: false \} chunk\.$/);
  assert.deepEqual(await failure(Buffer.concat([PNG_SIGNATURE, ihdr, iend])), { kind: 'invalid', message: 'Format error decoding Png: IDAT or fdAT chunk is missing.' });
  assert.deepEqual(await failure(Buffer.concat([PNG_SIGNATURE, ihdr, pngChunk('IDAT', Buffer.from('not zlib')), iend])), {
    kind: 'invalid',
    message: 'Format error decoding Png: Corrupt deflate stream. BadZlibHeader',
  });
  assert.deepEqual(await failure(Buffer.concat([PNG_SIGNATURE, ihdr, pngChunk('IDAT', deflateSync(Buffer.from([0, 1, 2]))), iend])), {
    kind: 'invalid',
    message: 'Format error decoding Png: IDAT or fDAT chunk does not have enough data for image.',
  });
  assert.deepEqual(await failure(Buffer.concat([PNG_SIGNATURE, ihdr, pngChunk('IDAT', deflateSync(Buffer.alloc(14, 7))), iend])), {
    kind: 'invalid',
    message: 'Format error decoding Png: Unknown filter method 7.',
  });
  assert.deepEqual(await failure(Buffer.concat([PNG_SIGNATURE, iend])), {
    kind: 'invalid',
    message: 'Format error decoding Png: ChunkType { type: IEND, critical: true, private: false, reserved: false, safecopy: false } chunk appeared before IHDR chunk',
  });
  const header = (width: number, depth: number, color: number) => {
    const b = Buffer.alloc(13);
    b.writeUInt32BE(width, 0);
    b.writeUInt32BE(2, 4);
    b[8] = depth;
    b[9] = color;
    return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', b), pngChunk('IDAT', deflateSync(Buffer.alloc(8))), iend]);
  };
  assert.equal((await failure(header(0, 8, 2))).message, 'Format error decoding Png: Invalid image dimensions');
  assert.equal((await failure(header(2, 4, 2))).message, 'Format error decoding Png: Invalid color/depth combination in header: Rgb/Four');
  assert.deepEqual(await failure(header(1e9, 8, 2)), { kind: 'unsupported', message: 'image too large to decode' });
});

test('an indexed image without a palette is refused', async () => {
  const png = makePng({ width: 1, height: 1, color: 3, depth: 8, sample: () => [0] });
  assert.equal((await failure(png)).message, 'Format error decoding Png: Missing palette of indexed image.');
});

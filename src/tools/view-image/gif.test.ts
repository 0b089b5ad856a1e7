import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeGif } from './gif.ts';
import { ImageError } from './image-error.ts';
import { makeGif } from './test-images.ts';

const palette = [
  [0, 0, 0],
  [255, 0, 0],
  [0, 255, 0],
  [0, 0, 255],
];

function failure(bytes: Buffer): string {
  try {
    decodeGif(bytes);
  } catch (err) {
    assert.ok(err instanceof ImageError && err.kind === 'invalid');
    return err.message;
  }
  assert.fail('expected the GIF to be refused');
}

test('the first frame becomes RGBA; transparent pixels keep their colour with alpha 0', () => {
  const raster = decodeGif(makeGif({ width: 2, height: 1, palette, transparent: 2, index: (x) => x + 1 }));
  assert.deepEqual([raster.width, raster.height], [2, 1]);
  assert.deepEqual(Array.from(raster.data), [255, 0, 0, 255, 0, 255, 0, 0]);
});

test('a frame smaller than the screen is placed at its offset, the rest left transparent black', () => {
  const raster = decodeGif(makeGif({ width: 3, height: 2, palette, frame: { left: 1, top: 1, width: 1, height: 1 }, index: () => 3 }));
  const alpha = Array.from(raster.data).filter((_, i) => i % 4 === 3);
  assert.deepEqual(alpha, [0, 0, 0, 0, 255, 0]);
  assert.deepEqual(Array.from(raster.data.subarray(16, 20)), [0, 0, 255, 255]);
});

test('interlaced frames and long LZW streams decode in row order', () => {
  const spec = { width: 37, height: 19, palette, index: (x: number, y: number) => (x * 7 + y * 3) % 4 };
  assert.deepEqual(Array.from(decodeGif(makeGif({ ...spec, interlaced: true })).data), Array.from(decodeGif(makeGif(spec)).data));
  const raster = decodeGif(makeGif(spec));
  const o = (5 * 37 + 11) * 4;
  assert.deepEqual(Array.from(raster.data.subarray(o, o + 4)), [...palette[(11 * 7 + 5 * 3) % 4]!, 255]);
});

test('broken files fail with the reference decoder\'s messages', () => {
  const head = Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from([2, 0, 2, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255])]);
  assert.equal(failure(Buffer.concat([head, Buffer.from(';')])), 'Format error decoding Gif: Unexpected End of File');
  assert.equal(failure(head.subarray(0, 8)), 'Format error decoding Gif: Unexpected End of File');
  assert.equal(failure(Buffer.concat([head, Buffer.from([0x99])])), 'Format error decoding Gif: unknown block type encountered');
  assert.equal(failure(Buffer.concat([head, Buffer.from([0x2c, 0, 0, 0, 0, 2, 0, 2, 0, 0, 13, 0])])), 'Format error decoding Gif: invalid minimal code size');
  assert.equal(failure(Buffer.concat([head, Buffer.from([0x2c, 0, 0, 0, 0, 2, 0, 2, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3b])])), 'Format error decoding Gif: image truncated');
});

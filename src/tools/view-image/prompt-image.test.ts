import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodePng } from './png.ts';
import { promptImage, sniffFormat } from './prompt-image.ts';
import { makeGif, makePng } from './test-images.ts';

test('formats are told by their leading bytes', () => {
  assert.equal(sniffFormat(makePng({ width: 1, height: 1, color: 0, depth: 8, sample: () => [0] })), 'png');
  assert.equal(sniffFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'jpeg');
  assert.equal(sniffFormat(Buffer.from('GIF87a...')), 'gif');
  assert.equal(sniffFormat(Buffer.from('RIFF\0\0\0\0WEBPVP8 ')), 'webp');
  assert.equal(sniffFormat(Buffer.from('BM....')), null);
});

test('a PNG that fits is sent as it is', async () => {
  const png = makePng({ width: 30, height: 20, color: 2, depth: 8, sample: (x, y) => [x, y, 0] });
  assert.deepEqual(await promptImage(png), { mime: 'image/png', bytes: png });
});

test('a larger PNG is shrunk to fit 2048x768, a GIF is re-encoded as PNG', async () => {
  const big = makePng({ width: 3000, height: 1000, color: 2, depth: 8, sample: (x) => [x & 255, 0, 0] });
  const shrunk = await promptImage(big);
  assert.equal(shrunk.mime, 'image/png');
  const raster = await decodePng(shrunk.bytes);
  assert.deepEqual([raster.width, raster.height], [2048, 683]);
  const gif = await promptImage(makeGif({ width: 3, height: 2, palette: [[1, 2, 3]], index: () => 0 }));
  assert.equal(gif.mime, 'image/png');
  assert.deepEqual(Array.from((await decodePng(gif.bytes)).data.subarray(0, 4)), [1, 2, 3, 255]);
});

test('anything else is unsupported', async () => {
  await assert.rejects(promptImage(Buffer.from('BM not a supported format')), { kind: 'unsupported' });
  await assert.rejects(promptImage(Buffer.alloc(0)), { kind: 'unsupported' });
});

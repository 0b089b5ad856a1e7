import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitWithin, resizeTriangle } from './resize.ts';

test('the fitted size keeps the aspect ratio, rounded, never zero', () => {
  assert.deepEqual(fitWithin(3000, 1000, 2048, 768), { width: 2048, height: 683 });
  assert.deepEqual(fitWithin(100, 800, 2048, 768), { width: 96, height: 768 });
  assert.deepEqual(fitWithin(100000, 1, 2048, 768), { width: 2048, height: 1 });
});

test('halving averages neighbours with the triangle filter', () => {
  // One row: 0, 100, 200, 255 shrunk to two pixels; alpha stays opaque.
  const data = new Uint8Array([0, 0, 0, 255, 100, 100, 100, 255, 200, 200, 200, 255, 255, 255, 255, 255]);
  const out = resizeTriangle({ width: 4, height: 1, depth: 8, data }, 2, 1);
  // Each output pixel weighs the two source pixels it covers 3 and the next one out 1; the image's
  // edge cuts off the fourth, so the weights sum to 1.75: (0*3 + 100*3 + 200) / 7 and (100 + 200*3 + 255*3) / 7.
  assert.deepEqual(Array.from(out.data), [71, 71, 71, 255, 209, 209, 209, 255]);
});

test('a 16-bit raster stays 16-bit and a same-size resize changes nothing', () => {
  const data = new Uint16Array([1, 2, 3, 65535, 40000, 50000, 60000, 65535]);
  const out = resizeTriangle({ width: 2, height: 1, depth: 16, data }, 2, 1);
  assert.equal(out.depth, 16);
  assert.deepEqual(Array.from(out.data), Array.from(data));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jpegSize, webpSize } from './headers.ts';
import { ImageError } from './image-error.ts';

function failure(read: () => unknown): { kind: string; message: string } {
  try {
    read();
  } catch (err) {
    assert.ok(err instanceof ImageError);
    return { kind: err.kind, message: err.message };
  }
  assert.fail('expected the header to be refused');
}

const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
const sof = segment(0xc0, [8, 0, 16, 0, 32, 1, 1, 0x11, 0]);

test('a JPEG needs its frame header and the start of its scan', () => {
  const jpeg = Buffer.from([0xff, 0xd8, ...segment(0xe0, [0x4a, 0x46]), ...sof, ...segment(0xda, [1, 1, 0, 0, 63, 0]), 1, 2, 3]);
  assert.deepEqual(jpegSize(jpeg), { width: 32, height: 16 });
  const eof = { kind: 'invalid', message: 'Format error decoding Jpeg: I/O errors Not enough bytes, expected 1 but found 0\n' };
  assert.deepEqual(failure(() => jpegSize(Buffer.from([0xff, 0xd8, 0xff]))), eof);
  assert.deepEqual(failure(() => jpegSize(Buffer.from([0xff, 0xd8, ...sof]))), eof);
});

const riff = (fourcc: string, body: number[]) => {
  const chunk = Buffer.concat([Buffer.from(fourcc, 'latin1'), Buffer.from([body.length, 0, 0, 0]), Buffer.from(body)]);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.from([chunk.length + 4, 0, 0, 0]), Buffer.from('WEBP', 'latin1'), chunk]);
};

test('WebP sizes come from the VP8, VP8L or VP8X header', () => {
  assert.deepEqual(webpSize(riff('VP8 ', [0x10, 0, 0, 0x9d, 0x01, 0x2a, 40, 0, 30, 0])), { width: 40, height: 30 });
  const bits = 39 | (29 << 14);
  assert.deepEqual(webpSize(riff('VP8L', [0x2f, bits & 255, (bits >> 8) & 255, (bits >> 16) & 255, bits >>> 24])), { width: 40, height: 30 });
  assert.deepEqual(webpSize(riff('VP8X', [0, 0, 0, 0, 39, 0, 0, 29, 0, 0])), { width: 40, height: 30 });
});

test('broken WebP fails with the reference decoder\'s messages, truncation as unsupported', () => {
  assert.equal(failure(() => webpSize(riff('VP8 ', [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).message, 'Format error decoding WebP: Unsupported feature: Non-keyframe frames');
  assert.equal(failure(() => webpSize(riff('VP8L', [0x11, 0, 0, 0, 0]))).message, 'Format error decoding WebP: Invalid lossless signature: 11');
  assert.equal(failure(() => webpSize(riff('ABCD', [0, 0, 0, 0]))).message, 'Format error decoding WebP: Invalid Chunk header: [41, 42, 43, 44]');
  assert.equal(failure(() => webpSize(riff('VP8 ', []).subarray(0, 12))).kind, 'unsupported');
});

/**
 * Shrinking an image to fit the size the model is sent, as the reference does: the aspect ratio
 * kept, sides rounded, then a separable triangle (bilinear) filter, vertical pass first, with the
 * intermediate in floating point and the result rounded and clamped.
 */
import type { Raster } from './raster.ts';

/** The largest size within `maxWidth` x `maxHeight` with the image's aspect ratio (never 0). */
export function fitWithin(width: number, height: number, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const ratio = Math.min(maxWidth / width, maxHeight / height);
  return { width: Math.max(Math.round(width * ratio), 1), height: Math.max(Math.round(height * ratio), 1) };
}

export function resizeTriangle(src: Raster, width: number, height: number): Raster {
  const vertical = sampleVertical(src.data, src.width, src.height, height);
  const out = sampleHorizontal(vertical, src.width, height, width);
  const max = src.depth === 8 ? 255 : 65535;
  const data = src.depth === 8 ? new Uint8Array(out.length) : new Uint16Array(out.length);
  for (let i = 0; i < out.length; i++) data[i] = Math.min(Math.max(Math.round(out[i]!), 0), max);
  return src.depth === 8 ? { width, height, depth: 8, data: data as Uint8Array } : { width, height, depth: 16, data: data as Uint16Array };
}

const f32 = Math.fround;

/** For each output position: the first source index and the normalised weights from there on. */
function weights(inSize: number, outSize: number): { start: number; w: Float32Array }[] {
  const ratio = f32(inSize / outSize);
  // The triangle reaches one source pixel either side, stretched by the ratio when shrinking.
  const scale = ratio < 1 ? 1 : ratio;
  const result: { start: number; w: Float32Array }[] = [];
  for (let o = 0; o < outSize; o++) {
    const center = f32(f32(o + 0.5) * ratio);
    const left = Math.min(Math.max(Math.floor(f32(center - scale)), 0), inSize - 1);
    const right = Math.min(Math.max(Math.ceil(f32(center + scale)), left + 1), inSize);
    const at = f32(center - 0.5);
    const w = new Float32Array(right - left);
    let sum = 0;
    for (let i = left; i < right; i++) {
      const x = Math.abs(f32(f32(i - at) / scale));
      w[i - left] = x < 1 ? f32(1 - x) : 0;
      sum = f32(sum + w[i - left]!);
    }
    for (let k = 0; k < w.length; k++) w[k] = f32(w[k]! / sum);
    result.push({ start: left, w });
  }
  return result;
}

/** The vertical pass: every column resampled to `outHeight` rows. */
function sampleVertical(data: ArrayLike<number>, width: number, height: number, outHeight: number): Float32Array {
  const out = new Float32Array(width * outHeight * 4);
  const table = weights(height, outHeight);
  const row = width * 4;
  for (let o = 0; o < outHeight; o++) {
    const { start, w } = table[o]!;
    const base = o * row;
    for (let k = 0; k < w.length; k++) {
      const wk = w[k]!;
      const src = (start + k) * row;
      for (let i = 0; i < row; i++) out[base + i] = out[base + i]! + data[src + i]! * wk;
    }
  }
  return out;
}

/** The horizontal pass: every row resampled to `outWidth` columns. */
function sampleHorizontal(data: Float32Array, width: number, height: number, outWidth: number): Float32Array {
  const out = new Float32Array(outWidth * height * 4);
  const table = weights(width, outWidth);
  for (let y = 0; y < height; y++) {
    const srcRow = y * width * 4;
    const outRow = y * outWidth * 4;
    for (let o = 0; o < outWidth; o++) {
      const { start, w } = table[o]!;
      let r = 0, g = 0, b = 0, a = 0;
      for (let k = 0; k < w.length; k++) {
        const p = srcRow + (start + k) * 4;
        const wk = w[k]!;
        r += data[p]! * wk;
        g += data[p + 1]! * wk;
        b += data[p + 2]! * wk;
        a += data[p + 3]! * wk;
      }
      const q = outRow + o * 4;
      out[q] = r;
      out[q + 1] = g;
      out[q + 2] = b;
      out[q + 3] = a;
    }
  }
  return out;
}

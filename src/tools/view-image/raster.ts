/**
 * Decoded pixels: RGBA, row by row, in 8 or 16 bits per channel (16-bit images keep their
 * precision until they are written out).
 */
export type Raster =
  | { width: number; height: number; depth: 8; data: Uint8Array }
  | { width: number; height: number; depth: 16; data: Uint16Array };

/** The pixels in 8 bits per channel, as written into a PNG. */
export function toRgba8(raster: Raster): Uint8Array {
  if (raster.depth === 8) return raster.data;
  const out = new Uint8Array(raster.data.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(raster.data[i]! / 257);
  return out;
}

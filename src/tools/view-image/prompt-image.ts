/**
 * An image file's bytes made into what the model is sent, as the reference does: PNG, JPEG and
 * WebP that fit within 2048x768 go as they are, GIF is re-encoded as PNG, and larger PNG and GIF
 * are shrunk to fit (and re-encoded as PNG). Every format is decoded or checked first, so a
 * broken file fails here with the reference's decoder message.
 *
 * Unlike the reference, JPEG and WebP larger than the limit are sent as they are: Weft has no
 * decoder for them and the model's API accepts them.
 */
import { decodeGif } from './gif.ts';
import { jpegSize, webpSize } from './headers.ts';
import { unsupportedImage } from './image-error.ts';
import { decodePng, encodePng, PNG_SIGNATURE } from './png.ts';
import { toRgba8, type Raster } from './raster.ts';
import { fitWithin, resizeTriangle } from './resize.ts';

export const MAX_WIDTH = 2048;
export const MAX_HEIGHT = 768;

export interface PromptImage {
  mime: 'image/png' | 'image/jpeg' | 'image/webp';
  bytes: Buffer;
}

type Format = 'png' | 'jpeg' | 'gif' | 'webp';

/** The format by its leading bytes, for the four formats the reference decodes. */
export function sniffFormat(bytes: Buffer): Format | null {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const head = bytes.toString('latin1', 0, 6);
  if (head === 'GIF87a' || head === 'GIF89a') return 'gif';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

const fits = (width: number, height: number) => width <= MAX_WIDTH && height <= MAX_HEIGHT;

function asPng(raster: Raster): PromptImage {
  const target = fits(raster.width, raster.height) ? raster : resizeTriangle(raster, ...sizeWithin(raster));
  return { mime: 'image/png', bytes: encodePng(target.width, target.height, toRgba8(target)) };
}

function sizeWithin(raster: Raster): [number, number] {
  const { width, height } = fitWithin(raster.width, raster.height, MAX_WIDTH, MAX_HEIGHT);
  return [width, height];
}

/** Throws an ImageError when the bytes are not an image the reference would send. */
export async function promptImage(bytes: Buffer): Promise<PromptImage> {
  switch (sniffFormat(bytes)) {
    case 'png': {
      const raster = await decodePng(bytes);
      return fits(raster.width, raster.height) ? { mime: 'image/png', bytes } : asPng(raster);
    }
    case 'gif':
      return asPng(decodeGif(bytes));
    case 'jpeg':
      jpegSize(bytes);
      return { mime: 'image/jpeg', bytes };
    case 'webp':
      webpSize(bytes);
      return { mime: 'image/webp', bytes };
    default:
      throw unsupportedImage('not an image format the model takes');
  }
}

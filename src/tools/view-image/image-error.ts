/**
 * Why a file could not become an image for the model, in the reference's terms: `invalid` when
 * its decoder rejected the data (the message is the decoder's), `unsupported` when the data is
 * not in a format it decodes at all, ends early, or is too large to decode.
 */
export class ImageError extends Error {
  constructor(
    readonly kind: 'invalid' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

export type ImageFormatName = 'Png' | 'Jpeg' | 'Gif' | 'WebP';

/** A decoder's complaint, worded as the reference's image library words it. */
export const invalidImage = (format: ImageFormatName, detail: string) => new ImageError('invalid', `Format error decoding ${format}: ${detail}`);

export const unsupportedImage = (why: string) => new ImageError('unsupported', why);

/** Decoded images larger than this (in their own pixel format) are refused, as the reference's default limit does. */
export const MAX_DECODED_BYTES = 512 * 1024 * 1024;

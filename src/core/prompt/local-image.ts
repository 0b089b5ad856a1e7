import { readFile } from 'node:fs/promises';
import type { ContentItem } from '../../model/index.ts';

/** Formats the Responses API accepts, by their leading bytes. */
const SIGNATURES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/gif', test: (b) => ['GIF87a', 'GIF89a'].includes(b.toString('latin1', 0, 6)) },
  { mime: 'image/webp', test: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP' },
];

/**
 * An image file from the user's input, inlined as a data URL between tags naming it the way the
 * client labels it ("[Image #2]"), or a note instead when it cannot be attached, so the model
 * knows the user meant to show it something.
 */
export async function localImageContent(path: string, label: string): Promise<ContentItem[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return [{ type: 'input_text', text: `The image at \`${path}\` could not be read: ${(err as Error).message}` }];
  }
  const mime = SIGNATURES.find((s) => s.test(bytes))?.mime;
  if (!mime) {
    return [{ type: 'input_text', text: `The file at \`${path}\` could not be attached: it is not a PNG, JPEG, GIF or WebP image.` }];
  }
  return [
    { type: 'input_text', text: `<image name=${label}>` },
    { type: 'input_image', image_url: `data:${mime};base64,${bytes.toString('base64')}` },
    { type: 'input_text', text: '</image>' },
  ];
}

/**
 * What the model is given for an image file: the image as a data URL, or a note saying why it
 * cannot have it, worded as the reference words it (a file it cannot read, one its decoder
 * rejects, one in a format it does not take, named by the MIME type its extension suggests).
 */
import { readFile, stat } from 'node:fs/promises';
import type { FunctionCallOutputContentItem } from '../../model/index.ts';
import { osErrorText } from '../../util/os-error.ts';
import { ImageError } from './image-error.ts';
import { mimeFromExtension } from './mime.ts';
import { promptImage } from './prompt-image.ts';

/** Larger files are not read: a prompt image this big is a mistake, and reading it costs memory. */
export const MAX_IMAGE_FILE_BYTES = 50 * 1024 * 1024;

/** The notes name the file as `shown` (the path as the user wrote it) when that differs from `path`. */
export async function imageContentItem(path: string, shown = path): Promise<FunctionCallOutputContentItem> {
  const text = (t: string): FunctionCallOutputContentItem => ({ type: 'input_text', text: t });
  const unreadable = (why: string) => text(`Codex could not read the local image at \`${shown}\`: ${why}`);
  let bytes: Buffer;
  try {
    if ((await stat(path)).size > MAX_IMAGE_FILE_BYTES) {
      return unreadable(`failed to read image at ${shown}: image exceeds the ${MAX_IMAGE_FILE_BYTES}-byte limit`);
    }
    bytes = await readFile(path);
  } catch (err) {
    return unreadable(`failed to read image at ${shown}: ${osErrorText(err)}`);
  }
  try {
    const image = await promptImage(bytes);
    return { type: 'input_image', image_url: `data:${image.mime};base64,${image.bytes.toString('base64')}` };
  } catch (err) {
    if (!(err instanceof ImageError)) throw err;
    if (err.kind === 'invalid') return text(`Image located at \`${shown}\` is invalid: failed to decode image at ${shown}: ${err.message}`);
    const mime = mimeFromExtension(shown);
    if (!mime) return unreadable('unsupported MIME type (unknown)');
    if (!mime.startsWith('image/')) return unreadable(`unsupported MIME type \`${mime}\``);
    return text(`Codex cannot attach image at \`${shown}\`: unsupported image format \`${mime}\`.`);
  }
}

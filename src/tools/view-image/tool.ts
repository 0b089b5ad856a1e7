/**
 * `view_image`: the model asks to see an image file. The path is taken relative to the turn's
 * directory (joined as given, not normalised) and read as the user, like the reference, which
 * does not sandbox reads. An existing file is announced as an `imageView` item before it is
 * read; the model then gets the image, or a note on why it cannot have it. A path that does not
 * lead to a file is answered with an error instead, and no item.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { osErrorText } from '../../util/os-error.ts';
import { toolOutput, type ToolHandler } from '../registry.ts';
import { parseArgs } from '../shell/args.ts';
import { imageContentItem } from './image-content.ts';

/** Rust's `Path::join`: an absolute path replaces the base, anything else follows a separator. */
export function joinPath(base: string, path: string): string {
  if (isAbsolute(path)) return path;
  return base.endsWith('/') ? base + path : `${base}/${path}`;
}

export const viewImageHandler: ToolHandler = async (call, ctx) => {
  if (call.kind !== 'function') return toolOutput(call, 'view_image handler received unsupported payload');
  const args = parseArgs(call.input, { struct: 'ViewImageArgs', fields: { path: { kind: 'string', required: true } } });
  if (!args.ok) return toolOutput(call, args.message);
  const path = joinPath(ctx.cwd, args.value.path as string);
  let isFile: boolean;
  try {
    isFile = (await stat(path)).isFile();
  } catch (err) {
    return toolOutput(call, `unable to locate image at \`${path}\`: ${osErrorText(err)}`);
  }
  if (!isFile) return toolOutput(call, `image path \`${path}\` is not a file`);
  const item = { type: 'imageView' as const, id: call.callId, path };
  ctx.startItem(item);
  ctx.completeItem(item);
  return { type: 'function_call_output', call_id: call.callId, output: [await imageContentItem(path)] };
};

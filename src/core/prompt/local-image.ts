import type { ContentItem } from '../../model/index.ts';
import { imageContentItem } from '../../tools/view-image/image-content.ts';

/**
 * An image file from the user's input, inlined as a data URL between tags naming it the way the
 * client labels it ("[Image #2]"), or a note instead when it cannot be attached, so the model
 * knows the user meant to show it something. Prepared as for view_image; the notes name the file
 * as the user wrote it, as the reference's do.
 */
export async function localImageContent(path: string, label: string, shown = path): Promise<ContentItem[]> {
  const item = await imageContentItem(path, shown);
  if (item.type === 'input_text') return [item];
  return [
    { type: 'input_text', text: `<image name=${label}>` },
    { type: 'input_image', image_url: item.image_url },
    { type: 'input_text', text: '</image>' },
  ];
}

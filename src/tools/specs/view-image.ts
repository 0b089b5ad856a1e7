import { closedObject, functionTool, string } from './types.ts';

export const VIEW_IMAGE = functionTool(
  'view_image',
  'Attach an image file from the local filesystem so you can see it. Use it only for a path the user gave you, and not for images already attached to the conversation.',
  closedObject({ path: string('Path of the image file.') }, ['path']),
);

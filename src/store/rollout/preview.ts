/**
 * A thread's preview, as the reference's state database derives it: the first `user_message`
 * event with text (after a legacy "## My request for Codex:" prefix), or "[Image]" for one that
 * only carries images. The reference's own backfill of an empty database gives "" for the latter;
 * "[Image]" is what its users saw.
 */
import type { Json } from './fields.ts';

const LEGACY_PREFIX = '## My request for Codex:';

export function userMessagePreview(p: Json): string | undefined {
  const message = typeof p.message === 'string' ? p.message : '';
  const at = message.indexOf(LEGACY_PREFIX);
  const text = (at >= 0 ? message.slice(at + LEGACY_PREFIX.length) : message).trim();
  if (text !== '') return text;
  const hasImages = (v: unknown) => Array.isArray(v) && v.length > 0;
  return hasImages(p.images) || hasImages(p.local_images) ? '[Image]' : undefined;
}

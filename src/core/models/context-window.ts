import { CATALOGUE } from './catalogue.ts';

/**
 * The catalogue's context window for `model`, in tokens; undefined for a model it does not know.
 * Like the reference, a slug the catalogue does not list takes the window of its longest listed
 * prefix: `gpt-oss-20b:latest` is a `gpt-oss-20b`.
 */
export function contextWindowFor(model: string): number | undefined {
  let best: (typeof CATALOGUE)[number] | undefined;
  for (const entry of CATALOGUE) {
    if (model.startsWith(entry.slug) && (best === undefined || entry.slug.length > best.slug.length)) best = entry;
  }
  return best?.contextWindow;
}

/**
 * Text as the matcher sees it: one character per grapheme (its first code point), so that
 * positions reported to clients count what a person sees as characters, like the reference.
 * Pure-ASCII text (without `\r\n`, itself one grapheme) is kept as plain character codes.
 */
export interface Utf32 {
  readonly chars: readonly number[];
  readonly ascii: boolean;
}

/** Created on first use: building a segmenter loads ICU data (tens of milliseconds). */
let segmenter: Intl.Segmenter | null = null;

export function isAsciiText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

export function toUtf32(text: string): Utf32 {
  if (isAsciiText(text) && !text.includes('\r\n')) return { chars: asciiCodes(text), ascii: true };
  return { chars: graphemeStarts(text), ascii: false };
}

export function asciiCodes(text: string): number[] {
  const codes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}

/** The first code point of each grapheme; `\r\n` counts as a line feed. */
export function graphemeStarts(text: string): number[] {
  const out: number[] = [];
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(text)) out.push(segment === '\r\n' ? 0x0a : segment.codePointAt(0)!);
  return out;
}

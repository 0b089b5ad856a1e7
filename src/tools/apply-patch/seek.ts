/**
 * Where a hunk's lines are in a file. Models reproduce context imperfectly, so, as the reference
 * does, each pass is looser than the last: exact, then ignoring trailing whitespace, then ignoring
 * surrounding whitespace, then also mapping typographic punctuation and odd spaces to ASCII. The
 * first pass that matches anywhere wins, so an exact match later in the file beats a loose one
 * earlier.
 */
import { trim, trimEnd } from './rust-str.ts';

const PUNCTUATION: Record<string, string> = {};
for (const c of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212') PUNCTUATION[c] = '-';
for (const c of '\u2018\u2019\u201a\u201b') PUNCTUATION[c] = "'";
for (const c of '\u201c\u201d\u201e\u201f') PUNCTUATION[c] = '"';
for (const c of '\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000') PUNCTUATION[c] = ' ';
const PUNCTUATION_RE = new RegExp(`[${Object.keys(PUNCTUATION).join('')}]`, 'g');

const normalise = (s: string) => trim(s).replace(PUNCTUATION_RE, (c) => PUNCTUATION[c]!);

const PASSES: ((s: string) => string)[] = [(s) => s, trimEnd, trim, normalise];

/**
 * The index of the first occurrence of `pattern` in `lines` at or after `start`. With `eof` the
 * pattern must end the file: only the last possible position is tried.
 */
export function seekSequence(lines: readonly string[], pattern: readonly string[], start: number, eof: boolean): number | null {
  if (pattern.length === 0) return start;
  if (pattern.length > lines.length) return null;
  const last = lines.length - pattern.length;
  const from = eof ? last : start;
  for (const key of PASSES) {
    const wanted = pattern.map(key);
    for (let i = from; i <= last; i++) {
      if (wanted.every((p, j) => key(lines[i + j]!) === p)) return i;
    }
  }
  return null;
}

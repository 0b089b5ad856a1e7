/** Text helpers that behave as the reference's (Rust's) string functions do. */

/** Unicode White_Space, what Rust's `trim` and `split_whitespace` strip (unlike JS, not U+FEFF). */
const WHITE_SPACE = /[\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const LEADING = new RegExp(`^${WHITE_SPACE.source}+`);
const TRAILING = new RegExp(`${WHITE_SPACE.source}+$`);
const RUNS = new RegExp(`${WHITE_SPACE.source}+`);

export const rustTrim = (text: string) => text.replace(LEADING, '').replace(TRAILING, '');

/** Collapses every run of whitespace to one space and trims the ends. */
export const singleLine = (text: string) => rustTrim(text).split(RUNS).filter(Boolean).join(' ');

/** Length in Unicode scalar values, as the reference counts characters. */
export const charCount = (text: string) => Array.from(text).length;

/** Rust's `str::lines`: split at LF, a CR before it dropped, no empty line after a final LF. */
export function rustLines(text: string): string[] {
  if (text === '') return [];
  const pieces = text.split('\n');
  const last = pieces.pop()!;
  const lines = pieces.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (last !== '') lines.push(last);
  return lines;
}

/** Rust's byte-wise string order (code points), where JS compares UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

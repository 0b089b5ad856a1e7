/**
 * Word splitting and joining as the Rust `shlex` crate (1.3) does them, which the reference uses
 * to show commands and to read scripts when it summarizes them.
 */
import { shellJoin } from '../../store/rollout/shell-join.ts';

/** A command line for display; shlex refuses NUL bytes and the reference shows this instead. */
export const shlexJoin = (words: readonly string[]): string =>
  words.some((w) => w.includes('\0')) ? '<command included NUL byte>' : shellJoin(words);

const BLANK = new Set([' ', '\t', '\n']);
const ESCAPABLE_IN_DOUBLE = new Set(['$', '`', '"', '\\']);

/** POSIX-like quoting, `#` comments at the start of a word; null for an unterminated quote or a trailing backslash. */
export function shlexSplit(input: string): string[] | null {
  const chars = [...input];
  const words: string[] = [];
  let i = 0;
  for (;;) {
    while (i < chars.length && BLANK.has(chars[i]!)) i++;
    if (i >= chars.length) return words;
    if (chars[i] === '#') {
      while (i < chars.length && chars[i] !== '\n') i++;
      continue;
    }
    let word = '';
    for (; i < chars.length && !BLANK.has(chars[i]!); i++) {
      const c = chars[i]!;
      if (c === "'") {
        const end = chars.indexOf("'", i + 1);
        if (end === -1) return null;
        word += chars.slice(i + 1, end).join('');
        i = end;
      } else if (c === '"') {
        for (i++; ; i++) {
          const d = chars[i];
          if (d === undefined) return null;
          if (d === '"') break;
          if (d !== '\\') {
            word += d;
            continue;
          }
          const next = chars[++i];
          if (next === undefined) return null;
          if (ESCAPABLE_IN_DOUBLE.has(next)) word += next;
          else if (next !== '\n') word += `\\${next}`;
        }
      } else if (c === '\\') {
        const next = chars[++i];
        if (next === undefined) return null;
        if (next !== '\n') word += next;
      } else {
        word += c;
      }
    }
    words.push(word);
  }
}

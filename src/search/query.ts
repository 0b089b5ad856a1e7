/**
 * A search query as the reference reads it: whitespace separates words (atoms) that must all
 * match; `'word` asks for a contiguous match, `^word` for a prefix, `word$` for a suffix,
 * `^word$` for the whole path, `!word` excludes paths containing it; a backslash escapes these
 * marks and spaces. Each word ignores case unless it contains an uppercase letter, and lets `e`
 * find `é` unless it contains such a letter itself.
 */
import { foldsToOther, isWhitespace, normalizeLatin } from './chars.ts';
import { exactMatch, fuzzyMatch, postfixMatch, prefixMatch, substringMatch, type CaseRules } from './matcher.ts';
import { asciiCodes, graphemeStarts, isAsciiText, type Utf32 } from './utf32.ts';

export type AtomKind = 'fuzzy' | 'substring' | 'prefix' | 'postfix' | 'exact';

export interface Atom extends CaseRules {
  readonly kind: AtomKind;
  readonly negative: boolean;
  readonly needle: Utf32;
}

const MATCHERS = {
  fuzzy: fuzzyMatch,
  substring: substringMatch,
  prefix: prefixMatch,
  postfix: postfixMatch,
  exact: exactMatch,
} satisfies Record<AtomKind, unknown>;

export function parseQuery(query: string): Atom[] {
  return splitWords(query)
    .map(parseAtom)
    .filter((atom) => atom.needle.chars.length > 0);
}

/** Splits on whitespace not preceded by a backslash. */
export function splitWords(query: string): string[] {
  const words: string[] = [];
  let word = '';
  let escaped = false;
  for (const ch of query) {
    if (isWhitespace(ch.codePointAt(0)!) && !escaped) {
      words.push(word);
      word = '';
      continue;
    }
    escaped = ch === '\\';
    word += ch;
  }
  words.push(word);
  return words;
}

function parseAtom(raw: string): Atom {
  let text = raw;
  let negative = false;
  if (text.startsWith('!')) {
    text = text.slice(1);
    negative = true;
  } else if (text.startsWith('\\!')) {
    text = text.slice(1);
  }
  let kind: AtomKind = 'fuzzy';
  if (text.startsWith('^')) {
    text = text.slice(1);
    kind = 'prefix';
  } else if (text.startsWith("'")) {
    text = text.slice(1);
    kind = 'substring';
  } else if (text.startsWith('\\^') || text.startsWith("\\'")) {
    text = text.slice(1);
  }
  let literalDollar = false;
  if (text.length >= 2 && text.endsWith('\\$')) {
    literalDollar = true;
    text = text.slice(0, -2);
  } else if (text.endsWith('$')) {
    kind = kind === 'fuzzy' ? 'postfix' : 'exact';
    text = text.slice(0, -1);
  }
  // There is no negated fuzzy match: it would exclude far too much.
  if (negative && kind === 'fuzzy') kind = 'substring';
  return { kind, negative, ...needleOf(text, literalDollar) };
}

function needleOf(text: string, literalDollar: boolean): { needle: Utf32; ignoreCase: boolean; normalize: boolean } {
  const dollar = literalDollar ? '$' : '';
  if (isAsciiText(text)) {
    const unescaped = text.replaceAll('\\ ', ' ') + dollar;
    return { needle: { chars: asciiCodes(unescaped), ascii: true }, ignoreCase: !/[A-Z]/.test(text), normalize: true };
  }
  // The reference's non-ASCII path keeps backslashes (and doubles those before other characters).
  const chars: number[] = [];
  let ignoreCase = true;
  let normalize = true;
  let afterBackslash = false;
  for (const c of graphemeStarts(text)) {
    if (afterBackslash) {
      if (c === 0x20) {
        chars.push(c);
        afterBackslash = false;
        continue;
      }
      chars.push(0x5c);
    }
    afterBackslash = c === 0x5c;
    ignoreCase &&= !foldsToOther(c);
    normalize &&= normalizeLatin(c) === c;
    chars.push(c);
  }
  if (literalDollar) chars.push(0x24);
  return { needle: { chars, ascii: false }, ignoreCase, normalize };
}

function atomScore(atom: Atom, haystack: Utf32, out: number[] | null): number | null {
  const score = MATCHERS[atom.kind](haystack, atom.needle, atom, atom.negative ? null : out);
  if (!atom.negative) return score;
  return score === null ? 0 : null;
}

/** The sum of the atoms' scores, or null when any atom rejects the haystack. */
export function scoreQuery(atoms: readonly Atom[], haystack: Utf32): number | null {
  let total = 0;
  for (const atom of atoms) {
    const score = atomScore(atom, haystack, null);
    if (score === null) return null;
    total += score;
  }
  return total;
}

/** Matched character positions of all atoms, ascending and without repeats. */
export function matchedIndices(atoms: readonly Atom[], haystack: Utf32): number[] {
  const out: number[] = [];
  for (const atom of atoms) atomScore(atom, haystack, out);
  return [...new Set(out)].sort((a, b) => a - b);
}

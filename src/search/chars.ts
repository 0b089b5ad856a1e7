/**
 * Character facts the fuzzy matcher scores with: the class of a character (which decides the
 * word-boundary bonuses), Latin-letter normalisation (`é` matches `e`) and simple case folding.
 * They reproduce the rules of the matcher the reference uses (nucleo, configured for paths), so
 * that scores agree with the reference for every path, ASCII or not.
 */

/** Ordered: a transition from a class at or below `Delimiter` to one above it is a word start. */
export const CharClass = {
  Whitespace: 0,
  NonWord: 1,
  Delimiter: 2,
  Lower: 3,
  Upper: 4,
  Letter: 5,
  Number: 6,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

const SLASH = 0x2f;

/** Space, tab, line feed, form feed and carriage return (not vertical tab). */
export const isAsciiWhitespace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d && c !== 0x0b);

/** The Unicode White_Space property. */
export const isWhitespace = (c: number): boolean =>
  c < 0x80 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : /\p{White_Space}/u.test(String.fromCodePoint(c));

const classCache = new Map<number, CharClass>();

/** The path separator is the only delimiter when matching paths. */
export function charClass(c: number): CharClass {
  if (c < 0x80) {
    if (c >= 0x61 && c <= 0x7a) return CharClass.Lower;
    if (c >= 0x41 && c <= 0x5a) return CharClass.Upper;
    if (c >= 0x30 && c <= 0x39) return CharClass.Number;
    if (isAsciiWhitespace(c)) return CharClass.Whitespace;
    return c === SLASH ? CharClass.Delimiter : CharClass.NonWord;
  }
  let cls = classCache.get(c);
  if (cls === undefined) {
    cls = unicodeClass(c);
    classCache.set(c, cls);
  }
  return cls;
}

function unicodeClass(c: number): CharClass {
  const s = String.fromCodePoint(c);
  if (/\p{Lowercase}/u.test(s)) return CharClass.Lower;
  if (foldsToOther(c)) return CharClass.Upper;
  if (/\p{N}/u.test(s)) return CharClass.Number;
  if (/\p{Alphabetic}/u.test(s)) return CharClass.Letter;
  if (isWhitespace(c)) return CharClass.Whitespace;
  return CharClass.NonWord;
}

/**
 * Simple case folding as of Unicode 15 (the table the reference was built with). Lower-casing
 * agrees with it except for the characters listed here: a few lowercase letters that fold to
 * another lowercase form, Cherokee (which folds to its uppercase letters), and letters added to
 * Unicode after 15 (which the reference does not fold).
 */
const FOLD_EXTRA = new Map<number, number>([
  [0xb5, 0x3bc], [0x17f, 0x73], [0x345, 0x3b9], [0x3c2, 0x3c3], [0x3d0, 0x3b2], [0x3d1, 0x3b8],
  [0x3d5, 0x3c6], [0x3d6, 0x3c0], [0x3f0, 0x3ba], [0x3f1, 0x3c1], [0x3f5, 0x3b5], [0x1e9b, 0x1e61],
  [0x1fbe, 0x3b9], [0x1c80, 0x432], [0x1c81, 0x434], [0x1c82, 0x43e], [0x1c83, 0x441], [0x1c84, 0x442],
  [0x1c85, 0x442], [0x1c86, 0x44a], [0x1c87, 0x463], [0x1c88, 0xa64b],
]);
const notFoldedUnicode15 = (c: number): boolean =>
  (c >= 0x13a0 && c <= 0x13f5) || c === 0x1c89 || (c >= 0xa7cb && c <= 0xa7dc) ||
  (c >= 0x10d50 && c <= 0x10d65) || (c >= 0x16ea0 && c <= 0x16eb8);

function simpleFold(c: number): number | undefined {
  const extra = FOLD_EXTRA.get(c);
  if (extra !== undefined) return extra;
  if (c >= 0xab70 && c <= 0xabbf) return c - 0xab70 + 0x13a0;
  if (c >= 0x13f8 && c <= 0x13fd) return c - 8;
  if (c < 0x80 || notFoldedUnicode15(c)) return c >= 0x41 && c <= 0x5a ? c + 32 : undefined;
  const s = String.fromCodePoint(c);
  const lower = s.toLowerCase();
  if (lower === s) return undefined;
  const cp = lower.codePointAt(0)!;
  return lower.length === String.fromCodePoint(cp).length ? cp : undefined;
}

const foldCache = new Map<number, number | undefined>();
function fold(c: number): number | undefined {
  if (foldCache.has(c)) return foldCache.get(c);
  const folded = simpleFold(c);
  foldCache.set(c, folded);
  return folded;
}

/** Whether simple case folding maps `c` elsewhere: the matcher's notion of an uppercase letter. */
export function foldsToOther(c: number): boolean {
  return fold(c) !== undefined;
}

export function toLowerCase(c: number): number {
  return fold(c) ?? c;
}

/**
 * Latin letters with diacritics, ligature-free letter variants and super/subscripts map to their
 * ASCII base. Decomposition gives the base for most; these pairs (character, then what it maps to)
 * are the ones where the reference's table says otherwise.
 */
const NORMALIZE_EXCEPTIONS =
  '\u00a0\u00a0\u00a1!\u00a8\u00a8\u00af\u00af\u00b4\u00b4\u00b8\u00b8\u00ba0\u00bf?\u00d0D\u00d8O\u00dfs\u00f0d\u00f8o\u0110D\u0111d\u0126H' +
  '\u0127h\u0131i\u013fL\u0140l\u0141L\u0142l\u0149n\u014aN\u014bn\u0166T\u0167t\u0180b\u0181B\u0182b\u0183b\u0184b' +
  '\u0186O\u0187C\u0188c\u0189D\u018aD\u018bd\u018cd\u018eE\u018fe\u0190E\u0191F\u0192f\u0193G\u0195h\u0196I\u0197I' +
  '\u0199k\u019al\u019cM\u019dN\u019en\u019fO\u01a4P\u01a5p\u01a6R\u01a7S\u01a8s\u01aal\u01abt\u01acT\u01adt\u01aeT' +
  '\u01b2V\u01b3Y\u01b4y\u01b5Z\u01b6z\u01c3!\u01dde\u01e2\u00c6\u01e3\u00e6\u01e4G\u01e5g\u01fc\u00c6\u01fd\u00e6\u01feO\u01ffo\u0220N' +
  '\u0221d\u0224Z\u0225z\u0234l\u0235n\u0236t\u0237j\u023aA\u023bC\u023cc\u023dL\u023eT\u023fs\u0240z\u0243B\u0244U' +
  '\u0245V\u0246E\u0247e\u0248J\u0249j\u024aQ\u024bq\u024cR\u024dr\u024eY\u024fy\u0250a\u0251a\u0252a\u0253b\u0254c' +
  '\u0255c\u0256d\u0257d\u0258e\u0259e\u025ae\u025be\u025ce\u025de\u025ee\u025fj\u0260g\u0261g\u0262G\u0263g\u0264u' +
  '\u0265h\u0266h\u0267h\u0268i\u0269i\u026aI\u026bl\u026cl\u026dl\u026fm\u0270m\u0271m\u0272n\u0273n\u0274N\u0275o' +
  '\u0279r\u027ar\u027br\u027cr\u027dr\u027er\u027fr\u0280R\u0281R\u0282s\u0287t\u0288t\u0289u\u028bv\u028cv\u028dw' +
  '\u028ey\u028fY\u0290z\u0291z\u0297c\u0299B\u029ae\u029bG\u029cH\u029dj\u029ek\u029fL\u1e0be\u1e23g\u1e25g\u1e27g' +
  '\u1e29g\u1e89j\u1e9aa\u1e9bi\u1e9cf\u1e9df\u20790\u207b-\u208b-\u2094e';

const normalizeExceptions = (() => {
  const map = new Map<number, number>();
  const units = [...NORMALIZE_EXCEPTIONS];
  for (let i = 0; i < units.length; i += 2) map.set(units[i]!.codePointAt(0)!, units[i + 1]!.codePointAt(0)!);
  return map;
})();

const inNormalizedBlocks = (c: number): boolean =>
  (c >= 0xa0 && c <= 0x29f) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2070 && c <= 0x209f);

const normalizeCache = new Map<number, number>();

/** Maps a Latin variant to its ASCII letter; every other character maps to itself. */
export function normalizeLatin(c: number): number {
  if (!inNormalizedBlocks(c)) return c;
  const cached = normalizeCache.get(c);
  if (cached !== undefined) return cached;
  let mapped = normalizeExceptions.get(c);
  if (mapped === undefined) {
    const base = String.fromCodePoint(c).normalize('NFKD').replace(/\p{M}/gu, '');
    mapped = base.length === 1 && base.charCodeAt(0) < 0x80 ? base.charCodeAt(0) : c;
  }
  normalizeCache.set(c, mapped);
  return mapped;
}

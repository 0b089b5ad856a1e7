/**
 * The scoring of one needle against one haystack, reproducing the reference's fuzzy matcher
 * (nucleo, configured for paths) result for result: the same scores, the same matched positions,
 * the same choice among equally good alignments. Scores reward matches at word starts (after `/`,
 * `_`, `-`, `.`, a case change or a digit), consecutive runs, and a well-placed first character,
 * and charge for gaps. Each function takes a haystack and needle already split into characters
 * (see `utf32.ts`) and returns the score, or null for no match; given an `out` array it also
 * appends the matched positions.
 *
 * Several quirks of the reference are kept on purpose (a greedy fallback for very long inputs,
 * early exits on the first good single-character position, …): a client ranks and highlights by
 * these numbers, so they must agree.
 */
import { charClass, CharClass, isAsciiWhitespace as isAsciiSpace, isWhitespace as isUnicodeSpace, normalizeLatin, toLowerCase } from './chars.ts';
import type { Utf32 } from './utf32.ts';

/** How an atom compares characters: decided per atom by its own casing and letters. */
export interface CaseRules {
  ignoreCase: boolean;
  normalize: boolean;
}

const SCORE_MATCH = 16;
const PENALTY_GAP_START = 3;
const PENALTY_GAP_EXTENSION = 1;
const BONUS_BOUNDARY = 8;
const BONUS_CAMEL123 = BONUS_BOUNDARY - PENALTY_GAP_START;
const BONUS_CONSECUTIVE = PENALTY_GAP_START + PENALTY_GAP_EXTENSION;
const BONUS_FIRST_CHAR_MULTIPLIER = 2;
/** Path matching: a word start after whitespace counts like any boundary, after `/` a bit more. */
const BONUS_BOUNDARY_WHITE = BONUS_BOUNDARY;
const BONUS_BOUNDARY_DELIMITER = BONUS_BOUNDARY + 1;
/** The start of a path counts as following a separator. */
const INITIAL_CLASS = CharClass.Delimiter;

export function bonusFor(prev: CharClass, cls: CharClass): number {
  if (cls > CharClass.Delimiter) {
    if (prev === CharClass.Whitespace) return BONUS_BOUNDARY_WHITE;
    if (prev === CharClass.Delimiter) return BONUS_BOUNDARY_DELIMITER;
    if (prev === CharClass.NonWord) return BONUS_BOUNDARY;
  }
  if ((prev === CharClass.Lower && cls === CharClass.Upper) || (prev !== CharClass.Number && cls === CharClass.Number)) {
    return BONUS_CAMEL123;
  }
  if (cls === CharClass.Whitespace) return BONUS_BOUNDARY_WHITE;
  return cls === CharClass.NonWord ? BONUS_BOUNDARY : 0;
}

/** A haystack character as compared with needle characters. */
export function normalizeChar(c: number, rules: CaseRules): number {
  if (c < 0x80) return rules.ignoreCase && c >= 0x41 && c <= 0x5a ? c + 32 : c;
  const n = rules.normalize ? normalizeLatin(c) : c;
  return rules.ignoreCase ? toLowerCase(n) : n;
}

/** Like normalizeChar, but case folding applies only to uppercase letters unless normalising. */
function normalizeOfClass(c: number, cls: CharClass, rules: CaseRules): number {
  if (c < 0x80) return rules.ignoreCase && cls === CharClass.Upper ? c + 32 : c;
  let folded = c;
  let fold = cls === CharClass.Upper;
  if (rules.normalize) {
    folded = normalizeLatin(folded);
    fold = true;
  }
  return fold && rules.ignoreCase ? toLowerCase(folded) : folded;
}

const classBefore = (h: readonly number[], i: number): CharClass => (i > 0 ? charClass(h[i - 1]!) : INITIAL_CLASS);
const isLowerAsciiLetter = (c: number): boolean => c >= 0x61 && c <= 0x7a;
/** ASCII comparison used by the prefilters: a lowercase needle letter also finds its uppercase. */
const asciiEq = (h: number, n: number, ignoreCase: boolean): boolean => h === n || (ignoreCase && isLowerAsciiLetter(n) && h === n - 32);

/** The score of one alignment: `needle` matched greedily within haystack[start, end). */
function calculateScore(h: readonly number[], needle: readonly number[], start: number, end: number, rules: CaseRules, out: number[] | null): number {
  let prevClass = classBefore(h, start);
  out?.push(start);
  const firstClass = charClass(h[start]!);
  let firstBonus = bonusFor(prevClass, firstClass);
  let score = SCORE_MATCH + firstBonus * BONUS_FIRST_CHAR_MULTIPLIER;
  prevClass = firstClass;
  let next = needle.length > 1 ? 1 : 0;
  let needleChar = needle[next]!;
  next++;
  let inGap = false;
  let consecutive = 1;
  for (let i = start + 1; i < end; i++) {
    const cls = charClass(h[i]!);
    const c = normalizeOfClass(h[i]!, cls, rules);
    if (c === needleChar) {
      out?.push(i);
      let bonus = bonusFor(prevClass, cls);
      if (consecutive !== 0) {
        if (bonus >= BONUS_BOUNDARY && bonus > firstBonus) firstBonus = bonus;
        bonus = Math.max(bonus, firstBonus, BONUS_CONSECUTIVE);
      } else {
        firstBonus = bonus;
      }
      score += SCORE_MATCH + bonus;
      inGap = false;
      consecutive++;
      if (next < needle.length) needleChar = needle[next++]!;
    } else {
      score = Math.max(0, score - (inGap ? PENALTY_GAP_EXTENSION : PENALTY_GAP_START));
      inGap = true;
      consecutive = 0;
    }
    prevClass = cls;
  }
  return score;
}

/** Best single position of one character: the first with the highest bonus (a word start ends the search). */
function bestSingle(h: readonly number[], positions: Iterable<number>, classOf: (i: number) => CharClass, out: number[] | null): number | null {
  let maxScore = 0;
  let maxPos = 0;
  for (const i of positions) {
    const bonus = bonusFor(classBefore(h, i), classOf(i));
    const score = bonus * BONUS_FIRST_CHAR_MULTIPLIER + SCORE_MATCH;
    if (score > maxScore) {
      maxPos = i;
      maxScore = score;
      if (bonus >= BONUS_BOUNDARY_WHITE) break;
    }
  }
  if (maxScore === 0) return null;
  out?.push(maxPos);
  return maxScore;
}

function* positionsWhere(from: number, to: number, pred: (i: number) => boolean): Generator<number> {
  for (let i = from; i < to; i++) if (pred(i)) yield i;
}

function singleCharAscii(h: readonly number[], c: number, rules: CaseRules, out: number[] | null): number | null {
  if (rules.ignoreCase && isLowerAsciiLetter(c)) {
    return bestSingle(h, positionsWhere(0, h.length, (i) => h[i] === c || h[i] === c - 32), (i) => charClass(h[i]!), out);
  }
  const cls = charClass(c);
  return bestSingle(h, positionsWhere(0, h.length, (i) => h[i] === c), () => cls, out);
}

/** Non-ASCII haystacks: the class of the previous *match* (not character) feeds the bonus, as in the reference. */
function singleCharUnicode(h: readonly number[], c: number, start: number, rules: CaseRules, out: number[] | null): number {
  let maxScore = 0;
  let maxPos = 0;
  let prevClass = classBefore(h, start);
  for (let i = start; i < h.length; i++) {
    const cls = charClass(h[i]!);
    if (normalizeOfClass(h[i]!, cls, rules) !== c) continue;
    const bonus = bonusFor(prevClass, cls);
    prevClass = cls;
    const score = bonus * BONUS_FIRST_CHAR_MULTIPLIER + SCORE_MATCH;
    if (score > maxScore) {
      maxPos = i - start;
      maxScore = score;
      if (bonus >= BONUS_BOUNDARY_WHITE) break;
    }
  }
  out?.push(maxPos + start);
  return maxScore;
}

/** ASCII: first occurrence of the first needle char, greedy end, and the last occurrence of the last char. */
function prefilterAscii(h: readonly number[], needle: readonly number[], onlyGreedy: boolean, ignoreCase: boolean): [number, number, number] | null {
  const find = (c: number, from: number, to: number): number => {
    for (let i = from; i < to; i++) if (asciiEq(h[i]!, c, ignoreCase)) return i;
    return -1;
  };
  const start = find(needle[0]!, 0, h.length - needle.length + 1);
  if (start < 0) return null;
  let greedyEnd = start + 1;
  for (let k = 1; k < needle.length; k++) {
    const idx = find(needle[k]!, greedyEnd, h.length);
    if (idx < 0) return null;
    greedyEnd = idx + 1;
  }
  if (onlyGreedy) return [start, greedyEnd, greedyEnd];
  const last = needle[needle.length - 1]!;
  let end = greedyEnd;
  for (let i = h.length - 1; i >= greedyEnd; i--) {
    if (asciiEq(h[i]!, last, ignoreCase)) {
      end = i + 1;
      break;
    }
  }
  return [start, greedyEnd, end];
}

function prefilterUnicode(h: readonly number[], needle: readonly number[], onlyGreedy: boolean, rules: CaseRules): [number, number] | null {
  let start = -1;
  for (let i = 0; i < h.length - needle.length + 1; i++) {
    if (normalizeChar(h[i]!, rules) === needle[0]) {
      start = i;
      break;
    }
  }
  if (start < 0) return null;
  if (onlyGreedy) return h.length - start < needle.length ? null : [start, start + 1];
  const last = needle[needle.length - 1]!;
  for (let i = h.length - 1; i > start; i--) {
    if (normalizeChar(h[i]!, rules) === last) return i + 1 - start < needle.length ? null : [start, i + 1];
  }
  return null;
}

function exactAt(h: Utf32, needle: Utf32, start: number, end: number, rules: CaseRules, out: number[] | null): number | null {
  const n = needle.chars;
  if (n.length !== end - start) return null;
  if (h.ascii && !needle.ascii) return null;
  for (let i = 0; i < n.length; i++) {
    if (normalizeChar(h.chars[start + i]!, rules) !== normalizeChar(n[i]!, rules)) return null;
  }
  return calculateScore(h.chars, n, start, end, rules, out);
}

/** Linear-time fallback for inputs too large for the optimal search; may miss the best alignment. */
function fuzzyGreedy(h: readonly number[], needle: readonly number[], start: number, end: number, bothAscii: boolean, rules: CaseRules, out: number[] | null): number | null {
  if (!bothAscii && needle.length > 1) {
    let k = 1;
    let found = false;
    for (let i = end; i < h.length; i++) {
      if (normalizeChar(h[i]!, rules) !== needle[k]) continue;
      if (k + 1 >= needle.length) {
        end = i + 1;
        found = true;
        break;
      }
      k++;
    }
    if (!found) return null;
  }
  let k = needle.length - 1;
  for (let i = end - 1; i >= start; i--) {
    if (normalizeChar(h[i]!, rules) !== needle[k]) continue;
    if (k === 0) {
      start = i;
      break;
    }
    k--;
  }
  return calculateScore(h, needle, start, end, rules, out);
}

/** Whether the reference's fixed scratch space holds the score matrix for these sizes. */
export function optimalSearchFits(haystackLen: number, needleLen: number, asciiHaystack: boolean): boolean {
  const MAX_MATRIX_CELLS = 100 * 1024;
  const SCRATCH_BYTES = 2048 * 4 + 2048 + 2048 * 2 + 2048 * 8 + MAX_MATRIX_CELLS;
  if (haystackLen * needleLen > MAX_MATRIX_CELLS || haystackLen > 0xffff || needleLen > 2048) return false;
  const align = (n: number, to: number) => Math.ceil(n / to) * to;
  const width = haystackLen + 1 - needleLen;
  let bytes = haystackLen * (asciiHaystack ? 1 : 4) + haystackLen;
  bytes = align(bytes, 2) + 2 * needleLen;
  bytes = align(bytes, 8) + 8 * width + width * needleLen;
  return bytes <= SCRATCH_BYTES;
}

/**
 * The best alignment by dynamic programming over haystack[start, end). Row r holds, for each
 * column, the best score with needle[r] matched exactly there (M) and the best score with
 * needle[r] matched earlier and this column skipped (P); each row only spans the columns where
 * its character can still lead to a full match.
 */
function fuzzyOptimal(hay: Utf32, needle: readonly number[], start: number, greedyEnd: number, end: number, bothAscii: boolean, rules: CaseRules, out: number[] | null): number | null {
  const full = hay.chars;
  const len = end - start;
  const n = needle.length;
  if (!optimalSearchFits(len, n, hay.ascii)) return fuzzyGreedy(full, needle, start, greedyEnd, bothAscii, rules, out);

  const h = new Array<number>(len);
  const bonus = new Array<number>(len);
  const rowStart = new Array<number>(n).fill(0);
  let prevClass = classBefore(full, start);
  let row = 0;
  let matched = false;
  for (let i = 0; i < len; i++) {
    const cls = charClass(full[start + i]!);
    const c = normalizeOfClass(full[start + i]!, cls, rules);
    h[i] = c;
    bonus[i] = bonusFor(prevClass, cls);
    prevClass = cls;
    if (c !== needle[row]) continue;
    if (row < n - 1) rowStart[row++] = i;
    else if (!matched) {
      rowStart[row] = i;
      matched = true;
    }
  }
  if (!matched) return null;

  // M cells of the current row; a score of 0 marks "no match here" (real matches score at least 16).
  let mScore = new Array<number>(len).fill(0);
  let mRun = new Array<number>(len).fill(0);
  let mConsecutive = new Array<boolean>(len).fill(true);
  for (let c = 0; c <= len - n; c++) {
    if (h[c] !== needle[0]) continue;
    mScore[c] = bonus[c]! * BONUS_FIRST_CHAR_MULTIPLIER + SCORE_MATCH;
    mRun[c] = bonus[c]!;
    mConsecutive[c] = false;
  }
  // Per row and column: bit 1 = P came from a match just before, bit 2 = M continued a run.
  const trace: number[][] = [];
  for (let r = 0; r < n - 1; r++) {
    const nextScore = new Array<number>(len).fill(0);
    const nextRun = new Array<number>(len).fill(0);
    const nextConsecutive = new Array<boolean>(len).fill(true);
    const bits = new Array<number>(len).fill(0);
    const nextRowStart = rowStart[r + 1]!;
    let prevP = 0;
    let prevM = 0;
    for (let c = rowStart[r]!; c <= len - n + r; c++) {
      const fromMatch = Math.max(0, prevM - PENALTY_GAP_START);
      const fromGap = Math.max(0, prevP - PENALTY_GAP_EXTENSION);
      const pFromMatch = fromMatch > fromGap;
      const p = pFromMatch ? fromMatch : fromGap;
      bits[c] = (pFromMatch ? 1 : 0) | (mConsecutive[c] ? 2 : 0);
      if (c >= nextRowStart - 1 && h[c + 1] === needle[r + 1]) {
        const b = bonus[c + 1]!;
        if (mScore[c] === 0) {
          nextScore[c + 1] = p + b + SCORE_MATCH;
          nextRun[c + 1] = b;
          nextConsecutive[c + 1] = false;
        } else {
          let run = Math.max(mRun[c]!, BONUS_CONSECUTIVE);
          if (b >= BONUS_BOUNDARY && b > run) run = b;
          const viaRun = mScore[c]! + Math.max(run, b);
          const viaGap = p + b;
          nextScore[c + 1] = (viaRun > viaGap ? viaRun : viaGap) + SCORE_MATCH;
          nextRun[c + 1] = viaRun > viaGap ? run : b;
          nextConsecutive[c + 1] = viaRun > viaGap;
        }
      }
      prevP = p;
      prevM = mScore[c]!;
    }
    trace.push(bits);
    mScore = nextScore;
    mRun = nextRun;
    mConsecutive = nextConsecutive;
  }

  let bestCol = -1;
  let best = -1;
  for (let c = rowStart[n - 1]!; c < len; c++) {
    if (mScore[c]! >= best) {
      best = mScore[c]!;
      bestCol = c;
    }
  }
  if (out) out.push(...tracePath(trace, n, bestCol, mConsecutive[bestCol]!).map((i) => i + start));
  return best;
}

/** Walks the trace back from the last needle character to recover the chosen positions. */
function tracePath(trace: readonly number[][], n: number, lastCol: number, lastConsecutive: boolean): number[] {
  const positions = new Array<number>(n).fill(0);
  positions[n - 1] = lastCol;
  let r = n - 2;
  let c = lastCol - 1;
  let inMatch = lastConsecutive;
  while (r >= 0) {
    if (inMatch) positions[r] = c;
    const bits = trace[r]![c] ?? 0;
    const next = inMatch ? (bits & 2) !== 0 : (bits & 1) !== 0;
    if (inMatch) {
      if (r === 0) break;
      r--;
    }
    c--;
    inMatch = next;
  }
  return positions;
}

export function fuzzyMatch(h: Utf32, needle: Utf32, rules: CaseRules, out: number[] | null): number | null {
  const H = h.chars;
  const N = needle.chars;
  if (N.length > H.length) return null;
  if (N.length === 0) return 0;
  if (N.length === H.length) return exactAt(h, needle, 0, H.length, rules, out);
  if (h.ascii) {
    if (!needle.ascii) return null;
    if (N.length === 1) return singleCharAscii(H, N[0]!, rules, out);
    const pre = prefilterAscii(H, N, false, rules.ignoreCase);
    if (!pre) return null;
    const [start, greedyEnd, end] = pre;
    if (N.length === end - start) return calculateScore(H, N, start, greedyEnd, rules, out);
    return fuzzyOptimal(h, N, start, greedyEnd, end, true, rules, out);
  }
  if (N.length === 1) {
    const pre = prefilterUnicode(H, N, true, rules);
    return pre ? singleCharUnicode(H, N[0]!, pre[0], rules, out) : null;
  }
  const pre = prefilterUnicode(H, N, false, rules);
  if (!pre) return null;
  const [start, end] = pre;
  if (N.length === end - start) return exactAt(h, needle, start, end, rules, out);
  return fuzzyOptimal(h, N, start, start + 1, end, false, rules, out);
}

/** Start positions of non-overlapping exact occurrences of `needle` in h[0, to). */
function* occurrences(h: readonly number[], needle: readonly number[], to: number): Generator<number> {
  let i = 0;
  while (i + needle.length <= to) {
    let k = 0;
    while (k < needle.length && h[i + k] === needle[k]) k++;
    if (k === needle.length) {
      yield i;
      i += needle.length;
    } else {
      i++;
    }
  }
}

function substringAscii(h: readonly number[], needle: readonly number[], rules: CaseRules, out: number[] | null): number | null {
  let found: { score: number; pos: number } | null = null;
  const firstLetter = rules.ignoreCase ? needle.findIndex(isLowerAsciiLetter) : -1;
  if (firstLetter >= 0) {
    const lastStart = h.length - needle.length + 1;
    const candidates =
      firstLetter === 0 ? positionsWhere(0, lastStart, (i) => asciiEq(h[i]!, needle[0]!, true))
      : firstLetter === 1 ? positionsWhere(0, lastStart, (i) => h[i] === needle[0])
      : occurrences(h, needle, h.length - needle.length + firstLetter);
    found = bestSubstringStart(h, needle, candidates, rules);
    if (!found) return null;
  }
  if (!found) {
    const cls = charClass(needle[0]!);
    const pos: number[] = [];
    const score = bestSingle(h, occurrences(h, needle, h.length), () => cls, pos);
    if (score === null) return null;
    found = { score, pos: pos[0]! };
  }
  return calculateScore(h, needle, found.pos, found.pos + needle.length, rules, out);
}

/** Among candidate starts whose remaining characters match, the first with the best start bonus. */
function bestSubstringStart(h: readonly number[], needle: readonly number[], candidates: Iterable<number>, rules: CaseRules): { score: number; pos: number } | null {
  let best: { score: number; pos: number } | null = null;
  for (const i of candidates) {
    const bonus = bonusFor(classBefore(h, i), charClass(h[i]!));
    const score = bonus * BONUS_FIRST_CHAR_MULTIPLIER + SCORE_MATCH;
    if (score <= (best?.score ?? 0) || i + needle.length > h.length) continue;
    let k = 1;
    while (k < needle.length && normalizeChar(h[i + k]!, rules) === needle[k]) k++;
    if (k < needle.length) continue;
    best = { score, pos: i };
    if (bonus >= BONUS_BOUNDARY_WHITE) break;
  }
  return best;
}

function substringUnicode(h: readonly number[], needle: readonly number[], start: number, rules: CaseRules, out: number[] | null): number | null {
  let maxScore = 0;
  let maxPos = 0;
  let prevClass = classBefore(h, start);
  for (let i = start; i < h.length - needle.length; i++) {
    const cls = charClass(h[i]!);
    if (normalizeOfClass(h[i]!, cls, rules) !== needle[0]) continue;
    const bonus = bonusFor(prevClass, cls);
    prevClass = cls;
    const score = bonus * BONUS_FIRST_CHAR_MULTIPLIER + SCORE_MATCH;
    if (score <= maxScore) continue;
    let k = 1;
    while (k < needle.length && normalizeChar(h[i + k]!, rules) === needle[k]) k++;
    if (k < needle.length) continue;
    maxPos = i;
    maxScore = score;
    if (bonus >= BONUS_BOUNDARY_WHITE) break;
  }
  if (maxScore === 0) return null;
  return calculateScore(h, needle, maxPos, maxPos + needle.length, rules, out);
}

export function substringMatch(h: Utf32, needle: Utf32, rules: CaseRules, out: number[] | null): number | null {
  const H = h.chars;
  const N = needle.chars;
  if (N.length > H.length) return null;
  if (N.length === 0) return 0;
  if (N.length === H.length) return exactAt(h, needle, 0, H.length, rules, out);
  if (h.ascii) {
    if (!needle.ascii) return null;
    return N.length === 1 ? singleCharAscii(H, N[0]!, rules, out) : substringAscii(H, N, rules, out);
  }
  if (N.length === 1) {
    const pre = prefilterUnicode(H, N, true, rules);
    return pre ? singleCharUnicode(H, N[0]!, pre[0], rules, out) : null;
  }
  const pre = prefilterUnicode(H, N, false, rules);
  return pre ? substringUnicode(H, N, pre[0], rules, out) : null;
}

function leadingWhitespace(h: Utf32): number {
  const isWs = h.ascii ? isAsciiSpace : isUnicodeSpace;
  const i = h.chars.findIndex((c) => !isWs(c));
  return i < 0 ? 0 : i;
}

function trailingWhitespace(h: Utf32): number {
  const isWs = h.ascii ? isAsciiSpace : isUnicodeSpace;
  for (let k = 0; k < h.chars.length; k++) if (!isWs(h.chars[h.chars.length - 1 - k]!)) return k;
  return 0;
}

/** The whole haystack (ignoring surrounding whitespace the needle does not ask for). */
export function exactMatch(h: Utf32, needle: Utf32, rules: CaseRules, out: number[] | null): number | null {
  const N = needle.chars;
  if (N.length === 0) return 0;
  const leading = isUnicodeSpace(N[0]!) ? 0 : leadingWhitespace(h);
  const trailing = isUnicodeSpace(N[N.length - 1]!) ? 0 : trailingWhitespace(h);
  if (trailing === h.chars.length) return null;
  return exactAt(h, needle, leading, h.chars.length - trailing, rules, out);
}

export function prefixMatch(h: Utf32, needle: Utf32, rules: CaseRules, out: number[] | null): number | null {
  const N = needle.chars;
  if (N.length === 0) return 0;
  const leading = isUnicodeSpace(N[0]!) ? 0 : leadingWhitespace(h);
  if (h.chars.length - leading < N.length) return null;
  return exactAt(h, needle, leading, leading + N.length, rules, out);
}

export function postfixMatch(h: Utf32, needle: Utf32, rules: CaseRules, out: number[] | null): number | null {
  const N = needle.chars;
  if (N.length === 0) return 0;
  const trailing = isUnicodeSpace(N[N.length - 1]!) ? 0 : trailingWhitespace(h);
  if (h.chars.length - trailing < N.length) return null;
  return exactAt(h, needle, h.chars.length - N.length - trailing, h.chars.length - trailing, rules, out);
}

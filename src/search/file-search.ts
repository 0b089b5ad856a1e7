/**
 * Fuzzy search over the files under a set of roots, answered like the reference: at most 50
 * results, best score first and then by path; each with the root it belongs to (as the client
 * spelled it), its path relative to that root, its file name, score and matched positions.
 *
 * Files are gathered once (`collectFiles`) and ranked per query (`rankFiles`), so a session can
 * re-rank the same list as its query changes.
 */
import type { FuzzyFileSearchResult } from '../protocol/index.ts';
import { matchedIndices, parseQuery, scoreQuery } from './query.ts';
import { toUtf32 } from './utf32.ts';
import { walkRoot, type WalkContext } from './walk.ts';

export const MATCH_LIMIT = 50;

/** A file found by the walk: the index of the root it belongs to and its path below that root. */
export interface FoundFile {
  readonly root: number;
  readonly path: string;
}

/**
 * Path components the way paths compare as paths: repeated and trailing separators and inner
 * `.` components do not count; a leading `.` does.
 */
export function pathComponents(p: string): string[] {
  const parts = p.split('/');
  const out: string[] = p.startsWith('/') ? ['/'] : [];
  parts.forEach((part, i) => {
    if (part === '' || (part === '.' && !(i === 0 && !p.startsWith('/')))) return;
    out.push(part);
  });
  return out;
}

/**
 * Which root a walked file belongs to: the deepest root that contains it (the first such root on
 * a tie), so a file under nested roots is reported relative to the innermost. Returns, for files
 * walked from root `walked` at `rel`, the owner and the path below it (null if none contains it).
 */
export function rootOwnership(roots: readonly string[]): (walked: number, rel: string) => FoundFile | null {
  const components = roots.map(pathComponents);
  const isPrefix = (short: string[], long: string[]) => short.length <= long.length && short.every((c, k) => long[k] === c);
  const plans = components.map((walked) => {
    // Roots containing the walked root itself, and roots inside it (which claim only some files).
    const candidates = components
      .map((c, i) => ({ root: i, depth: c.length, c }))
      .filter(({ c }) => isPrefix(c, walked) || isPrefix(walked, c));
    return candidates.map(({ root, depth, c }) => ({
      root,
      depth,
      within: c.length > walked.length ? `${c.slice(walked.length).join('/')}/` : null,
      above: c.length < walked.length ? walked.slice(c.length).join('/') : null,
    }));
  });
  return (walked, rel) => {
    let owner: { root: number; depth: number; path: string } | null = null;
    for (const plan of plans[walked]!) {
      if (owner && owner.depth >= plan.depth) continue;
      if (plan.within !== null && !rel.startsWith(plan.within)) continue;
      const path = plan.within !== null ? rel.slice(plan.within.length) : plan.above !== null ? `${plan.above}/${rel}` : rel;
      owner = { root: plan.root, depth: plan.depth, path };
    }
    return owner && { root: owner.root, path: owner.path };
  };
}

/** Walks every root; a file under several roots is listed once per root that walked it. */
export async function collectFiles(roots: readonly string[], ctx: WalkContext): Promise<FoundFile[]> {
  const ownerOf = rootOwnership(roots);
  const found: FoundFile[] = [];
  for (const [i, root] of roots.entries()) {
    await walkRoot(root, ctx, (rel) => {
      const file = ownerOf(i, rel);
      if (file && file.path !== '') found.push(file);
    });
  }
  return found;
}

/** Orders strings by code point, like byte-wise UTF-8 comparison. */
export function comparePaths(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return surrogateLast(x) - surrogateLast(y);
  }
  return a.length - b.length;
}
/** UTF-16 units reordered so that surrogate pairs (code points above U+FFFF) sort last. */
const surrogateLast = (unit: number): number => (unit < 0xd800 ? unit : unit <= 0xdfff ? unit + 0x2000 : unit - 0x800);

const fileName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/**
 * The best matches of `query` among `files`. Which of several equally scored files make the cut
 * prefers shorter paths, as the reference's matcher does (beyond that its order depends on its
 * parallel walk; ours takes the path order). The kept results are then ordered by score and path.
 */
export function rankFiles(query: string, roots: readonly string[], files: readonly FoundFile[]): FuzzyFileSearchResult[] {
  const atoms = parseQuery(query);
  const scored: Array<{ file: FoundFile; score: number; length: number }> = [];
  for (const file of files) {
    const haystack = toUtf32(file.path);
    const score = scoreQuery(atoms, haystack);
    if (score !== null) scored.push({ file, score, length: haystack.chars.length });
  }
  scored.sort((a, b) => b.score - a.score || a.length - b.length || comparePaths(a.file.path, b.file.path) || a.file.root - b.file.root);
  return scored
    .slice(0, MATCH_LIMIT)
    .sort((a, b) => b.score - a.score || comparePaths(a.file.path, b.file.path))
    .map(({ file, score }) => ({
      root: roots[file.root]!,
      path: file.path,
      file_name: fileName(file.path),
      score,
      indices: matchedIndices(atoms, toUtf32(file.path)),
    }));
}

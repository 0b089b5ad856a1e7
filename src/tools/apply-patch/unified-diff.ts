/**
 * Line diffs rendered as unified diff text, hunk for hunk what the reference shows clients: it uses
 * the `similar` crate (2.7), whose Myers variant, post-pass that slides insertions to a canonical
 * place, grouping into hunks and `\ No newline at end of file` markers are reproduced here. A
 * textbook Myers would pick different but equally short edits for repetitive text.
 */

type Tag = 'equal' | 'delete' | 'insert' | 'replace';

/** A run of lines: `old[oldIndex, +oldLen)` against `new[newIndex, +newLen)`. */
interface Op {
  tag: Tag;
  oldIndex: number;
  oldLen: number;
  newIndex: number;
  newLen: number;
}

const op = (tag: Tag, oldIndex: number, oldLen: number, newIndex: number, newLen: number): Op => ({ tag, oldIndex, oldLen, newIndex, newLen });

/** Diffs `old` against `new` line by line; `header` names the two sides (`--- a`, `+++ b`). */
export function unifiedDiff(oldText: string, newText: string, context: number, header?: [string, string]): string {
  const oldLines = tokenizeLines(oldText);
  const newLines = tokenizeLines(newText);
  const ids = new Map<string, number>();
  const intern = (line: string) => ids.get(line) ?? (ids.set(line, ids.size), ids.size - 1);
  const a = oldLines.map(intern);
  const b = newLines.map(intern);
  const raw: Op[] = [];
  conquer(a, 0, a.length, b, 0, b.length, raw);
  compact(raw, a, b);
  let out = '';
  for (const group of groupOps(mergeReplacements(raw), context)) {
    if (out === '' && header) out = `--- ${header[0]}\n+++ ${header[1]}\n`;
    out += renderHunk(group, oldLines, newLines);
  }
  return out;
}

/** Lines with their terminators (`\n`, `\r\n`, or a lone `\r`). */
function tokenizeLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function prefixLen(a: number[], aStart: number, aEnd: number, b: number[], bStart: number, bEnd: number): number {
  let n = 0;
  while (aStart + n < aEnd && bStart + n < bEnd && a[aStart + n] === b[bStart + n]) n++;
  return n;
}

function suffixLen(a: number[], aStart: number, aEnd: number, b: number[], bStart: number, bEnd: number): number {
  let n = 0;
  while (aEnd - n > aStart && bEnd - n > bStart && a[aEnd - n - 1] === b[bEnd - n - 1]) n++;
  return n;
}

/** Strips the common prefix and suffix, then splits around the middle snake. */
function conquer(a: number[], aStart: number, aEnd: number, b: number[], bStart: number, bEnd: number, ops: Op[]): void {
  const prefix = prefixLen(a, aStart, aEnd, b, bStart, bEnd);
  if (prefix > 0) ops.push(op('equal', aStart, prefix, bStart, prefix));
  aStart += prefix;
  bStart += prefix;
  const suffix = suffixLen(a, aStart, aEnd, b, bStart, bEnd);
  aEnd -= suffix;
  bEnd -= suffix;
  if (aStart === aEnd && bStart === bEnd) {
    // nothing between prefix and suffix
  } else if (bStart === bEnd) ops.push(op('delete', aStart, aEnd - aStart, bStart, 0));
  else if (aStart === aEnd) ops.push(op('insert', aStart, 0, bStart, bEnd - bStart));
  else {
    const [x, y] = middleSnake(a, aStart, aEnd, b, bStart, bEnd);
    conquer(a, aStart, x, b, bStart, y, ops);
    conquer(a, x, aEnd, b, y, bEnd, ops);
  }
  if (suffix > 0) ops.push(op('equal', aEnd, suffix, bEnd, suffix));
}

/** The start of the middle snake of an optimal edit path (forward and backward searches meet). */
function middleSnake(a: number[], aStart: number, aEnd: number, b: number[], bStart: number, bEnd: number): [number, number] {
  const n = aEnd - aStart;
  const m = bEnd - bStart;
  const delta = n - m;
  const odd = (delta & 1) === 1;
  const maxD = Math.floor((n + m + 1) / 2) + 1;
  const offset = maxD + 1;
  const vf = new Int32Array(2 * offset + 2);
  const vb = new Int32Array(2 * offset + 2);
  for (let d = 0; d < maxD; d++) {
    for (let k = d; k >= -d; k -= 2) {
      let x = k === -d || (k !== d && vf[offset + k - 1]! < vf[offset + k + 1]!) ? vf[offset + k + 1]! : vf[offset + k - 1]! + 1;
      const y = x - k;
      const [x0, y0] = [x, y];
      if (x < n && y >= 0 && y < m) x += prefixLen(a, aStart + x, aEnd, b, bStart + y, bEnd);
      vf[offset + k] = x;
      if (odd && Math.abs(k - delta) <= d - 1 && vf[offset + k]! + vb[offset - (k - delta)]! >= n) {
        return [x0 + aStart, y0 + bStart];
      }
    }
    for (let k = d; k >= -d; k -= 2) {
      let x = k === -d || (k !== d && vb[offset + k - 1]! < vb[offset + k + 1]!) ? vb[offset + k + 1]! : vb[offset + k - 1]! + 1;
      let y = x - k;
      if (x < n && y >= 0 && y < m) {
        const advance = suffixLen(a, aStart, aStart + n - x, b, bStart, bStart + m - y);
        x += advance;
        y += advance;
      }
      vb[offset + k] = x;
      if (!odd && Math.abs(k - delta) <= d && vb[offset + k]! + vf[offset - (k - delta)]! >= n) {
        return [n - x + aStart, m - y + bStart];
      }
    }
  }
  throw new Error('unreachable: no middle snake');
}

// --- the post-pass: slide each deletion and insertion as far up, then down, as equal lines allow

const oldEnd = (o: Op) => o.oldIndex + o.oldLen;
const newEnd = (o: Op) => o.newIndex + o.newLen;
const isEmpty = (o: Op) => o.oldLen === 0 && o.newLen === 0;

/** Moves the op's start by `offset` and changes its length by `len` (both sides as they apply). */
function adjust(o: Op, offset: number, len: number): void {
  o.oldIndex += offset;
  o.newIndex += offset;
  if (o.tag !== 'insert') o.oldLen += len;
  if (o.tag !== 'delete') o.newLen += len;
}

function compact(ops: Op[], a: number[], b: number[]): void {
  for (const tag of ['delete', 'insert'] as const) {
    for (let i = 0; i < ops.length; i++) {
      if (ops[i]!.tag !== tag) continue;
      i = shiftUp(ops, a, b, i);
      i = shiftDown(ops, a, b, i);
    }
  }
}

// A deletion compares its (empty) new-side range, so only insertions ever slide past equal
// lines; deletions merely merge with their neighbours. That is the crate's behaviour.
function shiftUp(ops: Op[], a: number[], b: number[], i: number): number {
  while (i > 0) {
    const prev = ops[i - 1]!;
    const cur = ops[i]!;
    if (prev.tag === 'equal') {
      const shift = suffixLen(a, prev.oldIndex, oldEnd(prev), b, cur.newIndex, newEnd(cur));
      if (shift > 0) {
        const next = ops[i + 1];
        if (next?.tag === 'equal') adjust(next, -shift, shift);
        else ops.splice(i + 1, 0, op('equal', oldEnd(prev) - shift, shift, newEnd(cur) - shift, shift));
        adjust(cur, -shift, 0);
        adjust(prev, 0, -shift);
        if (isEmpty(prev)) ops.splice(--i, 1);
      } else if (isEmpty(prev)) ops.splice(--i, 1);
      else break;
    } else if (prev.tag !== cur.tag) {
      [ops[i - 1], ops[i]] = [cur, prev];
      i--;
    } else {
      adjust(prev, 0, cur.tag === 'insert' ? cur.newLen : cur.oldLen);
      ops.splice(i--, 1);
    }
  }
  return i;
}

function shiftDown(ops: Op[], a: number[], b: number[], i: number): number {
  while (i + 1 < ops.length) {
    const next = ops[i + 1]!;
    const cur = ops[i]!;
    if (next.tag === 'equal') {
      const shift = prefixLen(a, next.oldIndex, oldEnd(next), b, cur.newIndex, newEnd(cur));
      if (shift > 0) {
        const prev = ops[i - 1];
        if (prev?.tag === 'equal') adjust(prev, 0, shift);
        else ops.splice(i++, 0, op('equal', next.oldIndex, shift, cur.newIndex, shift));
        adjust(cur, shift, 0);
        adjust(next, shift, -shift);
        if (isEmpty(next)) ops.splice(i + 1, 1);
      } else if (isEmpty(next)) ops.splice(i + 1, 1);
      else break;
    } else if (next.tag !== cur.tag) {
      [ops[i], ops[i + 1]] = [next, cur];
      i++;
    } else {
      adjust(cur, 0, cur.tag === 'insert' ? next.newLen : next.oldLen);
      ops.splice(i + 1, 1);
    }
  }
  return i;
}

/** Merges adjacent equal runs and turns each deletion+insertion pair into one replacement. */
function mergeReplacements(ops: Op[]): Op[] {
  const out: Op[] = [];
  let eq: Op | null = null;
  let del: Op | null = null;
  let ins: Op | null = null;
  const flushChanges = () => {
    if (del && ins) out.push(op('replace', del.oldIndex, del.oldLen, ins.newIndex, ins.newLen));
    else if (del ?? ins) out.push((del ?? ins)!);
    del = ins = null;
  };
  for (const o of ops) {
    if (o.tag === 'equal') {
      flushChanges();
      if (eq) eq = op('equal', eq.oldIndex, eq.oldLen + o.oldLen, eq.newIndex, eq.newLen + o.newLen);
      else eq = { ...o };
      continue;
    }
    if (eq) out.push(eq);
    eq = null;
    if (o.tag === 'delete') del = del ? op('delete', del.oldIndex, del.oldLen + o.oldLen, del.newIndex, 0) : { ...o };
    else ins = ins ? op('insert', ins.oldIndex, 0, ins.newIndex, ins.newLen + o.newLen) : { ...o };
  }
  if (eq) out.push(eq);
  flushChanges();
  return out;
}

/** Hunks: changes with up to `n` equal lines around them; longer equal runs split hunks. */
function groupOps(ops: Op[], n: number): Op[][] {
  if (ops.length === 0) return [];
  const first = ops[0]!;
  if (first.tag === 'equal') {
    const cut = Math.max(first.oldLen - n, 0);
    ops[0] = op('equal', first.oldIndex + cut, first.oldLen - cut, first.newIndex + cut, first.newLen - cut);
  }
  const last = ops[ops.length - 1]!;
  if (last.tag === 'equal') {
    const keep = Math.min(last.oldLen, n);
    ops[ops.length - 1] = op('equal', last.oldIndex, keep, last.newIndex, keep);
  }
  const groups: Op[][] = [];
  let pending: Op[] = [];
  for (const o of ops) {
    if (o.tag === 'equal' && o.oldLen > n * 2) {
      pending.push(op('equal', o.oldIndex, n, o.newIndex, n));
      groups.push(pending);
      const cut = o.oldLen - n;
      pending = [op('equal', o.oldIndex + cut, n, o.newIndex + cut, n)];
      continue;
    }
    pending.push(o);
  }
  if (!(pending.length === 0 || (pending.length === 1 && pending[0]!.tag === 'equal'))) groups.push(pending);
  return groups;
}

function range(start: number, end: number): string {
  // With no context a hunk can end before it starts; the crate saturates the length at 0.
  const len = Math.max(end - start, 0);
  if (len === 1) return `${start + 1}`;
  return `${len === 0 ? start : start + 1},${len}`;
}

function renderHunk(group: Op[], oldLines: string[], newLines: string[]): string {
  const first = group[0]!;
  const last = group[group.length - 1]!;
  let out = `@@ -${range(first.oldIndex, oldEnd(last))} +${range(first.newIndex, newEnd(last))} @@\n`;
  const emit = (sign: string, line: string) => {
    out += sign + line;
    if (!line.endsWith('\n') && !line.endsWith('\r')) out += '\n\\ No newline at end of file\n';
  };
  for (const o of group) {
    if (o.tag === 'equal') for (let i = 0; i < o.oldLen; i++) emit(' ', oldLines[o.oldIndex + i]!);
    if (o.tag === 'delete' || o.tag === 'replace') for (let i = 0; i < o.oldLen; i++) emit('-', oldLines[o.oldIndex + i]!);
    if (o.tag === 'insert' || o.tag === 'replace') for (let i = 0; i < o.newLen; i++) emit('+', newLines[o.newIndex + i]!);
  }
  return out;
}

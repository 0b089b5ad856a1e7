/**
 * What a parsed patch does to the files, computed without touching the disk: every hunk is
 * resolved first, so a patch that does not apply writes nothing (the reference writes the hunks
 * before a failing one). Hunks apply in order to the files as the earlier hunks left them.
 *
 * Content rules are the reference's: a file is a list of lines, the patch's lines replace the
 * matched ones, and the result always ends with one newline (a file without a final newline gets
 * one; an empty list of lines is an empty file). Files whose every newline is CRLF keep CRLF: the
 * reference would write LF lines into them.
 */
import type { FileUpdateChange, PatchChangeKind } from '../../protocol/index.ts';
import type { Hunk, UpdateChunk } from './parse.ts';
import { compareBytes, joinPath } from './rust-str.ts';
import { seekSequence } from './seek.ts';
import { unifiedDiff } from './unified-diff.ts';

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

export interface PlannedChange {
  /** Absolute path of the file the hunk names (the source of a move). */
  path: string;
  /** The path as the patch wrote it, which is what the summary and write errors show. */
  patchPath: string;
  kind: PatchChangeKind;
  /** The destination as the patch wrote it, for a move. */
  patchMovePath: string | null;
  /** The content of an added or deleted file; for an update, the unified diff (1 line of context). */
  diff: string;
  /** What to write (to the destination of a move); null for a delete. */
  newContent: string | null;
}

export type Plan = { ok: true; changes: PlannedChange[] } | { ok: false; error: string };

const NOT_FOUND = 'No such file or directory (os error 2)';

/** The existing files a plan reads: the targets of deletes and updates. */
export function pathsToRead(hunks: readonly Hunk[], cwd: string): string[] {
  return hunks.filter((h) => h.type !== 'add').map((h) => joinPath(cwd, h.path));
}

/** `read` gives the text of a file as it is before the patch. */
export function planPatch(hunks: readonly Hunk[], cwd: string, read: (path: string) => ReadResult): Plan {
  // What earlier hunks of this patch left at a path (null: deleted).
  const written = new Map<string, string | null>();
  const current = (path: string): ReadResult => {
    if (!written.has(path)) return read(path);
    const text = written.get(path);
    return text == null ? { ok: false, error: NOT_FOUND } : { ok: true, text };
  };
  const changes: PlannedChange[] = [];
  for (const hunk of hunks) {
    const path = joinPath(cwd, hunk.path);
    const base = { path, patchPath: hunk.path, patchMovePath: null };
    if (hunk.type === 'add') {
      written.set(path, hunk.contents);
      changes.push({ ...base, kind: { type: 'add' }, diff: hunk.contents, newContent: hunk.contents });
      continue;
    }
    const before = current(path);
    if (hunk.type === 'delete') {
      if (!before.ok) return { ok: false, error: `Failed to read ${path}: ${before.error}` };
      written.set(path, null);
      changes.push({ ...base, kind: { type: 'delete' }, diff: before.text, newContent: null });
      continue;
    }
    if (!before.ok) return { ok: false, error: `Failed to read file to update ${path}: ${before.error}` };
    const after = updatedContent(before.text, hunk.chunks, path);
    if (!after.ok) return after;
    const movePath = hunk.movePath === null ? null : joinPath(cwd, hunk.movePath);
    if (movePath !== null) written.set(path, null);
    written.set(movePath ?? path, after.text);
    changes.push({
      ...base,
      kind: { type: 'update', move_path: movePath },
      patchMovePath: hunk.movePath,
      diff: unifiedDiff(before.text, after.text, 1),
      newContent: after.text,
    });
  }
  return { ok: true, changes };
}

/**
 * The changes as a `fileChange` item lists them: one per path (the last hunk for it wins), in path
 * order, a move's diff followed by its destination.
 */
export function itemChanges(changes: readonly PlannedChange[]): FileUpdateChange[] {
  const byPath = new Map<string, FileUpdateChange>();
  for (const c of changes) {
    const move = c.kind.type === 'update' ? c.kind.move_path : null;
    byPath.set(c.path, { path: c.path, kind: c.kind, diff: move ? `${c.diff}\n\nMoved to: ${move}` : c.diff });
  }
  return [...byPath.values()].sort((a, b) => compareBytes(a.path, b.path));
}

function usesCrlf(text: string): boolean {
  const newlines = text.split('\n').length - 1;
  return newlines > 0 && text.split('\r\n').length - 1 === newlines;
}

function updatedContent(original: string, chunks: readonly UpdateChunk[], path: string): ReadResult {
  const crlf = usesCrlf(original);
  const lines = (crlf ? original.replaceAll('\r\n', '\n') : original).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const replacements = locate(lines, chunks, path);
  if (!Array.isArray(replacements)) return replacements;
  for (const [start, oldLength, newLines] of replacements.reverse()) lines.splice(start, oldLength, ...newLines);
  if (lines[lines.length - 1] !== '') lines.push('');
  const text = lines.join('\n');
  return { ok: true, text: crlf ? text.replaceAll('\n', '\r\n') : text };
}

type Replacement = [start: number, oldLength: number, newLines: string[]];

/** Where each chunk applies, in file order; chunks must appear in the file in patch order. */
function locate(lines: readonly string[], chunks: readonly UpdateChunk[], path: string): Replacement[] | { ok: false; error: string } {
  const replacements: Replacement[] = [];
  let from = 0;
  for (const chunk of chunks) {
    if (chunk.context !== null) {
      const at = seekSequence(lines, [chunk.context], from, false);
      if (at === null) return { ok: false, error: `Failed to find context '${chunk.context}' in ${path}` };
      from = at + 1;
    }
    if (chunk.oldLines.length === 0) {
      // Pure additions go at the end of the file, before a final empty line.
      replacements.push([lines[lines.length - 1] === '' ? lines.length - 1 : lines.length, 0, chunk.newLines]);
      continue;
    }
    let pattern = chunk.oldLines;
    let newLines = chunk.newLines;
    let at = seekSequence(lines, pattern, from, chunk.endOfFile);
    // A trailing empty old line often stands for the file's final newline, which `lines` lacks.
    if (at === null && pattern[pattern.length - 1] === '') {
      pattern = pattern.slice(0, -1);
      if (newLines[newLines.length - 1] === '') newLines = newLines.slice(0, -1);
      at = seekSequence(lines, pattern, from, chunk.endOfFile);
    }
    if (at === null) return { ok: false, error: `Failed to find expected lines in ${path}:\n${chunk.oldLines.join('\n')}` };
    replacements.push([at, pattern.length, newLines]);
    from = at + pattern.length;
  }
  return replacements.sort((a, b) => a[0] - b[0]);
}

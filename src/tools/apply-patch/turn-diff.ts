/**
 * The turn's aggregated diff (`turn/diff/updated`): every file a patch touched, from its state when
 * the turn first touched it to its state now, as `git diff` prints it. Moves are followed, so a
 * moved file shows as one diff from its old path to its new one.
 *
 * Pure: the caller reads the file states (see `fs.ts`) and says which directories are git roots.
 */
import { createHash } from 'node:crypto';
import type { PlannedChange } from './apply.ts';
import { compareBytes } from './rust-str.ts';
import { unifiedDiff } from './unified-diff.ts';

export interface FileState {
  bytes: Uint8Array;
  /** git's mode: regular, executable, symlink (whose bytes are its target). */
  mode: '100644' | '100755' | '120000';
}

interface Tracked {
  baselinePath: string;
  /** null: the file did not exist when the turn first touched it. */
  baseline: FileState | null;
  currentPath: string;
}

const ZERO_OID = '0'.repeat(40);

type Change = Pick<PlannedChange, 'path' | 'kind'>;

export class TurnDiffTracker {
  private readonly tracked: Tracked[] = [];
  private readonly byCurrentPath = new Map<string, Tracked>();

  /** The paths `begin` will need baselines for: those the turn has not touched yet. */
  untracked(changes: readonly Change[]): string[] {
    return changes.map((c) => c.path).filter((p) => !this.byCurrentPath.has(p));
  }

  /** Before a patch is written: remembers the first state of newly touched files, follows moves. */
  begin(changes: readonly Change[], baseline: (path: string) => FileState | null): void {
    for (const change of changes) {
      let entry = this.byCurrentPath.get(change.path);
      if (!entry) {
        entry = { baselinePath: change.path, baseline: baseline(change.path), currentPath: change.path };
        this.tracked.push(entry);
        this.byCurrentPath.set(change.path, entry);
      }
      const dest = change.kind.type === 'update' ? change.kind.move_path : null;
      if (dest != null) {
        entry.currentPath = dest;
        this.byCurrentPath.delete(change.path);
        this.byCurrentPath.set(dest, entry);
      }
    }
  }

  /** The paths `render` needs the current state of. */
  currentPaths(): string[] {
    return this.tracked.map((t) => t.currentPath);
  }

  /** The diff of every tracked file that differs from its baseline; null when none does. */
  render(current: (path: string) => FileState | null, display: (path: string) => string): string | null {
    const entries = this.tracked
      .map((t) => ({ t, key: display(t.currentPath) }))
      .sort((a, b) => compareBytes(a.key, b.key));
    let out = '';
    for (const { t } of entries) {
      out += fileDiff(display(t.baselinePath), t.baseline, display(t.currentPath), current(t.currentPath));
      // Also after an unchanged first file: the reference's diff then starts with a blank line.
      if (!out.endsWith('\n')) out += '\n';
    }
    return out.trim() === '' ? null : out;
  }
}

/**
 * How a path is shown: relative to the nearest enclosing git root, else as is. Like the reference,
 * the search walks up the path's own components (`.` and empty ones dropped), not the resolved one.
 */
export function displayPath(path: string, isGitRoot: (dir: string) => boolean): string {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  for (let n = parts.length - 1; n >= 0; n--) {
    if (isGitRoot(`/${parts.slice(0, n).join('/')}`)) return parts.slice(n).join('/').replaceAll('\\', '/');
  }
  return path.replaceAll('\\', '/');
}

function blobOid(state: FileState | null): string {
  if (!state) return ZERO_OID;
  return createHash('sha1').update(`blob ${state.bytes.length}\0`).update(state.bytes).digest('hex');
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function text(state: FileState | null): string | null {
  if (!state) return null;
  try {
    return utf8.decode(state.bytes);
  } catch {
    return null;
  }
}

function sameBytes(a: FileState | null, b: FileState | null): boolean {
  if (!a || !b) return a === b;
  return Buffer.from(a.bytes).equals(b.bytes);
}

function fileDiff(leftName: string, left: FileState | null, rightName: string, right: FileState | null): string {
  // A change of mode alone does not show, as in the reference.
  if (sameBytes(left, right)) return '';
  let out = `diff --git a/${leftName} b/${rightName}\n`;
  if (!left) out += `new file mode ${right!.mode}\n`;
  else if (!right) out += `deleted file mode ${left.mode}\n`;
  else if (left.mode !== right.mode) out += `old mode ${left.mode}\nnew mode ${right.mode}\n`;
  out += `index ${blobOid(left)}..${blobOid(right)}\n`;
  const oldHeader = left ? `a/${leftName}` : '/dev/null';
  const newHeader = right ? `b/${rightName}` : '/dev/null';
  const [oldText, newText] = [text(left), text(right)];
  const textual = (oldText !== null || !left) && (newText !== null || !right);
  if (!textual) return `${out}--- ${oldHeader}\n+++ ${newHeader}\nBinary files differ\n`;
  return out + unifiedDiff(oldText ?? '', newText ?? '', 3, [oldHeader, newHeader]);
}

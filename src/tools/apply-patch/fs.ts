/**
 * The filesystem side of apply_patch: reading files for a plan, writing a plan, and the file
 * states the turn diff compares. Errors are worded as the reference words them.
 */
import { chmod, lstat, mkdir, readFile, readlink, stat, unlink, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { osErrorText } from '../../util/os-error.ts';
import type { PlannedChange, ReadResult } from './apply.ts';
import type { FileState } from './turn-diff.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of each file, or why it cannot be read as text. */
export async function readTexts(paths: readonly string[]): Promise<Map<string, ReadResult>> {
  const entries = await Promise.all(
    paths.map(async (path): Promise<[string, ReadResult]> => {
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (e) {
        return [path, { ok: false, error: osErrorText(e) }];
      }
      try {
        return [path, { ok: true, text: utf8.decode(bytes) }];
      } catch {
        return [path, { ok: false, error: 'stream did not contain valid UTF-8' }];
      }
    }),
  );
  return new Map(entries);
}

export type WriteResult = { ok: true; summary: string } | { ok: false; error: string };

/**
 * Writes the changes in patch order and reports them as the reference's apply_patch prints them.
 * A failure stops at that change; what was written before it stays.
 */
export async function writeChanges(changes: readonly PlannedChange[]): Promise<WriteResult> {
  const added: string[] = [];
  const modified: string[] = [];
  const deleted: string[] = [];
  for (const c of changes) {
    const target = c.kind.type === 'update' ? (c.kind.move_path ?? c.path) : c.path;
    const shown = c.patchMovePath ?? c.patchPath;
    if (c.newContent === null) {
      const failed = await attempt(() => unlink(c.path), `Failed to delete file ${c.patchPath}`);
      if (failed) return failed;
      deleted.push(c.patchPath);
      continue;
    }
    const content = c.newContent;
    const failed =
      (await attempt(() => mkdir(dirname(target), { recursive: true }), `Failed to create parent directories for ${shown}`)) ??
      (await attempt(() => writeFile(target, content), `Failed to write file ${shown}`));
    if (failed) return failed;
    if (target !== c.path) {
      await keepMode(c.path, target);
      const removed = await attempt(() => unlink(c.path), `Failed to remove original ${c.patchPath}`);
      if (removed) return removed;
    }
    (c.kind.type === 'add' ? added : modified).push(shown);
  }
  const lines = [...added.map((p) => `A ${p}\n`), ...modified.map((p) => `M ${p}\n`), ...deleted.map((p) => `D ${p}\n`)];
  return { ok: true, summary: `Success. Updated the following files:\n${lines.join('')}` };
}

async function attempt(action: () => Promise<unknown>, message: string): Promise<{ ok: false; error: string } | undefined> {
  try {
    await action();
    return undefined;
  } catch {
    return { ok: false, error: message };
  }
}

/**
 * A moved file keeps its permissions (the reference's loses an executable bit). Best effort: the
 * content is already in place.
 */
async function keepMode(from: string, to: string): Promise<void> {
  try {
    await chmod(to, (await stat(from)).mode & 0o7777);
  } catch {
    // the move still succeeds
  }
}

/** What the turn diff records of a path: its bytes and git mode, or null when absent. */
export async function fileStates(paths: Iterable<string>): Promise<Map<string, FileState | null>> {
  const unique = [...new Set(paths)];
  const states = await Promise.all(unique.map(fileState));
  return new Map(unique.map((p, i) => [p, states[i]!]));
}

async function fileState(path: string): Promise<FileState | null> {
  try {
    const info = await lstat(path);
    if (info.isSymbolicLink()) return { bytes: Buffer.from(await readlink(path)), mode: '120000' };
    if (!info.isFile()) return null;
    return { bytes: await readFile(path), mode: info.mode & 0o111 ? '100755' : '100644' };
  } catch {
    return null;
  }
}

/** Whether `dir` holds a `.git` entry: the root the turn diff shows paths relative to. */
export function isGitRoot(dir: string): boolean {
  try {
    statSync(`${dir === '/' ? '' : dir}/.git`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Thread names for imported threads. The reference keeps them in `session_index.jsonl`, appending a
 * line on every rename and leaving the rollout file alone, so the index is watched on its own.
 */
import { statSync, type Stats } from 'node:fs';
import type { Logger } from '../../log/index.ts';
import { sameStamp } from '../reference-ledger.ts';
import { readSessionNames, sessionIndexPath } from '../rollout/session-index.ts';
import type { FileStamp, ReferenceLedger } from '../types.ts';

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

export class SessionNames {
  readonly path: string;
  /** Taken once per pass: the index is read only if it changed or a thread is imported. */
  readonly stat: Stats | null;
  private all: Map<string, string> | undefined;

  constructor(
    private readonly codexHome: string,
    private readonly log: Logger,
  ) {
    this.path = sessionIndexPath(codexHome);
    this.stat = statOrNull(this.path);
  }

  /** The name the index gives the thread now. */
  of(id: string): string | null {
    this.all ??= this.read(0);
    return this.all.get(id) ?? null;
  }

  /**
   * Renames imported threads after the names set in the reference since the last pass: only the
   * lines appended since are applied, so an older name in the index never undoes a rename made in
   * Weft. An index seen for the first time, or rewritten shorter, is applied whole.
   */
  applyRenames(ledger: ReferenceLedger, stamps: ReadonlyMap<string, FileStamp>): void {
    const before = stamps.get(this.path);
    if (!this.stat || sameStamp(before, this.stat)) return;
    ledger.nameReferenceThreads(before && this.stat.size > before.size ? this.read(before.size) : (this.all ??= this.read(0)));
    ledger.stampReferenceFile({ path: this.path, size: this.stat.size, mtimeMs: this.stat.mtimeMs });
  }

  private read(from: number): Map<string, string> {
    try {
      return readSessionNames(this.codexHome, from);
    } catch (err) {
      this.log.warn(`cannot read thread names from ${this.path}: ${(err as Error).message}`);
      return new Map();
    }
  }
}

/**
 * Brings the threads the reference (codex-cli) wrote into the store, so users switching to Weft
 * find them: `sessions/YYYY/MM/DD/rollout-*.jsonl` as threads, `archived_sessions/rollout-*.jsonl`
 * as archived ones, named after `session_index.jsonl`, under the rollout's session id.
 *
 * Each pass walks the folders and stats every file, but reads only the files whose size or mtime
 * differ from when they were last looked at (the ledger's stamps), so a pass with nothing new
 * costs one walk. The rules, for a new or changed file:
 * - a thread not in the store is inserted;
 * - a thread imported before replaces its import (the reference went on with it, or moved it to
 *   or from `archived_sessions/`: where the file lies says whether it is archived). Renaming,
 *   archiving or resuming it in Weft does not stop that; a name set in Weft stays unless the
 *   index names the thread;
 * - unless Weft has written entries to it since (a turn, a rollback): it is Weft's from then on
 *   and is kept, without what the reference added, with a warning;
 * - a thread Weft created under the same id is kept, with a warning;
 * - a thread loaded by a Weft process is left for a later pass, so its history is not replaced
 *   under the engine;
 * - a file that cannot be read or parsed is left out with a warning.
 * Warnings come once per file version: the file is stamped whatever came of it. A thread whose file
 * is deleted stays. A rename made in the reference (a line appended to the index) renames the
 * imported thread at the next pass. Nothing here is fatal: a store failure ends the pass, to be
 * tried again at the next one.
 */
import type { Logger } from '../../log/index.ts';
import { sameStamp } from '../reference-ledger.ts';
import { findRolloutFiles } from '../rollout/read-rollout.ts';
import type { ReferenceLedger, SyncResult } from '../types.ts';
import { importFile, type FileOutcome } from './import-file.ts';
import { SessionNames } from './names.ts';

const SKIPPED: ReadonlySet<FileOutcome> = new Set(['unreadable', 'weftThread', 'continued', 'inUse']);

export function syncReferenceRollouts(ledger: ReferenceLedger, codexHome: string, log: Logger): SyncResult {
  const result: SyncResult = { imported: 0, skipped: 0 };
  const started = performance.now();
  try {
    const files = findRolloutFiles(codexHome);
    const names = new SessionNames(codexHome, log);
    const stamps = ledger.referenceStamps();
    for (const file of files) {
      if (sameStamp(stamps.get(file.path), file)) continue;
      const outcome = importFile(ledger, file, names, log);
      if (outcome === 'imported') result.imported++;
      else if (SKIPPED.has(outcome)) result.skipped++;
    }
    names.applyRenames(ledger, stamps);
    const seen = new Set(files.map((f) => f.path));
    if (names.stat) seen.add(names.path);
    const gone = [...stamps.keys()].filter((path) => !seen.has(path));
    if (gone.length) ledger.forgetReferenceFiles(gone);
  } catch (err) {
    log.warn(`stopped importing the reference's threads from ${codexHome}, to try again later: ${(err as Error).message}`);
  }
  if (result.imported || result.skipped) {
    const ms = Math.round(performance.now() - started);
    log.info(`imported ${result.imported} thread(s) of the reference from ${codexHome} in ${ms} ms; ${result.skipped} file(s) left out`);
  }
  return result;
}

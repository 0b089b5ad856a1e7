/**
 * One new or changed rollout file into the store, with what became of it logged: each outcome
 * but `inUse` stamps the file, so its warning comes once per file version, not once per pass.
 */
import { readFileSync } from 'node:fs';
import type { Logger } from '../../log/index.ts';
import { parseRollout, type ImportedThread, type RolloutFile } from '../rollout/read-rollout.ts';
import type { ImportOutcome, ReferenceLedger } from '../types.ts';
import type { SessionNames } from './names.ts';
import { importedSettings } from './thread-settings.ts';

/** Besides the ledger's outcomes: a file that cannot be read or parsed, or is gone since the walk. */
export type FileOutcome = ImportOutcome | 'unreadable' | 'vanished';

export function importFile(ledger: ReferenceLedger, file: RolloutFile, names: SessionNames, log: Logger): FileOutcome {
  const stamp = { path: file.path, size: file.size, mtimeMs: file.mtimeMs };
  let thread: ImportedThread;
  try {
    thread = parseRollout(readFileSync(file.path, 'utf8'), file.path, { archived: file.archived, mtimeMs: file.mtimeMs });
  } catch (err) {
    // Archived or deleted by the reference since the walk: the next walk finds it where it went.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'vanished';
    log.warn(`cannot import ${file.path} (left out until the file changes): ${(err as Error).message}`);
    ledger.stampReferenceFile(stamp);
    return 'unreadable';
  }
  const { record, entries, skipped } = thread;
  const imported = { ...record, name: names.of(record.id), settings: importedSettings(record) };
  const outcome = ledger.importReferenceThread(imported, entries, stamp);
  const first = skipped[0];
  if (outcome === 'imported' && first) {
    log.warn(`${file.path}: ${skipped.length} unreadable line(s) left out, as the reference does (line ${first.line}: ${first.reason})`);
  } else if (outcome === 'weftThread') {
    log.warn(`${file.path} holds thread ${record.id}, an id Weft already uses for a thread of its own: the file is left out`);
  } else if (outcome === 'continued') {
    log.warn(
      `${file.path} changed, but thread ${record.id} has been continued in Weft since it was imported: ` +
        "Weft's thread is kept, without what the reference added",
    );
  } else if (outcome === 'inUse') {
    log.debug(`${file.path} changed while thread ${record.id} is loaded; imported once it is not`);
  }
  return outcome;
}

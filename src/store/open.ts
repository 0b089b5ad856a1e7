import { join } from 'node:path';
import { createLogger, type Logger } from '../log/index.ts';
import loadDriver from './driver.cts';
import { ReferenceSync } from './import/refresh.ts';
import { SqliteThreadStore } from './sqlite-store.ts';
import { StoreError, type ThreadStore } from './types.ts';

export interface StoreOptions {
  /** Where the store reports what it recovered from (a damaged file moved aside, a dead holder's claim taken over). */
  log?: Logger;
  /**
   * Told about problems the store recovered from that users should hear of (so far: a damaged
   * database moved aside and replaced by an empty one), for the server to warn clients.
   */
  onProblem?: (problem: StoreError) => void;
}

/** Weft's own folder, apart from the reference's files in CODEX_HOME (`sessions/`, `state_*.sqlite`…). */
export const storeFile = (codexHome: string): string => join(codexHome, 'weft', 'state.sqlite');

/**
 * Opens (creating or migrating) `$CODEX_HOME/weft/state.sqlite`; call it on first use, not at
 * start-up: it loads the SQLite driver. Throws a StoreError: `io` when the file or its folder cannot
 * be created or written, `newerVersion` for a file from a newer Weft. A damaged file is moved
 * aside, reported, and replaced by an empty one.
 *
 * The store holds the threads of CODEX_HOME, the reference's included: opening it imports the
 * rollout files the reference wrote since the last time (see import/sync.ts), which on first use
 * of a home reads them all; later, `refreshReferenceThreads` looks again.
 */
export function openThreadStore(codexHome: string, opts: StoreOptions = {}): ThreadStore {
  let driver;
  try {
    driver = loadDriver();
  } catch (err) {
    throw new StoreError('io', `cannot load the SQLite driver (better-sqlite3): ${(err as Error).message}`);
  }
  const log = opts.log ?? createLogger({ level: 'off' });
  const store = new SqliteThreadStore(driver, storeFile(codexHome), opts, new ReferenceSync(codexHome, log.child('import')));
  store.refreshReferenceThreads();
  return store;
}

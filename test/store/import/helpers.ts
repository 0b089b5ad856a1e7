// A CODEX_HOME holding the reference's rollout fixtures, and a store that logs into an array.
import type { TestContext } from 'node:test';
import { createLogger, type Logger } from '../../../src/log/index.ts';
import type { SqliteThreadStore } from '../../../src/store/sqlite-store.ts';
import { openThreadStore } from '../../../src/store/index.ts';
import { syncReferenceRollouts } from '../../../src/store/import/sync.ts';
import type { SyncResult } from '../../../src/store/types.ts';
import { tempHome } from '../helpers.ts';

export interface Logged {
  log: Logger;
  lines: string[];
  /** Lines logged since the last call. */
  take(): string[];
}

export function logged(): Logged {
  const lines: string[] = [];
  let seen = 0;
  return {
    log: createLogger({ level: 'debug', stream: { write: (l: string) => lines.push(l) } }),
    lines,
    take: () => lines.slice(seen, (seen = lines.length)),
  };
}

/** A store on `home` (the first pass already ran at open, into `logs`), and a way to run another. */
export function storeOn(t: TestContext, home = tempHome(t)) {
  const logs = logged();
  const store = openThreadStore(home, { log: logs.log }) as SqliteThreadStore;
  t.after(() => store.close());
  const sync = (): SyncResult => syncReferenceRollouts(store, home, logs.log);
  return { home, store, logs, sync };
}

/**
 * Who holds a thread, and whether that holder still runs. A claim row names its process by pid,
 * boot id and start time: a pid alone would keep a thread locked forever once the pid is reused by
 * an unrelated process (after a reboot, or a long uptime). Boot id and start time come from
 * /proc on Linux; elsewhere they are empty and the check falls back to the pid alone.
 *
 * SQLite's WAL mode needs every process on one host (shared memory), so holders on other machines
 * are not a case to handle: a different boot id means the holder died with the previous boot.
 */
import { readFileSync } from 'node:fs';
import type { Connection } from './connection.ts';
import { StoreError } from './types.ts';

export interface Holder {
  pid: number;
  boot_id: string;
  started: number | null;
}

const readOr = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/**
 * State and start time (clock ticks since boot) of a process: fields 3 and 22 of /proc/<pid>/stat,
 * counted after the `(comm)` field, which may itself hold spaces and parentheses.
 */
function procStat(pid: number): { state: string; started: number | null } | null {
  const stat = readOr(`/proc/${pid}/stat`);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const started = Number(fields[19]);
  return { state: fields[0] ?? '', started: Number.isSafeInteger(started) ? started : null };
}

let self: Holder | undefined;

function thisProcess(): Holder {
  self ??= {
    pid: process.pid,
    boot_id: readOr('/proc/sys/kernel/random/boot_id')?.trim() ?? '',
    started: procStat(process.pid)?.started ?? null,
  };
  return self;
}

const isThisProcess = (h: Holder): boolean => {
  const me = thisProcess();
  return h.pid === me.pid && h.boot_id === me.boot_id && h.started === me.started;
};

function isAlive(h: Holder): boolean {
  if (h.boot_id !== thisProcess().boot_id) return false;
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const stat = procStat(h.pid);
  if (stat === null) return true;
  // A killed process that its parent has not reaped yet is a zombie: it holds nothing any more.
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return h.started === null || stat.started === h.started;
}

/** Takes the thread for this process, over any holder that no longer runs; returns that holder. */
export function claim(conn: Connection, threadId: string): Holder | null {
  return conn.write(() => {
    const holder = conn.stmt('SELECT pid, boot_id, started FROM claims WHERE thread_id = ?').get(threadId) as
      | Holder
      | undefined;
    if (holder && !isThisProcess(holder) && isAlive(holder)) {
      throw new StoreError('busy', `thread ${threadId} is in use by another Weft process (pid ${holder.pid})`);
    }
    const me = thisProcess();
    conn
      .stmt('INSERT OR REPLACE INTO claims (thread_id, pid, boot_id, started) VALUES (?, ?, ?, ?)')
      .run(threadId, me.pid, me.boot_id, me.started);
    return holder && !isThisProcess(holder) ? holder : null;
  });
}

/** Whoever holds the thread and still runs, this process included. */
export function liveHolder(conn: Connection, threadId: string): Holder | null {
  const holder = conn.stmt('SELECT pid, boot_id, started FROM claims WHERE thread_id = ?').get(threadId) as Holder | undefined;
  return holder && (isThisProcess(holder) || isAlive(holder)) ? holder : null;
}

/** Gives up this process's claims on these threads; other holders' claims are left alone. */
export function release(conn: Connection, threadIds: readonly string[]): void {
  const me = thisProcess();
  conn
    .stmt('DELETE FROM claims WHERE thread_id IN (SELECT value FROM json_each(?)) AND pid = ? AND boot_id = ?')
    .run(JSON.stringify(threadIds), me.pid, me.boot_id);
}

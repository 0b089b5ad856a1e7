import type { Thread, ThreadStatus, Turn } from '../protocol/index.ts';
import type { ThreadRecord } from '../store/types.ts';

/** The protocol's Thread object for a record; `turns` only where the method returns them. */
export function threadView(record: ThreadRecord, status: ThreadStatus, opts: { ephemeral?: boolean; turns?: Turn[] } = {}): Thread {
  return {
    id: record.id,
    preview: record.preview,
    ephemeral: opts.ephemeral ?? false,
    modelProvider: record.modelProvider,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    status,
    path: opts.ephemeral ? null : record.path,
    cwd: record.cwd,
    cliVersion: record.cliVersion,
    source: record.source,
    agentNickname: record.agentNickname,
    agentRole: record.agentRole,
    gitInfo: record.gitInfo,
    name: record.name,
    turns: opts.turns ?? [],
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Where the reference keeps a thread's rollout: `sessions/YYYY/MM/DD/rollout-<local time>-<id>.jsonl`.
 * Clients see this path; Weft reports it for compatibility and keeps the thread in its database.
 */
export function rolloutPath(codexHome: string, id: string, created: Date): string {
  const y = created.getFullYear();
  const mo = pad(created.getMonth() + 1);
  const d = pad(created.getDate());
  const stamp = `${y}-${mo}-${d}T${pad(created.getHours())}-${pad(created.getMinutes())}-${pad(created.getSeconds())}`;
  return `${codexHome}/sessions/${y}/${mo}/${d}/rollout-${stamp}-${id}.jsonl`;
}

/** The archived location of a rollout path: flat under `archived_sessions/`. */
export function archivedPath(codexHome: string, path: string): string {
  return `${codexHome}/archived_sessions/${path.slice(path.lastIndexOf('/') + 1)}`;
}

/** Back under the dated `sessions/` tree, from the file name's own timestamp. */
export function unarchivedPath(codexHome: string, path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const m = name.match(/^rollout-(\d{4})-(\d{2})-(\d{2})T/);
  return m ? `${codexHome}/sessions/${m[1]}/${m[2]}/${m[3]}/${name}` : `${codexHome}/sessions/${name}`;
}

/**
 * ThreadRecord ↔ `threads` row, and ThreadEntry ↔ `entries` row.
 */
import type { SessionSource } from '../protocol/index.ts';
import type { ThreadEntry, ThreadRecord } from './types.ts';

export interface ThreadRow {
  rid: number;
  id: string;
  created_at: number;
  updated_at: number;
  archived: number;
  cwd: string;
  model_provider: string;
  source_kind: string;
  source: string;
  cli_version: string;
  name: string | null;
  preview: string;
  git_info: string | null;
  agent_nickname: string | null;
  agent_role: string | null;
  path: string;
  forked_from_id: string | null;
  settings: string;
}

export type ThreadPatch = Partial<Omit<ThreadRecord, 'id' | 'createdAt'>>;

const SUB_AGENT_KINDS: Record<string, string> = {
  review: 'subAgentReview',
  compact: 'subAgentCompact',
  thread_spawn: 'subAgentThreadSpawn',
  other: 'subAgentOther',
};

/**
 * The most specific ThreadSourceKind of a source. A sub-agent kind with no kind of its own
 * (memory_consolidation) is plain `subAgent`, which the reference's `subAgent` filter alone matches.
 */
export function sourceKind(source: SessionSource): string {
  if (typeof source === 'string') return source;
  const sub = source.subAgent;
  const variant = typeof sub === 'string' ? sub : Object.keys(sub)[0]!;
  return SUB_AGENT_KINDS[variant] ?? 'subAgent';
}

/** The source_kind values a sourceKinds filter selects: `subAgent` means every sub-agent. */
export function sourceKindsMatching(kinds: readonly string[]): string[] {
  return kinds.flatMap((k) => (k === 'subAgent' ? ['subAgent', ...Object.values(SUB_AGENT_KINDS)] : [k]));
}

const json = (v: unknown): string => JSON.stringify(v ?? null);
const jsonOrNull = (v: unknown): string | null => (v == null ? null : JSON.stringify(v));

/** Column and encoder of each patchable field. */
const PATCH_COLUMNS: { [K in keyof Required<ThreadPatch>]: [string, (v: ThreadPatch[K]) => unknown] } = {
  updatedAt: ['updated_at', (v) => v],
  cwd: ['cwd', (v) => v],
  modelProvider: ['model_provider', (v) => v],
  source: ['source', json],
  cliVersion: ['cli_version', (v) => v],
  name: ['name', (v) => v],
  preview: ['preview', (v) => v],
  gitInfo: ['git_info', jsonOrNull],
  agentNickname: ['agent_nickname', (v) => v],
  agentRole: ['agent_role', (v) => v],
  archived: ['archived', (v) => (v ? 1 : 0)],
  path: ['path', (v) => v],
  forkedFromId: ['forked_from_id', (v) => v],
  settings: ['settings', json],
};

/** `SET` columns and values for a patch; keys whose value is undefined are left alone. */
export function patchColumns(patch: ThreadPatch): { columns: string[]; values: unknown[] } {
  const columns: string[] = [];
  const values: unknown[] = [];
  for (const key of Object.keys(patch) as (keyof ThreadPatch)[]) {
    const value = patch[key];
    const spec = PATCH_COLUMNS[key] as [string, (v: unknown) => unknown] | undefined;
    if (value === undefined || !spec) continue;
    columns.push(spec[0]);
    values.push(spec[1](value));
    if (key === 'source') {
      columns.push('source_kind');
      values.push(sourceKind(value as SessionSource));
    }
  }
  return { columns, values };
}

export function toRow(r: ThreadRecord): Omit<ThreadRow, 'rid'> {
  return {
    id: r.id,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    archived: r.archived ? 1 : 0,
    cwd: r.cwd,
    model_provider: r.modelProvider,
    source_kind: sourceKind(r.source),
    source: json(r.source),
    cli_version: r.cliVersion,
    name: r.name,
    preview: r.preview,
    git_info: jsonOrNull(r.gitInfo),
    agent_nickname: r.agentNickname,
    agent_role: r.agentRole,
    path: r.path,
    forked_from_id: r.forkedFromId,
    settings: json(r.settings),
  };
}

export function fromRow(row: ThreadRow): ThreadRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    cwd: row.cwd,
    modelProvider: row.model_provider,
    source: JSON.parse(row.source) as SessionSource,
    cliVersion: row.cli_version,
    name: row.name,
    preview: row.preview,
    gitInfo: row.git_info === null ? null : (JSON.parse(row.git_info) as ThreadRecord['gitInfo']),
    agentNickname: row.agent_nickname,
    agentRole: row.agent_role,
    archived: row.archived !== 0,
    path: row.path,
    forkedFromId: row.forked_from_id,
    settings: JSON.parse(row.settings) as unknown,
  };
}

export interface EntryRow {
  turn_id: string;
  kind: string;
  body: string;
}

/** kind and turnId have columns of their own; the body keeps the rest. */
export function entryBody(entry: ThreadEntry): string {
  const { kind: _kind, turnId: _turnId, ...rest } = entry;
  return JSON.stringify(rest);
}

export function fromEntryRow(row: EntryRow): ThreadEntry {
  return { kind: row.kind, turnId: row.turn_id, ...JSON.parse(row.body) } as ThreadEntry;
}

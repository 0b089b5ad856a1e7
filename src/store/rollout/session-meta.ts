/**
 * The `session_meta` payload: who the thread is. Only a payload the reference can read counts as
 * session metadata; anything else makes the line unreadable (and the file unusable when it is the
 * first readable line).
 */
import type { DynamicToolSpec, GitInfo, SessionSource } from '../../protocol/index.ts';
import { parseUuid } from '../../util/uuid.ts';
import { InvalidPayload, list, obj, optStr, str, type Json } from './fields.ts';

export interface SessionMeta {
  id: string;
  forkedFromId: string | null;
  timestamp: string;
  cwd: string;
  cliVersion: string;
  source: SessionSource;
  modelProvider: string | null;
  agentNickname: string | null;
  agentRole: string | null;
  baseInstructions: string | null;
  dynamicTools: DynamicToolSpec[] | null;
  gitInfo: GitInfo | null;
}

const PLAIN_SOURCES: Record<string, SessionSource> = { cli: 'cli', vscode: 'vscode', exec: 'exec', mcp: 'appServer' };

/** Unknown source names read as "unknown", and a missing source as "vscode", as the reference does. */
function sessionSource(v: unknown): SessionSource {
  if (v === undefined || v === null) return 'vscode';
  if (typeof v === 'string') return PLAIN_SOURCES[v] ?? 'unknown';
  const subagent = obj(v, 'source').subagent;
  if (subagent === undefined) throw new InvalidPayload('source is not a session source');
  return { subAgent: subagent } as SessionSource;
}

function gitInfo(v: unknown): GitInfo | null {
  if (v === undefined || v === null) return null;
  const git = obj(v, 'git');
  return {
    sha: optStr(git.commit_hash, 'git.commit_hash'),
    branch: optStr(git.branch, 'git.branch'),
    originUrl: optStr(git.repository_url, 'git.repository_url'),
  };
}

function uuid(v: unknown, what: string): string {
  const parsed = parseUuid(str(v, what));
  if (!parsed.ok) throw new InvalidPayload(`${what} is not a UUID`);
  return parsed.uuid;
}

export function readSessionMeta(p: Json): SessionMeta {
  const base = p.base_instructions;
  const tools = p.dynamic_tools;
  // Not kept, but the reference cannot read session metadata without it.
  str(p.originator, 'originator');
  return {
    id: uuid(p.id, 'id'),
    forkedFromId: p.forked_from_id === undefined || p.forked_from_id === null ? null : uuid(p.forked_from_id, 'forked_from_id'),
    timestamp: str(p.timestamp, 'timestamp'),
    cwd: str(p.cwd, 'cwd'),
    cliVersion: str(p.cli_version, 'cli_version'),
    source: sessionSource(p.source),
    modelProvider: optStr(p.model_provider, 'model_provider'),
    agentNickname: optStr(p.agent_nickname, 'agent_nickname'),
    agentRole: optStr(p.agent_role, 'agent_role'),
    baseInstructions: base === undefined || base === null ? null : str(obj(base, 'base_instructions').text, 'base_instructions.text'),
    dynamicTools: tools === undefined || tools === null ? null : (list(tools, 'dynamic_tools') as DynamicToolSpec[]),
    gitInfo: gitInfo(p.git),
  };
}

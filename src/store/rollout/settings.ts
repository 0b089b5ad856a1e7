/**
 * What an imported thread's `ThreadRecord.settings` holds: the facts of the last `turn_context`
 * line (the settings its last turn ran with) plus the thread-wide ones from `session_meta`, in the
 * protocol's v2 shapes. Any fact the file does not state is null.
 *
 * The reference itself takes the approval and sandbox policies of a resumed thread from the
 * config, not from the file; these are facts the engine may use, not orders.
 */
import type {
  AskForApproval,
  CollaborationMode,
  DynamicToolSpec,
  Personality,
  ReasoningEffort,
  ReasoningSummary,
  SandboxPolicy,
} from '../../protocol/index.ts';
import { isObject, type Json } from '../../model/json.ts';

export interface RolloutSettings {
  model: string | null;
  effort: ReasoningEffort | null;
  summary: ReasoningSummary | null;
  approvalPolicy: AskForApproval | null;
  sandboxPolicy: SandboxPolicy | null;
  /** The last turn's working directory (the record's `cwd` is the thread's, from session_meta). */
  cwd: string | null;
  personality: Personality | null;
  collaborationMode: CollaborationMode | null;
  /** The system instructions the thread was started with (`session_meta.base_instructions`). */
  baseInstructions: string | null;
  /** AGENTS.md and skills text the last turn was given. */
  userInstructions: string | null;
  developerInstructions: string | null;
  /** Client-defined tools the thread was started with (`session_meta.dynamic_tools`). */
  dynamicTools: DynamicToolSpec[] | null;
}

const EFFORTS: readonly ReasoningEffort[] = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'];
const SUMMARIES: readonly ReasoningSummary[] = ['auto', 'concise', 'detailed', 'none'];
const PERSONALITIES: readonly Personality[] = ['none', 'friendly', 'pragmatic'];
const APPROVALS = ['untrusted', 'on-failure', 'on-request', 'never'] as const;

const pick = <T>(v: unknown, allowed: readonly T[]): T | null => (allowed.includes(v as T) ? (v as T) : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function approvalPolicy(v: unknown): AskForApproval | null {
  if (isObject(v) && isObject(v.reject)) return v as AskForApproval;
  return pick(v, APPROVALS);
}

function readOnlyAccess(v: unknown): Json {
  if (!isObject(v) || v.type !== 'restricted') return { type: 'fullAccess' };
  return {
    type: 'restricted',
    includePlatformDefaults: v.include_platform_defaults ?? true,
    readableRoots: v.readable_roots ?? [],
  };
}

/** The rollout writes the core policy (kebab-case tags, snake_case fields); clients see v2's. */
function sandboxPolicy(v: unknown): SandboxPolicy | null {
  if (!isObject(v)) return null;
  switch (v.type) {
    case 'danger-full-access':
      return { type: 'dangerFullAccess' };
    case 'read-only':
      return { type: 'readOnly', access: readOnlyAccess(v.access), networkAccess: v.network_access ?? false } as SandboxPolicy;
    case 'external-sandbox':
      return { type: 'externalSandbox', networkAccess: v.network_access ?? 'restricted' } as SandboxPolicy;
    case 'workspace-write':
      return {
        type: 'workspaceWrite',
        writableRoots: v.writable_roots ?? [],
        readOnlyAccess: readOnlyAccess(v.read_only_access),
        networkAccess: v.network_access ?? false,
        excludeTmpdirEnvVar: v.exclude_tmpdir_env_var ?? false,
        excludeSlashTmp: v.exclude_slash_tmp ?? false,
      } as SandboxPolicy;
    default:
      return null;
  }
}

function collaborationMode(v: unknown): CollaborationMode | null {
  return isObject(v) && typeof v.mode === 'string' && isObject(v.settings) ? (v as CollaborationMode) : null;
}

export function emptySettings(meta: { baseInstructions: string | null; dynamicTools: DynamicToolSpec[] | null }): RolloutSettings {
  return {
    model: null,
    effort: null,
    summary: null,
    approvalPolicy: null,
    sandboxPolicy: null,
    cwd: null,
    personality: null,
    collaborationMode: null,
    baseInstructions: meta.baseInstructions,
    userInstructions: null,
    developerInstructions: null,
    dynamicTools: meta.dynamicTools,
  };
}

/** The settings after a `turn_context` line: each turn context states them all afresh. */
export function withTurnContext(settings: RolloutSettings, ctx: Json): RolloutSettings {
  return {
    ...settings,
    model: text(ctx.model),
    effort: pick(ctx.effort, EFFORTS),
    summary: pick(ctx.summary, SUMMARIES),
    approvalPolicy: approvalPolicy(ctx.approval_policy),
    sandboxPolicy: sandboxPolicy(ctx.sandbox_policy),
    cwd: text(ctx.cwd),
    personality: pick(ctx.personality, PERSONALITIES),
    collaborationMode: collaborationMode(ctx.collaboration_mode),
    userInstructions: text(ctx.user_instructions),
    developerInstructions: text(ctx.developer_instructions),
  };
}

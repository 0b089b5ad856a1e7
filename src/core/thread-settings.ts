import { isAbsolute, join, resolve } from 'node:path';
import type { Settings } from '../config/index.ts';
import { defaultModel } from './models/index.ts';
import type {
  AskForApproval,
  CollaborationMode,
  DynamicToolSpec,
  Personality,
  ReasoningEffort,
  ReasoningSummary,
  SandboxMode,
  SandboxPolicy,
  ServiceTier,
} from '../protocol/index.ts';

/**
 * Everything that shapes a thread's turns. Set at thread/start (from config and params), changed by
 * turn/start overrides, which persist to later turns; stored with the thread so a resumed thread
 * continues as it was.
 */
export interface ThreadSettings {
  model: string;
  modelProvider: string;
  serviceTier: ServiceTier | null;
  cwd: string;
  approvalPolicy: AskForApproval;
  sandboxPolicy: SandboxPolicy;
  effort: ReasoningEffort | null;
  summary: ReasoningSummary | null;
  personality: Personality | null;
  baseInstructions: string | null;
  developerInstructions: string | null;
  dynamicTools: DynamicToolSpec[];
  persistExtendedHistory: boolean;
  /** Set by turn/start (plan or default mode); null until a turn chooses one. */
  collaborationMode: CollaborationMode | null;
  /** thread/start `config`: this thread's own config overrides (dotted keys), applied to every turn. */
  configOverrides: Record<string, unknown> | null;
}

export interface ThreadStartOverrides {
  model?: string | null;
  modelProvider?: string | null;
  serviceTier?: ServiceTier | null;
  cwd?: string | null;
  approvalPolicy?: AskForApproval | null;
  sandbox?: SandboxMode | null;
  baseInstructions?: string | null;
  developerInstructions?: string | null;
  personality?: Personality | null;
  dynamicTools?: DynamicToolSpec[] | null;
  persistExtendedHistory?: boolean | null;
  config?: Record<string, unknown> | null;
}

/**
 * Settings for a new thread: params win over config, config over the reference's defaults.
 * `settings` already has the request's `config` overrides applied.
 */
export function resolveThreadSettings(
  settings: Settings,
  codexHome: string,
  params: ThreadStartOverrides,
  serverCwd: string,
): ThreadSettings {
  const providerId = params.modelProvider ?? settings.modelProvider.id;
  return {
    model: params.model ?? settings.model ?? defaultModel(),
    modelProvider: providerId,
    serviceTier: params.serviceTier ?? settings.serviceTier ?? null,
    cwd: resolveCwd(params.cwd ?? null, serverCwd),
    approvalPolicy: params.approvalPolicy ?? settings.approvalPolicy ?? 'on-request',
    sandboxPolicy: sandboxPolicyFor(params.sandbox ?? settings.sandboxMode ?? 'read-only', settings, codexHome),
    effort: settings.modelReasoningEffort ?? null,
    summary: settings.modelReasoningSummary ?? null,
    personality: params.personality ?? null,
    // The reference ignores the config's `instructions` key: only the request sets these.
    baseInstructions: params.baseInstructions ?? null,
    developerInstructions: params.developerInstructions ?? settings.developerInstructions ?? null,
    dynamicTools: params.dynamicTools ?? [],
    persistExtendedHistory: params.persistExtendedHistory ?? false,
    collaborationMode: null,
    configOverrides: params.config && Object.keys(params.config).length ? params.config : null,
  };
}

export function resolveCwd(cwd: string | null, serverCwd: string): string {
  if (!cwd) return serverCwd;
  return isAbsolute(cwd) ? resolve(cwd) : resolve(serverCwd, cwd);
}

/** The policy a sandbox mode stands for, as the reference reports it in thread/start. */
export function sandboxPolicyFor(mode: SandboxMode, settings: Settings, codexHome: string): SandboxPolicy {
  switch (mode) {
    case 'danger-full-access':
      return { type: 'dangerFullAccess' };
    case 'read-only':
      return { type: 'readOnly', access: { type: 'fullAccess' }, networkAccess: false };
    case 'workspace-write': {
      const sww = settings.sandboxWorkspaceWrite;
      // The reference always lets the agent write its memories folder.
      const roots = [...sww.writableRoots, join(codexHome, 'memories')];
      return {
        type: 'workspaceWrite',
        writableRoots: roots,
        readOnlyAccess: { type: 'fullAccess' },
        networkAccess: sww.networkAccess,
        excludeTmpdirEnvVar: sww.excludeTmpdirEnvVar,
        excludeSlashTmp: sww.excludeSlashTmp,
      };
    }
  }
}

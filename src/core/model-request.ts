import { settingsWithOverrides, type LoadedConfig } from '../config/index.ts';
import type { ResponseItem, ResponsesRequest } from '../model/index.ts';
import type { UserInput } from '../protocol/index.ts';
import { buildRequest, initialContextItems, loadUserInstructions, settingsUpdateItems, userInputItems, type SkillRef, type TurnContext } from './prompt/index.ts';
import type { ThreadSettings } from './thread-settings.ts';
import { modeContext } from './prompt/collaboration-mode.ts';
import { userShell } from './prompt/user-shell.ts';
import { needsInitialContext } from './history.ts';
import type { LoadedThread } from './loaded-thread.ts';

/** Who the model provider is told it is talking to: the client that caused the request. */
export interface RequestOrigin {
  originator: string;
  userAgent: string;
}

/** The skills a turn in a working directory may use (see SkillsService.forModel). */
export interface SkillCatalog {
  forModel(cwd: string): Promise<SkillRef[]>;
}

export interface TurnContextOptions {
  outputSchema?: unknown;
  /** The settings to describe; the thread's current ones by default. */
  settings?: ThreadSettings;
  /** Where the turn's skills come from; none without it. */
  skills?: SkillCatalog;
}

/**
 * The facts a turn's requests are built from, gathered once when the turn starts (AGENTS.md is
 * read from disk then, the skills come from the catalog's cache).
 */
export async function turnContext(thread: LoadedThread, config: LoadedConfig, options: TurnContextOptions = {}): Promise<TurnContext> {
  const s = options.settings ?? thread.settings;
  const settings = s.configOverrides ? settingsWithOverrides(config, s.configOverrides) : config.settings;
  return {
    model: s.model,
    provider: settings.modelProviders[s.modelProvider] ?? settings.modelProvider,
    cwd: s.cwd,
    approvalPolicy: s.approvalPolicy,
    sandboxPolicy: s.sandboxPolicy,
    effort: s.effort,
    summary: s.summary,
    verbosity: settings.modelVerbosity ?? null,
    serviceTier: s.serviceTier,
    baseInstructions: s.baseInstructions,
    developerInstructions: s.developerInstructions,
    userInstructions: await loadUserInstructions(s.cwd, config.codexHome),
    skills: options.skills ? await options.skills.forModel(s.cwd) : [],
    personality: s.personality,
    ...modeContext(s.collaborationMode, settings.features.default_mode_request_user_input),
    outputSchema: options.outputSchema ?? null,
    features: settings.features,
    shellEnvironmentPolicy: settings.shellEnvironmentPolicy,
    webSearch: settings.webSearch,
    webSearchOptions: settings.webSearchOptions,
    dynamicTools: s.dynamicTools,
    mcpTools: null,
    shell: userShell(),
  };
}

/** One round trip's request: the thread's history unless another input is given (compaction). */
export function modelRequest(
  thread: LoadedThread,
  ctx: TurnContext,
  opts: { input?: readonly ResponseItem[]; withTools?: boolean } = {},
): ResponsesRequest {
  return buildRequest(ctx, opts.input ?? thread.history, { promptCacheKey: thread.id, withTools: opts.withTools });
}

/**
 * What the model must be told before this turn's input: the whole initial context for a new (or
 * just compacted) history, otherwise what changed since the context it was last told. A new
 * thread's first turn, as the reference's, starts from the context the thread was started with and
 * then tells this turn's overrides as an update (except a new model: there is no earlier turn that
 * used another).
 */
export function contextUpdate(history: readonly ResponseItem[], told: TurnContext | null, ctx: TurnContext): ResponseItem[] {
  if (history.length === 0 && told) return [...initialContextItems(told), ...settingsUpdateItems(told, ctx, { announceModel: false })];
  if (needsInitialContext(history)) return initialContextItems(ctx);
  return told ? settingsUpdateItems(told, ctx) : [];
}

export function userInputMessages(input: readonly UserInput[], ctx: TurnContext): Promise<ResponseItem[]> {
  return userInputItems(input, { cwd: ctx.cwd, skills: ctx.skills });
}

import type { LoadedConfig } from '../config/index.ts';
import type { ResponseItem, ResponsesRequest } from '../model/index.ts';
import type { ModelProvider } from '../config/index.ts';
import type { UserInput } from '../protocol/index.ts';
import { buildRequest, initialContextItems, loadUserInstructions, userInputItems, type TurnContext } from './prompt/index.ts';
import { userShell } from './prompt/user-shell.ts';
import type { LoadedThread } from './loaded-thread.ts';

/** Who the model provider is told it is talking to: the client that caused the request. */
export interface RequestOrigin {
  originator: string;
  userAgent: string;
}

/**
 * The facts a turn's requests are built from, gathered once when the turn starts (AGENTS.md is
 * read from disk then).
 */
export async function turnContext(thread: LoadedThread, config: LoadedConfig, outputSchema: unknown = null): Promise<TurnContext> {
  const s = thread.settings;
  const settings = config.settings;
  return {
    model: s.model,
    provider: providerOf(thread, config),
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
    skills: [],
    personality: s.personality,
    collaborationMode: null,
    outputSchema,
    features: settings.features,
    webSearch: settings.webSearch,
    dynamicTools: s.dynamicTools,
    mcpTools: null,
    shell: userShell(),
  };
}

export function providerOf(thread: LoadedThread, config: LoadedConfig): ModelProvider {
  return config.settings.modelProviders[thread.settings.modelProvider] ?? config.settings.modelProvider;
}

/** One round trip's request: the thread's history unless another input is given (compaction). */
export function modelRequest(
  thread: LoadedThread,
  ctx: TurnContext,
  opts: { input?: readonly ResponseItem[]; withTools?: boolean } = {},
): ResponsesRequest {
  return buildRequest(ctx, opts.input ?? thread.history, { promptCacheKey: thread.id, withTools: opts.withTools });
}

export function initialContext(ctx: TurnContext): ResponseItem[] {
  return initialContextItems(ctx);
}

export function userInputMessages(input: readonly UserInput[], ctx: TurnContext): Promise<ResponseItem[]> {
  return userInputItems(input, { cwd: ctx.cwd, skills: ctx.skills });
}

import type { LoadedConfig } from '../config/index.ts';
import type { TokenUsage } from '../model/index.ts';

/** The reference's context window for models it has no catalogue entry for. */
const DEFAULT_CONTEXT_WINDOW = 272_000;
/** The reference reports 95% of the window: the rest is headroom for the model's own output. */
const USABLE_SHARE = 0.95;

export function contextWindowOf(config: LoadedConfig): number {
  const window = config.settings.modelContextWindow ?? DEFAULT_CONTEXT_WINDOW;
  return Math.floor(window * USABLE_SHARE);
}

/** Tokens in context at which a thread is compacted automatically (90% of the window by default). */
export function autoCompactLimit(config: LoadedConfig): number {
  return config.settings.modelAutoCompactTokenLimit ?? Math.floor((config.settings.modelContextWindow ?? DEFAULT_CONTEXT_WINDOW) * 0.9);
}

export function addUsage(total: TokenUsage | undefined, usage: TokenUsage): TokenUsage {
  if (!total) return { ...usage };
  return {
    inputTokens: total.inputTokens + usage.inputTokens,
    cachedInputTokens: total.cachedInputTokens + usage.cachedInputTokens,
    outputTokens: total.outputTokens + usage.outputTokens,
    reasoningOutputTokens: total.reasoningOutputTokens + usage.reasoningOutputTokens,
    totalTokens: total.totalTokens + usage.totalTokens,
  };
}

import type { LoadedConfig } from '../config/index.ts';
import type { TokenUsage } from '../model/index.ts';
import type { ThreadEntry } from '../store/types.ts';
import type { TokenTotals } from './loaded-thread.ts';
import { contextWindowFor } from './models/index.ts';

/** The reference's context window for models it has no catalogue entry for. */
const DEFAULT_CONTEXT_WINDOW = 272_000;

/** The model's whole context window: the config's setting, else the catalogue's, else the default. */
function windowOf(config: LoadedConfig, model: string): number {
  return config.settings.modelContextWindow ?? contextWindowFor(model) ?? DEFAULT_CONTEXT_WINDOW;
}
/** The reference reports 95% of the window: the rest is headroom for the model's own output. */
const USABLE_SHARE = 0.95;

export function contextWindowOf(config: LoadedConfig, model: string): number {
  return Math.floor(windowOf(config, model) * USABLE_SHARE);
}

/** Tokens in context at which a thread is compacted automatically (90% of the window by default). */
export function autoCompactLimit(config: LoadedConfig, model: string): number {
  return config.settings.modelAutoCompactTokenLimit ?? Math.floor(windowOf(config, model) * 0.9);
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

/** The usage the thread had after its last stored model response; null before any. */
export function storedTokens(entries: readonly ThreadEntry[]): TokenTotals | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (entry.kind === 'tokens') return { last: entry.last, total: entry.total };
  }
  return null;
}

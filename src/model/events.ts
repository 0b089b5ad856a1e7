/**
 * What one model round trip reports to the engine, in order. `retrying` means the stream failed
 * and the whole request is being sent again: everything received since the previous `retrying` (or
 * the start) belongs to an abandoned response and must be discarded — the reference does not keep
 * output items from a failed attempt in the history it re-sends.
 */
import type { ModelError } from './errors.ts';
import type { RateLimitSnapshot } from './rate-limits.ts';
import type { ResponseItem } from './response-items.ts';

export interface TokenUsage {
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningOutputTokens: number;
  totalTokens: number;
}

export type ModelEvent =
  /** From response headers, before any stream event: one per limit family (`codex` always). */
  | { type: 'rateLimits'; snapshot: RateLimitSnapshot }
  /** The model that actually serves the request (`openai-model`); differs from the request on a reroute. */
  | { type: 'serverModel'; model: string }
  /** `X-Models-Etag`: the server's model list changed. */
  | { type: 'modelsEtag'; etag: string }
  /** `x-reasoning-included`: the server already counts reasoning in the reported usage. */
  | { type: 'serverReasoningIncluded' }
  /** `x-codex-turn-state`: send it back (`turnState` option) on the turn's later requests. */
  | { type: 'turnState'; value: string }
  | { type: 'created' }
  | { type: 'outputItemAdded'; item: ResponseItem }
  | { type: 'outputItemDone'; item: ResponseItem }
  /** `itemId` is informational: the reference attributes deltas to the item last added. */
  | { type: 'outputTextDelta'; delta: string; itemId?: string }
  | { type: 'reasoningSummaryPartAdded'; summaryIndex: number; itemId?: string }
  | { type: 'reasoningSummaryTextDelta'; delta: string; summaryIndex: number; itemId?: string }
  | { type: 'reasoningTextDelta'; delta: string; contentIndex: number; itemId?: string }
  /** Always the last event of a successful round trip. */
  | { type: 'completed'; responseId: string; usage: TokenUsage | null }
  /** See the module comment; the engine reports it as `reconnectingError(attempt, max, error)`. */
  | { type: 'retrying'; attempt: number; max: number; delayMs: number; error: ModelError };

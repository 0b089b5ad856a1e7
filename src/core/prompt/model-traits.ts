import type { Verbosity } from '../../config/index.ts';
import type { ReasoningEffort, ReasoningSummary } from '../../protocol/index.ts';
import type { ModelToolTraits } from '../../tools/specs/index.ts';

/**
 * What the reference's model catalogue says about a model that shapes its requests. Recorded
 * from codex-cli 0.113.0's requests for each model; a model the catalogue does not know gets
 * UNKNOWN_MODEL (no reasoning settings, the plain `shell` tool, no apply_patch).
 */
export interface ModelTraits extends ModelToolTraits {
  supportsParallelToolCalls: boolean;
  /** null: the model takes no reasoning settings, and the request carries `reasoning: null`. */
  reasoning: { defaultEffort: ReasoningEffort; defaultSummary: ReasoningSummary } | null;
  /** null: the model takes no verbosity setting. */
  defaultVerbosity: Verbosity | null;
  /** Whether a personality shapes its instructions (and changing it is announced). */
  supportsPersonality: boolean;
}

export const UNKNOWN_MODEL: ModelTraits = {
  shellType: 'shell',
  applyPatchTool: null,
  inputModalities: ['text', 'image'],
  supportsParallelToolCalls: false,
  reasoning: null,
  defaultVerbosity: null,
  supportsPersonality: false,
};

const GPT5: ModelTraits = { ...UNKNOWN_MODEL, reasoning: { defaultEffort: 'medium', defaultSummary: 'auto' } };
const CODEX: ModelTraits = { ...GPT5, shellType: 'shell_command', applyPatchTool: 'freeform' };
const PARALLEL: ModelTraits = { ...CODEX, supportsParallelToolCalls: true };
const GPT53: ModelTraits = {
  ...PARALLEL,
  reasoning: { defaultEffort: 'medium', defaultSummary: 'none' },
  defaultVerbosity: 'low',
  supportsPersonality: true,
};

const CATALOGUE: Record<string, ModelTraits> = {
  'gpt-5': GPT5,
  'gpt-5-codex': CODEX,
  'gpt-5.1': { ...PARALLEL, defaultVerbosity: 'low' },
  'gpt-5.1-codex': CODEX,
  'gpt-5.1-codex-max': CODEX,
  'gpt-5.1-codex-mini': CODEX,
  'gpt-5.2': { ...PARALLEL, defaultVerbosity: 'low' },
  'gpt-5.2-codex': { ...PARALLEL, supportsPersonality: true },
  'gpt-5.3-codex': GPT53,
  'gpt-5.4': GPT53,
  'gpt-oss': { ...GPT5, applyPatchTool: 'freeform' },
};

/** Like the reference, an unlisted slug takes the entry of its longest listed prefix (`gpt-5.2-codex-x` is a `gpt-5.2-codex`). */
export function modelTraits(model: string): ModelTraits {
  let best: string | undefined;
  for (const slug of Object.keys(CATALOGUE)) {
    if (model.startsWith(slug) && (best === undefined || slug.length > best.length)) best = slug;
  }
  return best === undefined ? UNKNOWN_MODEL : CATALOGUE[best]!;
}

import type { ModelProvider } from '../../config/index.ts';
import type { ResponseItem, ResponsesRequest } from '../../model/index.ts';
import { toolSpecsFor } from '../../tools/specs/index.ts';
import { BASE_INSTRUCTIONS } from './base-instructions.ts';
import { modelTraits, type ModelTraits } from './model-traits.ts';
import { personalityStyle } from './personality.ts';
import type { TurnContext } from './turn-context.ts';

export type { TurnContext } from './turn-context.ts';

export interface BuildOptions {
  /** The thread id: requests of one thread share the provider's prompt cache. */
  promptCacheKey: string;
  /** false for a request that must not call tools (context compaction). */
  withTools?: boolean;
}

/** One model round trip: the history so far as input, everything else from the turn's settings. */
export function buildRequest(ctx: TurnContext, input: readonly ResponseItem[], options: BuildOptions): ResponsesRequest {
  const traits = modelTraits(ctx.model);
  const reasoning = reasoningFor(ctx, traits);
  return {
    model: ctx.model,
    instructions: instructionsFor(ctx, traits),
    input,
    tools: options.withTools === false ? [] : toolSpecsFor({ ...ctx, traits }),
    parallelToolCalls: traits.supportsParallelToolCalls,
    reasoning,
    store: isAzure(ctx.provider),
    // Nothing is stored by the provider, so reasoning comes back encrypted for later requests to carry.
    include: reasoning ? ['reasoning.encrypted_content'] : [],
    serviceTier: ctx.serviceTier === 'fast' ? 'priority' : (ctx.serviceTier ?? undefined),
    promptCacheKey: options.promptCacheKey,
    text: textFor(ctx, traits),
  };
}

/** The request's `instructions` for this context. */
export function instructionsFor(ctx: TurnContext, traits: ModelTraits = modelTraits(ctx.model)): string {
  if (ctx.baseInstructions !== null) return ctx.baseInstructions;
  const style = traits.supportsPersonality ? personalityStyle(ctx.personality) : null;
  return style ? `${BASE_INSTRUCTIONS}\n${style}\n` : BASE_INSTRUCTIONS;
}

function reasoningFor(ctx: TurnContext, traits: ModelTraits): ResponsesRequest['reasoning'] {
  if (!traits.reasoning) return null;
  const summary = ctx.summary ?? traits.reasoning.defaultSummary;
  return { effort: ctx.effort ?? traits.reasoning.defaultEffort, ...(summary === 'none' ? {} : { summary }) };
}

function textFor(ctx: TurnContext, traits: ModelTraits): ResponsesRequest['text'] {
  const verbosity = traits.defaultVerbosity === null ? undefined : (ctx.verbosity ?? traits.defaultVerbosity);
  const format =
    ctx.outputSchema == null ? undefined : { type: 'json_schema' as const, strict: true, schema: ctx.outputSchema, name: 'codex_output_schema' };
  return verbosity === undefined && format === undefined ? undefined : { verbosity, format };
}

const AZURE_HOSTS = ['openai.azure.', 'cognitiveservices.azure.', 'aoai.azure.', 'azure-api.', 'azurefd.', 'windows.net/openai'];

/** Azure's Responses endpoint needs stored responses; OpenAI's is used statelessly. */
function isAzure(provider: ModelProvider): boolean {
  const url = provider.baseUrl?.toLowerCase() ?? '';
  return provider.name.toLowerCase() === 'azure' || AZURE_HOSTS.some((host) => url.includes(host));
}

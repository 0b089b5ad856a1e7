import type { Settings } from '../config/index.ts';
import type { FunctionCallOutputContentItem, ResponseItem } from '../model/index.ts';
import { byteBudget, BYTES_PER_TOKEN, truncateText, type TruncationPolicy } from '../tools/shell/truncate.ts';
import { CATALOGUE } from './models/catalogue.ts';

const DEFAULT_LIMIT = 10_000;

/**
 * How much of a tool's output the model keeps: the catalogue's budget for the model (10 000 bytes
 * for a model it does not know), with `tool_output_token_limit` replacing the limit.
 */
export function toolOutputPolicy(model: string, settings: Pick<Settings, 'toolOutputTokenLimit'>): TruncationPolicy {
  const kind = CATALOGUE.find((m) => m.slug === model)?.toolOutputBudget ?? 'bytes';
  const tokens = settings.toolOutputTokenLimit;
  if (tokens === undefined) return { kind, limit: DEFAULT_LIMIT };
  return { kind, limit: kind === 'bytes' ? tokens * BYTES_PER_TOKEN : tokens };
}

/**
 * A tool output as it joins the model's history: text beyond the budget is cut in the middle. The
 * reference allows a fifth more than the budget here, for what serialising the output adds.
 */
export function boundedToolOutput(item: ResponseItem, policy: TruncationPolicy): ResponseItem {
  if (item.type !== 'function_call_output' && item.type !== 'custom_tool_call_output') return item;
  const budget: TruncationPolicy = { kind: policy.kind, limit: Math.floor(policy.limit * 1.2) };
  if (typeof item.output === 'string') {
    const output = truncateText(item.output, budget);
    return output === item.output ? item : { ...item, output };
  }
  return { ...item, output: boundedContentItems(item.output, budget) };
}

/** Text items share one budget; images are kept; texts left without budget are counted, not sent. */
function boundedContentItems(items: FunctionCallOutputContentItem[], policy: TruncationPolicy): FunctionCallOutputContentItem[] {
  let remaining = byteBudget(policy);
  let omitted = 0;
  const out: FunctionCallOutputContentItem[] = [];
  for (const item of items) {
    if (item.type !== 'input_text') {
      out.push(item);
    } else if (remaining <= 0) {
      omitted++;
    } else {
      const size = Buffer.byteLength(item.text);
      const limit = policy.kind === 'bytes' ? remaining : Math.floor(remaining / BYTES_PER_TOKEN);
      out.push(size <= remaining ? item : { type: 'input_text', text: truncateText(item.text, { kind: policy.kind, limit }) });
      remaining -= size;
    }
  }
  if (omitted > 0) out.push({ type: 'input_text', text: `[omitted ${omitted} text items ...]` });
  return out;
}

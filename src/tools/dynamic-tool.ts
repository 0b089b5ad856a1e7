/**
 * Calls to the client's own tools (`dynamicTools` from thread/start). The client runs them: it
 * gets `item/tool/call` and answers with content items and whether the call succeeded; the
 * thread's clients see the call as a `dynamicToolCall` item, and the model gets the content items
 * as they are. Texts and shapes are the reference's.
 */
import type { FunctionCallOutputContentItem, ResponseItem } from '../model/index.ts';
import type { ClientAnswer } from '../core/client-requests.ts';
import { decode } from '../protocol/decode.ts';
import { DynamicToolCallResponse, type ThreadItem } from '../protocol/index.ts';
import { readJsonArgs } from './shell/args.ts';
import { toolOutput, unsupportedCall, type ToolHandler } from './registry.ts';

type ContentItem = DynamicToolCallResponse['contentItems'][number];

/** What the model reads when the client answered with an error or with something unreadable. */
export const REQUEST_FAILED = 'dynamic tool request failed';

export const dynamicToolHandler: ToolHandler = async (call, ctx) => {
  if (!ctx.dynamicTools.some((tool) => tool.name === call.name)) return unsupportedCall(call);
  const args = readJsonArgs(call.input);
  if (!args.ok) return toolOutput(call, args.message);

  const item = {
    type: 'dynamicToolCall',
    id: call.callId,
    tool: call.name,
    arguments: args.root.value,
    status: 'inProgress',
    contentItems: null,
    success: null,
    durationMs: null,
  } satisfies ThreadItem;
  ctx.startItem(item, { stored: true });
  const started = performance.now();
  // No status flag: the thread stays plainly active while the client runs its tool.
  const answer = await ctx.ask('item/tool/call', { callId: call.callId, tool: call.name, arguments: args.root.value }, {});
  const { contentItems, success } = responseOf(answer);
  ctx.completeItem({ ...item, status: success ? 'completed' : 'failed', contentItems, success, durationMs: Math.round(performance.now() - started) });
  return dynamicToolOutput(call.callId, contentItems);
};

/** The client's answer, or the reference's stand-in failure for an error or an unreadable result. */
export function responseOf(answer: ClientAnswer): DynamicToolCallResponse {
  if (answer.kind === 'result' && decode(DynamicToolCallResponse, answer.result).ok) return answer.result as DynamicToolCallResponse;
  return { contentItems: [{ type: 'inputText', text: REQUEST_FAILED }], success: false };
}

/** The content items in the model's spelling; success or failure is not part of what it reads. */
export function dynamicToolOutput(callId: string, items: readonly ContentItem[]): ResponseItem {
  return { type: 'function_call_output', call_id: callId, output: items.map(modelContentItem) };
}

function modelContentItem(item: ContentItem): FunctionCallOutputContentItem {
  return item.type === 'inputText' ? { type: 'input_text', text: item.text } : { type: 'input_image', image_url: item.imageUrl };
}

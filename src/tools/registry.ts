import type { ResponseItem } from '../model/index.ts';

/** A tool call the model made, in the form every tool handler takes. */
export interface ToolCall {
  callId: string;
  name: string;
  /** JSON arguments for function tools, free text for custom (freeform) tools. */
  input: string;
  kind: 'function' | 'custom';
}

export interface ToolContext {
  threadId: string;
  turnId: string;
  signal: AbortSignal;
}

/** Runs one call and returns what the model gets back. */
export type ToolHandler = (call: ToolCall, ctx: ToolContext) => Promise<ResponseItem>;

/** Recognises the calls the Responses API can make; anything else is not a tool call. */
export function toolCallOf(item: ResponseItem): ToolCall | null {
  if (item.type === 'function_call') return { callId: item.call_id, name: item.name, input: item.arguments, kind: 'function' };
  if (item.type === 'custom_tool_call') return { callId: item.call_id, name: item.name, input: item.input, kind: 'custom' };
  return null;
}

/** What the model gets back for a call, in the item type matching the call. */
export function toolOutput(call: ToolCall, output: string): ResponseItem {
  return call.kind === 'custom'
    ? { type: 'custom_tool_call_output', call_id: call.callId, output }
    : { type: 'function_call_output', call_id: call.callId, output };
}

/**
 * Tools by name. A call to a tool nobody registered is answered to the model, as the reference
 * does, so the turn goes on and the model can correct itself.
 */
export class ToolRegistry {
  private readonly handlers = new Map<string, ToolHandler>();

  register(name: string, handler: ToolHandler): void {
    this.handlers.set(name, handler);
  }

  run(call: ToolCall, ctx: ToolContext): Promise<ResponseItem> {
    const handler = this.handlers.get(call.name);
    if (!handler) return Promise.resolve(toolOutput(call, `unsupported call: ${call.name}`));
    return handler(call, ctx);
  }
}

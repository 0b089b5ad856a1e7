/**
 * One persisted `event_msg` applied to the turn builder. These are the events 0.113.0 writes
 * (`persistExtendedHistory` adds errors and tool-call ends); `token_count` keeps the usage a resumed
 * thread counts on from. Events that only matter live are ignored like any unknown event.
 */
import { int, optStr, str, type Json } from './fields.ts';
import {
  agentMessageItem,
  commandItem,
  dynamicToolRequestItem,
  dynamicToolResponseItem,
  enteredReviewItem,
  exitedReviewItem,
  imageGenerationItem,
  imageViewItem,
  mcpItem,
  NUMBERED,
  patchItem,
  planItem,
  turnError,
  userMessageItem,
  webSearchItem,
  type RoutedItem,
} from './event-items.ts';
import type { TokenUsage } from '../../model/index.ts';
import type { TurnBuilder } from './turn-builder.ts';

/** Returns why an event had no effect when the reference would warn about it. */
export function applyEvent(b: TurnBuilder, p: Json): string | undefined {
  const routed = (r: RoutedItem | undefined) =>
    !r || b.itemOfTurn(r.turnId, r.item) ? undefined : `${p.type} for unknown turn ${r.turnId}: item dropped`;
  switch (p.type) {
    case 'task_started':
      b.turnStarted(str(p.turn_id, 'turn_id'));
      break;
    case 'task_complete':
      b.turnComplete(str(p.turn_id, 'turn_id'));
      break;
    case 'turn_aborted':
      b.turnAborted(optStr(p.turn_id, 'turn_id'));
      break;
    case 'thread_rolled_back':
      b.rolledBack(int(p.num_turns, 'num_turns'));
      break;
    case 'error': {
      const { failsTurn, error } = turnError(p);
      if (failsTurn) b.error(error);
      break;
    }
    case 'user_message':
      b.userMessage(userMessageItem(p));
      break;
    case 'agent_message': {
      const item = agentMessageItem(p);
      if (item.text !== '') b.item(item);
      break;
    }
    case 'agent_reasoning':
    case 'agent_reasoning_raw_content': {
      const text = str(p.text, 'text');
      if (text !== '') b.reasoning(p.type === 'agent_reasoning' ? 'summary' : 'content', text);
      break;
    }
    case 'token_count': {
      const info = p.info as Json | null | undefined;
      if (info && typeof info === 'object') b.tokens(tokenUsage(info.last_token_usage), tokenUsage(info.total_token_usage));
      break;
    }
    case 'context_compacted':
      b.item({ type: 'contextCompaction', id: NUMBERED });
      break;
    case 'entered_review_mode':
      b.item(enteredReviewItem(p));
      break;
    case 'exited_review_mode':
      b.item(exitedReviewItem(p));
      break;
    case 'mcp_tool_call_end':
      b.item(mcpItem(p));
      break;
    case 'web_search_end':
      b.item(webSearchItem(p));
      break;
    case 'view_image_tool_call':
      b.item(imageViewItem(p));
      break;
    case 'image_generation_end':
      b.item(imageGenerationItem(p));
      break;
    case 'item_completed':
      return routed(planItem(p));
    case 'exec_command_end':
      return routed(commandItem(p));
    case 'patch_apply_end':
      return routed(patchItem(p));
    case 'dynamic_tool_call_request':
      return routed(dynamicToolRequestItem(p));
    case 'dynamic_tool_call_response':
      return routed(dynamicToolResponseItem(p));
  }
  return undefined;
}

/** A rollout's snake_case usage; fields it lacks count as zero. */
function tokenUsage(v: unknown): TokenUsage {
  const u = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  const n = (k: string) => (typeof u[k] === 'number' ? (u[k] as number) : 0);
  return {
    inputTokens: n('input_tokens'),
    cachedInputTokens: n('cached_input_tokens'),
    outputTokens: n('output_tokens'),
    reasoningOutputTokens: n('reasoning_output_tokens'),
    totalTokens: n('total_tokens'),
  };
}

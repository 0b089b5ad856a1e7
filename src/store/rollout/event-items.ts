/**
 * Thread items as the reference rebuilds them from persisted events (its `thread/read` view).
 * Items the reference numbers itself (`item-N`) get the placeholder id `NUMBERED`; tool items keep
 * their call id, plan items their own id.
 */
import type { CodexErrorInfo, CommandAction, ThreadItem, TurnError, UserInput } from '../../protocol/index.ts';
import {
  InvalidPayload,
  bool,
  durationMs,
  int,
  list,
  obj,
  oneOf,
  optList,
  optStr,
  str,
  type Json,
} from './fields.ts';
import { shellJoin } from './shell-join.ts';

/** Placeholder id of items that `foldTurns` numbers. */
export const NUMBERED = '';

/** An item that belongs to the turn named in the event (empty: the current turn). */
export interface RoutedItem {
  turnId: string;
  item: ThreadItem;
}

export function userMessageItem(p: Json): ThreadItem {
  const message = str(p.message, 'message');
  const content: UserInput[] = [];
  if (message.trim() !== '') {
    const elements = optList(p.text_elements, 'text_elements').map((v, i) => {
      const e = obj(v, `text_elements[${i}]`);
      const range = obj(e.byte_range, `text_elements[${i}].byte_range`);
      return {
        byteRange: { start: int(range.start, 'byte_range.start'), end: int(range.end, 'byte_range.end') },
        placeholder: optStr(e.placeholder, 'placeholder'),
      };
    });
    content.push({ type: 'text', text: message, text_elements: elements });
  }
  for (const url of optList(p.images, 'images')) content.push({ type: 'image', url: str(url, 'images[]') });
  for (const path of optList(p.local_images, 'local_images')) content.push({ type: 'localImage', path: str(path, 'local_images[]') });
  return { type: 'userMessage', id: NUMBERED, content };
}

export function agentMessageItem(p: Json): Extract<ThreadItem, { type: 'agentMessage' }> {
  const phase = p.phase === undefined || p.phase === null ? null : oneOf(p.phase, ['commentary', 'final_answer'] as const, 'phase');
  return { type: 'agentMessage', id: NUMBERED, text: str(p.message, 'message'), phase };
}

export function enteredReviewItem(p: Json): ThreadItem {
  return { type: 'enteredReviewMode', id: NUMBERED, review: optStr(p.user_facing_hint, 'user_facing_hint') ?? 'Review requested.' };
}

export function exitedReviewItem(p: Json): ThreadItem {
  const output = p.review_output === undefined || p.review_output === null ? null : obj(p.review_output, 'review_output');
  const explanation = output ? str(output.overall_explanation, 'overall_explanation').trim() : '';
  return { type: 'exitedReviewMode', id: NUMBERED, review: explanation || 'Reviewer failed to output a response.' };
}

/** Plan items are persisted as `item_completed`; other completed items are not rebuilt from it. */
export function planItem(p: Json): RoutedItem | undefined {
  const item = obj(p.item, 'item');
  if (item.type !== 'Plan') return undefined;
  const text = str(item.text, 'item.text');
  return text === '' ? undefined : { turnId: str(p.turn_id, 'turn_id'), item: { type: 'plan', id: str(item.id, 'item.id'), text } };
}

function commandAction(v: unknown): CommandAction {
  const a = obj(v, 'parsed_cmd[]');
  const command = str(a.cmd, 'parsed_cmd[].cmd');
  switch (a.type) {
    case 'read':
      return { type: 'read', command, name: str(a.name, 'name'), path: str(a.path, 'path') };
    case 'list_files':
      return { type: 'listFiles', command, path: optStr(a.path, 'path') };
    case 'search':
      return { type: 'search', command, query: optStr(a.query, 'query'), path: optStr(a.path, 'path') };
    case 'unknown':
      return { type: 'unknown', command };
    default:
      throw new InvalidPayload('parsed_cmd[].type is not a parsed command');
  }
}

export function commandItem(p: Json): RoutedItem {
  const argv = list(p.command, 'command').map((w) => str(w, 'command[]'));
  const output = str(p.aggregated_output, 'aggregated_output');
  return {
    turnId: str(p.turn_id, 'turn_id'),
    item: {
      type: 'commandExecution',
      id: str(p.call_id, 'call_id'),
      command: shellJoin(argv),
      cwd: str(p.cwd, 'cwd'),
      processId: optStr(p.process_id, 'process_id'),
      status: oneOf(p.status, ['completed', 'failed', 'declined'] as const, 'status'),
      commandActions: list(p.parsed_cmd, 'parsed_cmd').map(commandAction),
      aggregatedOutput: output === '' ? null : output,
      exitCode: int(p.exit_code, 'exit_code'),
      durationMs: durationMs(p.duration, 'duration'),
    },
  };
}

function fileChange(path: string, v: unknown) {
  const c = obj(v, `changes[${path}]`);
  switch (c.type) {
    case 'add':
    case 'delete':
      return { path, kind: { type: c.type }, diff: str(c.content, 'content') };
    case 'update': {
      const diff = str(c.unified_diff, 'unified_diff');
      const movePath = optStr(c.move_path, 'move_path');
      return { path, kind: { type: 'update' as const, move_path: movePath }, diff: movePath ? `${diff}\n\nMoved to: ${movePath}` : diff };
    }
    default:
      throw new InvalidPayload('a file change has no known type');
  }
}

export function patchItem(p: Json): RoutedItem {
  const changes = Object.entries(obj(p.changes, 'changes'))
    .map(([path, change]) => fileChange(path, change))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const status =
    p.status === undefined || p.status === null
      ? bool(p.success, 'success') ? 'completed' : 'failed'
      : oneOf(p.status, ['completed', 'failed', 'declined'] as const, 'status');
  return {
    turnId: optStr(p.turn_id, 'turn_id') ?? '',
    item: { type: 'fileChange', id: str(p.call_id, 'call_id'), changes, status },
  };
}

export function mcpItem(p: Json): ThreadItem {
  const invocation = obj(p.invocation, 'invocation');
  const outcome = obj(p.result, 'result');
  const ok = outcome.Ok === undefined ? null : obj(outcome.Ok, 'result.Ok');
  const failure = ok ? null : str(outcome.Err, 'result.Err');
  return {
    type: 'mcpToolCall',
    id: str(p.call_id, 'call_id'),
    server: str(invocation.server, 'invocation.server'),
    tool: str(invocation.tool, 'invocation.tool'),
    status: ok && ok.isError !== true ? 'completed' : 'failed',
    arguments: invocation.arguments ?? null,
    result: ok ? { content: list(ok.content, 'result.Ok.content'), structuredContent: ok.structuredContent ?? null } : null,
    error: failure === null ? null : { message: failure },
    durationMs: durationMs(p.duration, 'duration'),
  };
}

function dynamicContent(v: unknown) {
  const c = obj(v, 'content_items[]');
  if (c.type === 'inputText') return { type: 'inputText' as const, text: str(c.text, 'text') };
  if (c.type === 'inputImage') return { type: 'inputImage' as const, imageUrl: str(c.imageUrl ?? c.image_url, 'imageUrl') };
  throw new InvalidPayload('content_items[].type is not a content item');
}

/** The request event is written with camelCase keys, the response with snake_case ones. */
export function dynamicToolRequestItem(p: Json): RoutedItem {
  return {
    turnId: optStr(p.turnId ?? p.turn_id, 'turnId') ?? '',
    item: {
      type: 'dynamicToolCall',
      id: str(p.callId ?? p.call_id, 'callId'),
      tool: str(p.tool, 'tool'),
      arguments: p.arguments ?? null,
      status: 'inProgress',
      contentItems: null,
      success: null,
      durationMs: null,
    },
  };
}

export function dynamicToolResponseItem(p: Json): RoutedItem {
  const success = bool(p.success, 'success');
  return {
    turnId: optStr(p.turn_id, 'turn_id') ?? '',
    item: {
      type: 'dynamicToolCall',
      id: str(p.call_id, 'call_id'),
      tool: str(p.tool, 'tool'),
      arguments: p.arguments ?? null,
      status: success ? 'completed' : 'failed',
      contentItems: list(p.content_items, 'content_items').map(dynamicContent),
      success,
      durationMs: durationMs(p.duration, 'duration'),
    },
  };
}

function webSearchAction(v: unknown) {
  const a = obj(v, 'action');
  switch (a.type) {
    case 'search':
      return {
        type: 'search' as const,
        query: optStr(a.query, 'action.query'),
        queries: a.queries === undefined || a.queries === null ? null : list(a.queries, 'action.queries').map((q) => str(q, 'queries[]')),
      };
    case 'open_page':
      return { type: 'openPage' as const, url: optStr(a.url, 'action.url') };
    case 'find_in_page':
      return { type: 'findInPage' as const, url: optStr(a.url, 'action.url'), pattern: optStr(a.pattern, 'action.pattern') };
    default:
      return { type: 'other' as const };
  }
}

export function webSearchItem(p: Json): ThreadItem {
  return {
    type: 'webSearch',
    id: str(p.call_id, 'call_id'),
    query: str(p.query, 'query'),
    action: p.action === undefined || p.action === null ? null : webSearchAction(p.action),
  };
}

export function imageViewItem(p: Json): ThreadItem {
  return { type: 'imageView', id: str(p.call_id, 'call_id'), path: str(p.path, 'path') };
}

export function imageGenerationItem(p: Json): ThreadItem {
  return {
    type: 'imageGeneration',
    id: str(p.call_id, 'call_id'),
    status: str(p.status, 'status'),
    revisedPrompt: optStr(p.revised_prompt, 'revised_prompt'),
    result: str(p.result, 'result'),
  };
}

const PLAIN_ERRORS = new Set([
  'context_window_exceeded',
  'usage_limit_exceeded',
  'server_overloaded',
  'internal_server_error',
  'unauthorized',
  'bad_request',
  'thread_rollback_failed',
  'sandbox_error',
  'other',
]);
const STATUS_ERRORS = new Set([
  'http_connection_failed',
  'response_stream_connection_failed',
  'response_stream_disconnected',
  'response_too_many_failed_attempts',
]);

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function errorInfo(v: unknown): CodexErrorInfo | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && PLAIN_ERRORS.has(v)) return camel(v) as CodexErrorInfo;
  const [key, ...rest] = Object.keys(obj(v, 'codex_error_info'));
  if (key === undefined || rest.length > 0 || !STATUS_ERRORS.has(key)) throw new InvalidPayload('codex_error_info is not an error kind');
  const status = obj((v as Json)[key], `codex_error_info.${key}`).http_status_code;
  return { [camel(key)]: { httpStatusCode: status === undefined || status === null ? null : int(status, 'http_status_code') } } as CodexErrorInfo;
}

/** The error of an `error` event, and whether it fails the turn (a failed rollback does not). */
export function turnError(p: Json): { failsTurn: boolean; error: TurnError } {
  const info = errorInfo(p.codex_error_info);
  return {
    failsTurn: info !== 'threadRollbackFailed',
    error: { message: str(p.message, 'message'), codexErrorInfo: info, additionalDetails: null },
  };
}

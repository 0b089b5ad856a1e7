/**
 * Responses API items (the reference's `codex_protocol::models::ResponseItem`) in their wire shape:
 * snake_case keys, and tool outputs as the bare string or content-item array the API takes.
 *
 * `parseResponseItem` accepts what serde accepts (unknown keys ignored, an unknown `type` becomes
 * `other`, anything malformed is refused) and keeps the item `id`s the model sent, which the engine
 * uses as thread item ids. `toWireItem` is the reference's serialization for request input: ids
 * dropped, `None` fields omitted or written as `null` field by field, keys in the reference order.
 */

import { isAbsent, isObject, type Json } from './json.ts';

export type ContentItem =
  | { type: 'input_text'; text: string }
  | { type: 'input_image'; image_url: string }
  | { type: 'output_text'; text: string };

export type MessagePhase = 'commentary' | 'final_answer';
export type ImageDetail = 'auto' | 'low' | 'high' | 'original';
export type LocalShellStatus = 'completed' | 'in_progress' | 'incomplete';

export interface ReasoningSummary {
  type: 'summary_text';
  text: string;
}

export type ReasoningContent = { type: 'reasoning_text'; text: string } | { type: 'text'; text: string };

export type FunctionCallOutputContentItem =
  | { type: 'input_text'; text: string }
  | { type: 'input_image'; image_url: string; detail?: ImageDetail };

/** What `function_call_output.output` carries on the wire: plain text or content items. */
export type FunctionCallOutputBody = string | FunctionCallOutputContentItem[];

export interface LocalShellExecAction {
  type: 'exec';
  command: string[];
  timeout_ms: number | null;
  working_directory: string | null;
  env: Record<string, string> | null;
  user: string | null;
}

export type WebSearchAction =
  | { type: 'search'; query?: string; queries?: string[] }
  | { type: 'open_page'; url?: string }
  | { type: 'find_in_page'; url?: string; pattern?: string }
  | { type: 'other' };

export interface GhostCommit {
  id: string;
  parent: string | null;
  preexisting_untracked_files: string[];
  preexisting_untracked_dirs: string[];
}

export type ResponseItem =
  | { type: 'message'; id?: string; role: string; content: ContentItem[]; end_turn?: boolean; phase?: MessagePhase }
  | {
      type: 'reasoning';
      /** The reference defaults a missing id to "". */
      id: string;
      summary: ReasoningSummary[];
      content: ReasoningContent[] | null;
      encrypted_content: string | null;
    }
  | { type: 'local_shell_call'; id?: string; call_id: string | null; status: LocalShellStatus; action: LocalShellExecAction }
  | { type: 'function_call'; id?: string; name: string; arguments: string; call_id: string }
  | { type: 'function_call_output'; call_id: string; output: FunctionCallOutputBody }
  | { type: 'custom_tool_call'; id?: string; status?: string; call_id: string; name: string; input: string }
  | { type: 'custom_tool_call_output'; call_id: string; output: FunctionCallOutputBody }
  | { type: 'web_search_call'; id?: string; status?: string; action?: WebSearchAction }
  | { type: 'image_generation_call'; id: string; status: string; revised_prompt: string | null; result: string }
  | { type: 'ghost_snapshot'; ghost_commit: GhostCommit }
  | { type: 'compaction'; encrypted_content: string }
  | { type: 'other' };

/** Thrown inside the parser only; parseResponseItem turns it into `undefined`. */
const INVALID = Symbol('invalid');

function obj(v: unknown): Json {
  if (!isObject(v)) throw INVALID;
  return v;
}

function str(v: unknown): string {
  if (typeof v !== 'string') throw INVALID;
  return v;
}

function optStr(v: unknown): string | undefined {
  return isAbsent(v) ? undefined : str(v);
}

function optBool(v: unknown): boolean | undefined {
  if (isAbsent(v)) return undefined;
  if (typeof v !== 'boolean') throw INVALID;
  return v;
}

function list<T>(v: unknown, item: (x: unknown) => T): T[] {
  if (!Array.isArray(v)) throw INVALID;
  return v.map(item);
}

function optList<T>(v: unknown, item: (x: unknown) => T): T[] | undefined {
  return isAbsent(v) ? undefined : list(v, item);
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(v as T)) throw INVALID;
  return v as T;
}

function contentItem(v: unknown): ContentItem {
  const o = obj(v);
  switch (o.type) {
    case 'input_text':
    case 'output_text':
      return { type: o.type, text: str(o.text) };
    case 'input_image':
      return { type: 'input_image', image_url: str(o.image_url) };
    default:
      throw INVALID;
  }
}

function outputContentItem(v: unknown): FunctionCallOutputContentItem {
  const o = obj(v);
  if (o.type === 'input_text') return { type: 'input_text', text: str(o.text) };
  if (o.type !== 'input_image') throw INVALID;
  const item: FunctionCallOutputContentItem = { type: 'input_image', image_url: str(o.image_url) };
  if (!isAbsent(o.detail)) item.detail = oneOf(o.detail, ['auto', 'low', 'high', 'original'] as const);
  return item;
}

function outputBody(v: unknown): FunctionCallOutputBody {
  return typeof v === 'string' ? v : list(v, outputContentItem);
}

function summaryPart(v: unknown): ReasoningSummary {
  const o = obj(v);
  if (o.type !== 'summary_text') throw INVALID;
  return { type: 'summary_text', text: str(o.text) };
}

function reasoningContent(v: unknown): ReasoningContent {
  const o = obj(v);
  return { type: oneOf(o.type, ['reasoning_text', 'text'] as const), text: str(o.text) };
}

function execAction(v: unknown): LocalShellExecAction {
  const o = obj(v);
  if (o.type !== 'exec') throw INVALID;
  const timeout = o.timeout_ms;
  if (!isAbsent(timeout) && !(Number.isInteger(timeout) && (timeout as number) >= 0)) throw INVALID;
  let env: Record<string, string> | null = null;
  if (!isAbsent(o.env)) {
    env = {};
    for (const [k, val] of Object.entries(obj(o.env))) env[k] = str(val);
  }
  return {
    type: 'exec',
    command: list(o.command, str),
    timeout_ms: (timeout as number | null | undefined) ?? null,
    working_directory: optStr(o.working_directory) ?? null,
    env,
    user: optStr(o.user) ?? null,
  };
}

function webSearchAction(v: unknown): WebSearchAction {
  const o = obj(v);
  const out: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined) out[key] = value;
  };
  switch (o.type) {
    case 'search':
      put('query', optStr(o.query));
      put('queries', optList(o.queries, str));
      return { type: 'search', ...out };
    case 'open_page':
      put('url', optStr(o.url));
      return { type: 'open_page', ...out };
    case 'find_in_page':
      put('url', optStr(o.url));
      put('pattern', optStr(o.pattern));
      return { type: 'find_in_page', ...out };
    default:
      str(o.type);
      return { type: 'other' };
  }
}

function ghostCommit(v: unknown): GhostCommit {
  const o = obj(v);
  return {
    id: str(o.id),
    parent: optStr(o.parent) ?? null,
    preexisting_untracked_files: list(o.preexisting_untracked_files, str),
    preexisting_untracked_dirs: list(o.preexisting_untracked_dirs, str),
  };
}

/** Sets `key` only when the optional value is present, as `skip_serializing_if = "Option::is_none"`. */
function withOptional<T extends object>(base: T, extra: Record<string, unknown>): T {
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) (base as Record<string, unknown>)[key] = value;
  return base;
}

function parseItem(v: unknown): ResponseItem {
  const o = obj(v);
  switch (o.type) {
    case 'message':
      return withOptional(
        { type: 'message' as const, role: str(o.role), content: list(o.content, contentItem) },
        {
          id: optStr(o.id),
          end_turn: optBool(o.end_turn),
          phase: isAbsent(o.phase) ? undefined : oneOf(o.phase, ['commentary', 'final_answer'] as const),
        },
      );
    case 'reasoning':
      return {
        type: 'reasoning',
        id: optStr(o.id) ?? '',
        summary: list(o.summary, summaryPart),
        content: optList(o.content, reasoningContent) ?? null,
        encrypted_content: optStr(o.encrypted_content) ?? null,
      };
    case 'local_shell_call':
      return withOptional(
        {
          type: 'local_shell_call' as const,
          call_id: optStr(o.call_id) ?? null,
          status: oneOf(o.status, ['completed', 'in_progress', 'incomplete'] as const),
          action: execAction(o.action),
        },
        { id: optStr(o.id) },
      );
    case 'function_call':
      return withOptional(
        { type: 'function_call' as const, name: str(o.name), arguments: str(o.arguments), call_id: str(o.call_id) },
        { id: optStr(o.id) },
      );
    case 'function_call_output':
    case 'custom_tool_call_output':
      return { type: o.type, call_id: str(o.call_id), output: outputBody(o.output) };
    case 'custom_tool_call':
      return withOptional(
        { type: 'custom_tool_call' as const, call_id: str(o.call_id), name: str(o.name), input: str(o.input) },
        { id: optStr(o.id), status: optStr(o.status) },
      );
    case 'web_search_call':
      return withOptional(
        { type: 'web_search_call' as const },
        {
          id: optStr(o.id),
          status: optStr(o.status),
          action: isAbsent(o.action) ? undefined : webSearchAction(o.action),
        },
      );
    case 'image_generation_call':
      return {
        type: 'image_generation_call',
        id: str(o.id),
        status: str(o.status),
        revised_prompt: optStr(o.revised_prompt) ?? null,
        result: str(o.result),
      };
    case 'ghost_snapshot':
      return { type: 'ghost_snapshot', ghost_commit: ghostCommit(o.ghost_commit) };
    case 'compaction':
    case 'compaction_summary':
      return { type: 'compaction', encrypted_content: str(o.encrypted_content) };
    default:
      str(o.type);
      return { type: 'other' };
  }
}

/** The item, or `undefined` where the reference's deserializer would fail (it then drops the event). */
export function parseResponseItem(value: unknown): ResponseItem | undefined {
  try {
    return parseItem(value);
  } catch (err) {
    if (err === INVALID) return undefined;
    throw err;
  }
}

/**
 * The item as the reference writes it into a request's `input`; like it, reasoning `content` is
 * left out when it holds no `reasoning_text` part, and written as `null` when absent.
 */
export function toWireItem(item: ResponseItem): object {
  switch (item.type) {
    case 'message':
      return withOptional({ type: item.type, role: item.role, content: item.content }, { end_turn: item.end_turn, phase: item.phase });
    case 'reasoning': {
      const keepContent = item.content === null || item.content.some((c) => c.type === 'reasoning_text');
      return keepContent
        ? { type: item.type, summary: item.summary, content: item.content, encrypted_content: item.encrypted_content }
        : { type: item.type, summary: item.summary, encrypted_content: item.encrypted_content };
    }
    case 'local_shell_call':
      return { type: item.type, call_id: item.call_id, status: item.status, action: item.action };
    case 'function_call':
      return { type: item.type, name: item.name, arguments: item.arguments, call_id: item.call_id };
    case 'custom_tool_call':
      return withOptional({ type: item.type }, { status: item.status, call_id: item.call_id, name: item.name, input: item.input });
    case 'web_search_call':
      return withOptional({ type: item.type }, { status: item.status, action: item.action });
    default:
      return item;
  }
}

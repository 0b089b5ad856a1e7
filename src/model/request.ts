/**
 * The `POST /responses` request: JSON body with the reference's keys, order and omissions
 * (`tool_choice` is always "auto", `stream` always true, `reasoning` written as null when unset),
 * and the headers the reference sends for a turn.
 */
import type { Endpoint } from './provider.ts';
import { toWireItem, type ResponseItem } from './response-items.ts';

export interface ResponsesRequest {
  model: string;
  instructions: string;
  input: readonly ResponseItem[];
  /** Tool definitions as the API takes them (function, custom, web_search, ...). */
  tools: readonly unknown[];
  parallelToolCalls: boolean;
  reasoning: { effort?: string; summary?: string } | null;
  store: boolean;
  include: readonly string[];
  /** Wire value ("priority" for the `fast` tier, "flex"). */
  serviceTier?: string;
  /** The thread id, in the reference. */
  promptCacheKey?: string;
  text?: {
    verbosity?: string;
    format?: { type: 'json_schema'; strict: boolean; schema: unknown; name: string };
  };
}

export interface TurnHeaders {
  /** The client's name from `initialize` (`clientInfo.name`). */
  originator: string;
  userAgent: string;
  /** `session_id`: the thread id. */
  sessionId?: string;
  /** `x-codex-turn-metadata`: JSON the engine builds (turn id, sandbox). */
  turnMetadata?: string;
  /** `x-codex-turn-state` from an earlier response of the same turn. */
  turnState?: string;
  /** Anything else the engine adds (e.g. `x-openai-subagent`), sent before the credentials. */
  extra?: Readonly<Record<string, string>>;
}

function skipUndefined(value: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value;
}

export function requestBody(request: ResponsesRequest): string {
  return JSON.stringify(
    skipUndefined({
      model: request.model,
      instructions: request.instructions,
      input: request.input.map(toWireItem),
      tools: request.tools,
      tool_choice: 'auto',
      parallel_tool_calls: request.parallelToolCalls,
      reasoning: request.reasoning && skipUndefined({ effort: request.reasoning.effort, summary: request.reasoning.summary }),
      store: request.store,
      stream: true,
      include: request.include,
      service_tier: request.serviceTier,
      prompt_cache_key: request.promptCacheKey,
      text: request.text && skipUndefined({ verbosity: request.text.verbosity, format: request.text.format }),
    }),
  );
}

/** In the order the reference sends them; node writes header names as given. */
export function requestHeaders(endpoint: Endpoint, turn: TurnHeaders): Record<string, string> {
  return skipUndefined({
    ...endpoint.headers,
    'x-codex-turn-metadata': turn.turnMetadata,
    'x-codex-turn-state': turn.turnState,
    session_id: turn.sessionId,
    ...turn.extra,
    authorization: endpoint.bearerToken === undefined ? undefined : `Bearer ${endpoint.bearerToken}`,
    accept: 'text/event-stream',
    'content-type': 'application/json',
    'user-agent': turn.userAgent,
    originator: turn.originator,
  }) as Record<string, string>;
}

/**
 * Turns the JSON payloads of a Responses API event stream into `ModelEvent`s, with the reference's
 * rules: payloads that do not parse are skipped, unknown event types ignored, and a failure
 * (`response.failed`, `response.incomplete`, an unreadable `response.completed`) is only reported
 * when the stream ends, so a later `response.completed` still wins.
 */
import { parseCompleted } from './completed.ts';
import { ModelError } from './errors.ts';
import type { ModelEvent } from './events.ts';
import { isAbsent, isObject, type Json } from './json.ts';
import { parseResponseItem } from './response-items.ts';

const isIndex = (v: unknown): v is number => Number.isInteger(v);
const RETRY_AFTER = /try again in\s*(\d+(?:\.\d+)?)\s*(s|ms|seconds?)/i;
const FAILED = 'response.failed event received';

/**
 * The fields the reference's event struct declares; a payload where one has the wrong type does
 * not deserialize at all, whatever its `type`.
 */
function isWellFormed(ev: Json): boolean {
  return (
    typeof ev.type === 'string' &&
    (isAbsent(ev.delta) || typeof ev.delta === 'string') &&
    (isAbsent(ev.summary_index) || isIndex(ev.summary_index)) &&
    (isAbsent(ev.content_index) || isIndex(ev.content_index))
  );
}

const itemId = (ev: Json) => (typeof ev.item_id === 'string' ? ev.item_id : undefined);

/** `{type, code, message, plan_type, resets_at}`: all optional, but each of the right type. */
function failureError(value: unknown): Json | undefined {
  if (!isObject(value)) return undefined;
  for (const key of ['type', 'code', 'message', 'plan_type'] as const) {
    if (!isAbsent(value[key]) && typeof value[key] !== 'string') return undefined;
  }
  return isAbsent(value.resets_at) || isIndex(value.resets_at) ? value : undefined;
}

/** The delay in "Please try again in 1.2s", only for `rate_limit_exceeded`. */
function retryDelayMs(error: Json): number | undefined {
  if (error.code !== 'rate_limit_exceeded' || typeof error.message !== 'string') return undefined;
  const match = RETRY_AFTER.exec(error.message);
  if (!match) return undefined;
  const value = Number(match[1]);
  return match[2]!.toLowerCase() === 'ms' ? Math.trunc(value) : value * 1000;
}

function failure(response: unknown): ModelError {
  const error = failureError(isObject(response) ? response.error : undefined);
  if (!error) return ModelError.stream(FAILED);
  switch (error.code) {
    case 'context_length_exceeded':
      return ModelError.contextWindowExceeded();
    case 'insufficient_quota':
      return ModelError.quotaExceeded();
    case 'usage_not_included':
      return ModelError.usageNotIncluded();
    case 'invalid_prompt':
      return ModelError.invalidRequest((error.message as string | undefined) ?? 'Invalid request.');
    case 'server_is_overloaded':
    case 'slow_down':
      return ModelError.serverOverloaded();
    default:
      return ModelError.stream((error.message as string | undefined) ?? '', retryDelayMs(error));
  }
}

function incomplete(response: unknown): ModelError {
  const details = isObject(response) ? response.incomplete_details : undefined;
  const reason = isObject(details) && typeof details.reason === 'string' ? details.reason : 'unknown';
  return ModelError.stream(`Incomplete response returned, reason: ${reason}`);
}

/** `openai-model` (or `x-openai-model`) inside the event's `response.headers` or `headers`. */
function modelFromHeaders(headers: unknown): string | undefined {
  if (!isObject(headers)) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower !== 'openai-model' && lower !== 'x-openai-model') continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') return first;
  }
  return undefined;
}

export class EventReader {
  private pendingFailure: ModelError | undefined;
  private lastServerModel: string | undefined;

  /** Appends the events `data` stands for to `out`; a `completed` one means the response is done. */
  read(data: string, out: ModelEvent[]): void {
    let ev: unknown;
    try {
      ev = JSON.parse(data);
    } catch {
      return;
    }
    if (!isObject(ev) || !isWellFormed(ev)) return;
    const response = isAbsent(ev.response) ? undefined : ev.response;
    if (response !== undefined || ev.headers !== undefined) this.noteServerModel(ev, response, out);
    switch (ev.type) {
      case 'response.output_text.delta':
        if (typeof ev.delta === 'string') out.push({ type: 'outputTextDelta', delta: ev.delta, itemId: itemId(ev) });
        return;
      case 'response.reasoning_summary_text.delta':
        if (typeof ev.delta === 'string' && isIndex(ev.summary_index)) {
          out.push({ type: 'reasoningSummaryTextDelta', delta: ev.delta, summaryIndex: ev.summary_index, itemId: itemId(ev) });
        }
        return;
      case 'response.reasoning_text.delta':
        if (typeof ev.delta === 'string' && isIndex(ev.content_index)) {
          out.push({ type: 'reasoningTextDelta', delta: ev.delta, contentIndex: ev.content_index, itemId: itemId(ev) });
        }
        return;
      case 'response.reasoning_summary_part.added':
        if (isIndex(ev.summary_index)) out.push({ type: 'reasoningSummaryPartAdded', summaryIndex: ev.summary_index, itemId: itemId(ev) });
        return;
      case 'response.output_item.added':
      case 'response.output_item.done': {
        const item = isAbsent(ev.item) ? undefined : parseResponseItem(ev.item);
        if (item) out.push({ type: ev.type === 'response.output_item.added' ? 'outputItemAdded' : 'outputItemDone', item });
        return;
      }
      case 'response.created':
        if (response !== undefined) out.push({ type: 'created' });
        return;
      case 'response.completed':
        if (response === undefined) return;
        this.completed(response, out);
        return;
      case 'response.failed':
        if (response !== undefined) this.pendingFailure = failure(response);
        return;
      case 'response.incomplete':
        this.pendingFailure = incomplete(response);
        return;
    }
  }

  /** The error for a stream that ended without `response.completed`. */
  endOfStream(): ModelError {
    return this.pendingFailure ?? ModelError.stream('stream closed before response.completed');
  }

  private completed(response: unknown, out: ModelEvent[]): void {
    const parsed = parseCompleted(response);
    if (parsed.ok) out.push({ type: 'completed', ...parsed.value });
    else this.pendingFailure = ModelError.stream(`failed to parse ResponseCompleted: ${parsed.error}`);
  }

  private noteServerModel(ev: Json, response: unknown, out: ModelEvent[]): void {
    const model = modelFromHeaders(isObject(response) ? response.headers : undefined) ?? modelFromHeaders(ev.headers);
    if (model === undefined || model === this.lastServerModel) return;
    this.lastServerModel = model;
    out.push({ type: 'serverModel', model });
  }
}

/**
 * Model-provider failures as values. `message` is the text clients of the reference see (in the
 * `error` notification and the failed turn), `codexErrorInfo` the protocol classification, and
 * `retryable` whether the reference spends a stream retry ("Reconnecting... n/m") on it.
 */
import type { CodexErrorInfo } from '../protocol/v2/turn.ts';
import { isAbsent, isObject, type Json } from './json.ts';
import { header, rateLimitForLimit, promoMessage, type RateLimitSnapshot, type ResponseHeaders } from './rate-limits.ts';
import { statusText } from './status-text.ts';
import { usageLimitMessage } from './usage-limit.ts';

export type ModelErrorKind =
  /** The stream failed or ended before `response.completed`, or the request could not be sent. */
  | 'stream'
  | 'contextWindowExceeded'
  | 'quotaExceeded'
  | 'usageNotIncluded'
  | 'usageLimitReached'
  | 'serverOverloaded'
  /** HTTP 500. */
  | 'internalServerError'
  /** HTTP 429 other than a usage limit (retried at request level while retries last). */
  | 'retryLimit'
  | 'unexpectedStatus'
  | 'invalidRequest'
  /** HTTP 400 about an image in the input; the engine should drop the image from history. */
  | 'invalidImage'
  | 'missingEnvVar';

const RETRYABLE: ReadonlySet<ModelErrorKind> = new Set(['stream', 'internalServerError', 'unexpectedStatus']);

export interface ModelErrorDetails {
  httpStatus?: number;
  /** Delay the server asked for ("try again in 1.2s"), used instead of the backoff. */
  retryDelayMs?: number;
  /** The limit that was hit, for an `account/rateLimits/updated` notification. */
  rateLimits?: RateLimitSnapshot;
}

export class ModelError extends Error {
  readonly httpStatus: number | undefined;
  readonly retryDelayMs: number | undefined;
  readonly rateLimits: RateLimitSnapshot | undefined;

  constructor(
    readonly kind: ModelErrorKind,
    message: string,
    details: ModelErrorDetails = {},
  ) {
    super(message);
    this.name = 'ModelError';
    this.httpStatus = details.httpStatus;
    this.retryDelayMs = details.retryDelayMs;
    this.rateLimits = details.rateLimits;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }

  get codexErrorInfo(): CodexErrorInfo {
    switch (this.kind) {
      case 'contextWindowExceeded':
        return 'contextWindowExceeded';
      case 'quotaExceeded':
      case 'usageNotIncluded':
      case 'usageLimitReached':
        return 'usageLimitExceeded';
      case 'serverOverloaded':
        return 'serverOverloaded';
      case 'internalServerError':
        return 'internalServerError';
      case 'retryLimit':
        return { responseTooManyFailedAttempts: { httpStatusCode: this.httpStatus ?? null } };
      case 'invalidImage':
        return 'badRequest';
      default:
        return 'other';
    }
  }

  static stream(detail: string, retryDelayMs?: number): ModelError {
    return new ModelError('stream', `stream disconnected before completion: ${detail}`, { retryDelayMs });
  }
  static contextWindowExceeded(): ModelError {
    return new ModelError(
      'contextWindowExceeded',
      "Codex ran out of room in the model's context window. Start a new thread or clear earlier history before retrying.",
    );
  }
  static quotaExceeded(): ModelError {
    return new ModelError('quotaExceeded', 'Quota exceeded. Check your plan and billing details.');
  }
  static usageNotIncluded(): ModelError {
    return new ModelError('usageNotIncluded', 'To use Codex with your ChatGPT plan, upgrade to Plus: https://chatgpt.com/explore/plus.');
  }
  static serverOverloaded(): ModelError {
    return new ModelError('serverOverloaded', 'Selected model is at capacity. Please try a different model.');
  }
  static invalidRequest(message: string): ModelError {
    return new ModelError('invalidRequest', message);
  }
  static missingEnvVar(name: string, instructions?: string): ModelError {
    return new ModelError('missingEnvVar', `Missing environment variable: \`${name}\`.${instructions ? ` ${instructions}` : ''}`);
  }
}

/** The `error` notification the reference sends before each stream retry. */
export function reconnectingError(attempt: number, max: number, cause: ModelError) {
  return {
    message: `Reconnecting... ${attempt}/${max}`,
    codexErrorInfo: { responseStreamDisconnected: { httpStatusCode: cause.httpStatus ?? null } } satisfies CodexErrorInfo,
    additionalDetails: cause.message,
  };
}

const UNEXPECTED_BODY_MAX_BYTES = 1000;
const INVALID_IMAGE_TEXT = 'The image data you provided does not represent a valid image';
const CLOUDFLARE_BLOCKED = 'Access blocked by Cloudflare. This usually happens when connecting from a restricted region';

function parseObject(text: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function errorField(body: Json | undefined, key: string): unknown {
  const error = body?.error;
  return isObject(error) ? error[key] : undefined;
}

/** `error.message` when the body is JSON carrying one, else the body cut to 1000 bytes. */
function displayBody(body: string, parsed: Json | undefined): string {
  const message = errorField(parsed, 'message');
  if (typeof message === 'string' && message.trim()) return message.trim();
  const trimmed = body.trim();
  if (!trimmed) return 'Unknown error';
  const bytes = Buffer.from(trimmed);
  if (bytes.length <= UNEXPECTED_BODY_MAX_BYTES) return trimmed;
  let cut = UNEXPECTED_BODY_MAX_BYTES;
  while (cut > 0 && (bytes[cut]! & 0xc0) === 0x80) cut--;
  return `${bytes.subarray(0, cut).toString()}...`;
}

function requestId(headers: ResponseHeaders): string | undefined {
  return header(headers, 'x-request-id') ?? header(headers, 'x-oai-request-id');
}

/** 429 bodies of type `usage_limit_reached`/`usage_not_included`; anything malformed is no match. */
function usageError(status: number, parsed: Json | undefined, headers: ResponseHeaders): ModelError | undefined {
  const error = parsed?.error;
  if (!isObject(error)) return undefined;
  const { type, plan_type: plan, resets_at: resetsAt } = error;
  const optional = (v: unknown, ok: boolean) => isAbsent(v) || ok;
  if (!optional(type, typeof type === 'string') || !optional(plan, typeof plan === 'string')) return undefined;
  if (!optional(resetsAt, Number.isInteger(resetsAt))) return undefined;
  if (type === 'usage_not_included') return ModelError.usageNotIncluded();
  if (type !== 'usage_limit_reached') return undefined;
  const rateLimits = rateLimitForLimit(headers, header(headers, 'x-codex-active-limit'));
  const message = usageLimitMessage({
    planType: (plan as string | null | undefined) ?? null,
    resetsAt: (resetsAt as number | null | undefined) ?? null,
    limitName: rateLimits.limitId !== 'codex' ? rateLimits.limitName : null,
    promoMessage: promoMessage(headers),
  });
  return new ModelError('usageLimitReached', message, { httpStatus: status, rateLimits });
}

/** A non-success HTTP answer, mapped as the reference's `map_api_error` does. */
export function httpError(status: number, headers: ResponseHeaders, body: string, url: string): ModelError {
  const parsed = parseObject(body);
  const code = errorField(parsed, 'code');
  if (status === 503 && (code === 'server_is_overloaded' || code === 'slow_down')) return ModelError.serverOverloaded();
  if (status === 400) {
    if (body.includes(INVALID_IMAGE_TEXT)) {
      return new ModelError('invalidImage', 'Invalid image in your last message. Please remove it and try again.', { httpStatus: status });
    }
    return ModelError.invalidRequest(body);
  }
  if (status === 500) return new ModelError('internalServerError', "We're currently experiencing high demand, which may cause temporary errors.");
  if (status === 429) {
    const usage = usageError(status, parsed, headers);
    if (usage) return usage;
    const id = requestId(headers) ?? header(headers, 'cf-ray');
    return new ModelError('retryLimit', `exceeded retry limit, last status: ${statusText(status)}${id ? `, request id: ${id}` : ''}`, {
      httpStatus: status,
    });
  }
  const cfRay = header(headers, 'cf-ray');
  const id = requestId(headers);
  const suffix = `, url: ${url}${cfRay ? `, cf-ray: ${cfRay}` : ''}${id ? `, request id: ${id}` : ''}`;
  const blocked = status === 403 && body.includes('Cloudflare') && body.includes('blocked');
  const message = blocked
    ? `${CLOUDFLARE_BLOCKED} (status ${statusText(status)})${suffix}`
    : `unexpected status ${statusText(status)}: ${displayBody(body, parsed)}${suffix}`;
  return new ModelError('unexpectedStatus', message, { httpStatus: status });
}

/**
 * One model round trip of a turn: `POST {base_url}/responses`, streamed back as `ModelEvent`s.
 *
 * Failures end the iteration with a `ModelError`. Retryable ones (stream cut, idle timeout,
 * `response.failed`, 500, other unexpected statuses, connection errors) are first retried up to
 * `stream_max_retries` times by re-sending the whole request, announced by a `retrying` event; the
 * delay is the backoff or the one the server asked for. Aborting `signal` stops everything at once
 * and rejects with the signal's reason.
 */
import type { IncomingMessage } from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import type { ModelProvider } from '../config/index.ts';
import { backoffMs, sleep } from './backoff.ts';
import { ModelError } from './errors.ts';
import { EventReader } from './event-reader.ts';
import type { ModelEvent } from './events.ts';
import { send } from './http.ts';
import { responsesEndpoint, type Login } from './provider.ts';
import { header, rateLimitUpdates } from './rate-limits.ts';
import { requestBody, requestHeaders, type ResponsesRequest, type TurnHeaders } from './request.ts';
import { SseParser } from './sse.ts';

export interface StreamOptions extends TurnHeaders {
  signal: AbortSignal;
  /** For the provider's `env_key` and `env_http_headers`. */
  env: Readonly<Record<string, string | undefined>>;
  login?: Login;
}

const IDLE = new Error('idle timeout');

/**
 * Fires when no event arrived for `ms`, as the reference's timeout around each read of the next
 * event. Time the consumer spends on an event is paused out: the reference reads ahead into a
 * buffer, so a slow consumer never looks like a silent server there.
 */
class IdleTimer {
  private last = performance.now();
  private paused = false;
  private timer: NodeJS.Timeout;

  constructor(
    private readonly ms: number,
    private readonly onIdle: () => void,
  ) {
    this.timer = setTimeout(this.check, ms);
  }

  /** An event arrived (even one that yields nothing). */
  touch(): void {
    this.last = performance.now();
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.last = performance.now();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private readonly check = () => {
    const idle = this.paused ? 0 : performance.now() - this.last;
    if (idle >= this.ms) this.onIdle();
    else this.timer = setTimeout(this.check, this.ms - idle);
  };
}

function* headerEvents(response: IncomingMessage): Generator<ModelEvent> {
  const { headers } = response;
  const model = header(headers, 'openai-model');
  if (model !== undefined) yield { type: 'serverModel', model };
  for (const snapshot of rateLimitUpdates(headers)) yield { type: 'rateLimits', snapshot };
  const etag = header(headers, 'x-models-etag')?.trim();
  if (etag) yield { type: 'modelsEtag', etag };
  if (headers['x-reasoning-included'] !== undefined) yield { type: 'serverReasoningIncluded' };
  const turnState = header(headers, 'x-codex-turn-state');
  if (turnState !== undefined) yield { type: 'turnState', value: turnState };
}

async function* readEvents(response: IncomingMessage, idleMs: number, signal: AbortSignal): AsyncGenerator<ModelEvent> {
  const decoder = new StringDecoder('utf8');
  const parser = new SseParser();
  const reader = new EventReader();
  const events: ModelEvent[] = [];
  const idle = new IdleTimer(idleMs, () => response.destroy(IDLE));
  const onAbort = () => response.destroy(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of response) {
      for (const data of parser.feed(decoder.write(chunk as Buffer))) {
        idle.touch();
        reader.read(data, events);
        for (const event of events) {
          idle.pause();
          yield event;
          idle.resume();
          if (event.type === 'completed') return;
        }
        events.length = 0;
      }
    }
  } catch (err) {
    if (signal.aborted) throw signal.reason;
    if (err === IDLE) throw ModelError.stream('idle timeout waiting for SSE');
    throw ModelError.stream('Transport error: network error: error decoding response body');
  } finally {
    idle.stop();
    signal.removeEventListener('abort', onAbort);
  }
  throw reader.endOfStream();
}

export async function* streamResponses(
  provider: ModelProvider,
  request: ResponsesRequest,
  options: StreamOptions,
): AsyncGenerator<ModelEvent, void, undefined> {
  const { signal } = options;
  const endpoint = responsesEndpoint(provider, options.env, options.login);
  const headers = requestHeaders(endpoint, options);
  const body = requestBody(request);
  const max = provider.streamMaxRetries;
  for (let retries = 0; ; ) {
    try {
      const response = await send(endpoint.url, headers, body, provider.requestMaxRetries, signal);
      try {
        for (const event of headerEvents(response)) {
          // A retry within this round trip belongs to the same turn, so it carries the state too.
          if (event.type === 'turnState') headers['x-codex-turn-state'] ??= event.value;
          yield event;
        }
        yield* readEvents(response, provider.streamIdleTimeoutMs, signal);
      } finally {
        response.destroy();
      }
      return;
    } catch (err) {
      if (signal.aborted) throw signal.reason;
      if (!(err instanceof ModelError) || !err.retryable || retries >= max) throw err;
      retries++;
      const delayMs = err.retryDelayMs ?? backoffMs(retries);
      yield { type: 'retrying', attempt: retries, max, delayMs, error: err };
      await sleep(delayMs, signal);
    }
  }
}

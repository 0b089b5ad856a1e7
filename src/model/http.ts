/**
 * Sending the request, with request-level retries: connection failures, 5xx and 429 answers are
 * retried silently up to `request_max_retries` times with backoff, or after the server's
 * Retry-After when it gives one (the reference never retries 429 and ignores Retry-After); a usage
 * limit and other statuses fail at once. node:http rather than fetch: no hidden body/header timeouts (undici's 300 s
 * would cut long streams the reference keeps), node streams for the hot read path, and the
 * connect/reset errors visible for the reference's texts.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { backoffMs, retryAfterMs, sleep } from './backoff.ts';
import { httpError, ModelError } from './errors.ts';

type Sent = { ok: true; response: IncomingMessage } | { ok: false; error: ModelError; retryable: boolean };

/** One POST, settled when the response headers arrive, whatever the status. */
function post(rawUrl: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<Sent> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return Promise.resolve({ ok: false, error: ModelError.stream('builder error'), retryable: false });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.resolve({ ok: false, error: ModelError.stream(`builder error for url (${url.href})`), retryable: false });
  }
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, signal });
    request.on('response', (response) => {
      // Errors after this point surface through the response stream; this keeps one that fires
      // before the reader attaches from becoming an uncaught exception.
      response.on('error', () => {});
      resolve({ ok: true, response });
    });
    request.on('error', () => {
      if (signal.aborted) reject(signal.reason);
      else resolve({ ok: false, error: ModelError.stream(`error sending request for url (${url.href})`), retryable: true });
    });
    request.end(body);
  });
}

/** The whole body as text; a body that breaks off reads as empty, as in the reference. */
async function readText(response: IncomingMessage, signal: AbortSignal): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of response) chunks.push(chunk as Buffer);
  } catch {
    if (signal.aborted) throw signal.reason;
    return '';
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The response of the first attempt answered 2xx; otherwise throws the last attempt's `ModelError`. */
export async function send(
  url: string,
  headers: Record<string, string>,
  body: string,
  maxRetries: number,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  for (let attempt = 0; ; attempt++) {
    const sent = await post(url, headers, body, signal);
    let error: ModelError;
    let retryable: boolean;
    let delay: number | undefined;
    if (sent.ok) {
      const { response } = sent;
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) return response;
      error = httpError(status, response.headers, await readText(response, signal), url);
      retryable = (status >= 500 && status < 600) || error.kind === 'retryLimit';
      delay = retryAfterMs(response.headers['retry-after']);
    } else {
      ({ error, retryable } = sent);
    }
    if (!retryable || attempt >= maxRetries) throw error;
    await sleep(delay ?? backoffMs(attempt + 1), signal);
  }
}

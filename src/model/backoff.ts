/**
 * The reference's retry delay, for both request and stream retries: 200 ms doubled per attempt
 * (attempt 1 → 200 ms, 2 → 400 ms, ...), times a random factor in [0.9, 1.1), no upper bound.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = 200 * 2 ** Math.max(attempt - 1, 0);
  return Math.trunc(base * (0.9 + random() * 0.2));
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Longest wait a server's Retry-After may impose on one retry. */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * A Retry-After header in milliseconds (delta-seconds or an HTTP date), capped; undefined when
 * absent or unreadable. The reference ignores this header; Weft honours it.
 */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value.trim());
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

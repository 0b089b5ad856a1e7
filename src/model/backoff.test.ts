import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffMs, retryAfterMs, sleep } from './backoff.ts';

test('200 ms doubling per attempt, with ±10% jitter', () => {
  assert.deepEqual([1, 2, 3, 4].map((n) => backoffMs(n, () => 0.5)), [200, 400, 800, 1600]);
  assert.equal(backoffMs(1, () => 0), 180);
  assert.equal(backoffMs(3, () => 0.999999), 879);
  for (let i = 0; i < 100; i++) {
    const delay = backoffMs(2);
    assert.ok(delay >= 360 && delay < 440, String(delay));
  }
});

test('sleep rejects with the abort reason at once', async () => {
  const controller = new AbortController();
  const started = performance.now();
  const pending = sleep(10_000, controller.signal);
  controller.abort(new Error('interrupted'));
  await assert.rejects(pending, /interrupted/);
  assert.ok(performance.now() - started < 1000);
  await assert.rejects(sleep(1, controller.signal), /interrupted/);
});

test('Retry-After is read as seconds or an HTTP date, capped, and ignored when unreadable', () => {
  assert.equal(retryAfterMs('2'), 2000);
  assert.equal(retryAfterMs(['0.5']), 500);
  assert.equal(retryAfterMs('Thu, 26 Nov 2026 00:00:10 GMT', Date.parse('Thu, 26 Nov 2026 00:00:00 GMT')), 10_000);
  assert.equal(retryAfterMs('3600'), 60_000);
  assert.equal(retryAfterMs('soon'), undefined);
  assert.equal(retryAfterMs(undefined), undefined);
});

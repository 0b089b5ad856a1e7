import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeUsage } from './usage-payload.ts';

const window = (used: number, seconds: number, resetAt: number) => ({ used_percent: used, limit_window_seconds: seconds, reset_after_seconds: 1, reset_at: resetAt });

test('the main limit, credits and additional limits, as the reference maps them', () => {
  const decoded = decodeUsage(JSON.stringify({
    plan_type: 'pro',
    rate_limit: { allowed: true, limit_reached: false, primary_window: window(42, 3600, 100), secondary_window: window(5, 86400, 200) },
    credits: { has_credits: true, unlimited: false, balance: '12.5' },
    additional_rate_limits: [{ limit_name: 'Spark', metered_feature: 'codex_bengalfox', rate_limit: { allowed: true, limit_reached: false, primary_window: window(10, 18000, 300), secondary_window: null } }],
  }));
  assert.ok(decoded.ok);
  const main = {
    limitId: 'codex', limitName: null, planType: 'pro',
    primary: { usedPercent: 42, windowDurationMins: 60, resetsAt: 100 },
    secondary: { usedPercent: 5, windowDurationMins: 1440, resetsAt: 200 },
    credits: { hasCredits: true, unlimited: false, balance: '12.5' },
  };
  assert.deepEqual(decoded.response, {
    rateLimits: main,
    rateLimitsByLimitId: {
      codex: main,
      codex_bengalfox: {
        limitId: 'codex_bengalfox', limitName: 'Spark', planType: 'pro', credits: null,
        primary: { usedPercent: 10, windowDurationMins: 300, resetsAt: 300 }, secondary: null,
      },
    },
  });
});

test('window lengths round up to minutes; a non-positive one is unknown', () => {
  const decoded = decodeUsage(JSON.stringify({ plan_type: 'plus', rate_limit: { allowed: true, limit_reached: false, primary_window: window(1, 61, 5), secondary_window: window(1, 0, 5) } }));
  assert.ok(decoded.ok);
  assert.equal(decoded.response.rateLimits.primary?.windowDurationMins, 2);
  assert.equal(decoded.response.rateLimits.secondary?.windowDurationMins, null);
});

test('backend plans map onto the account plans: education is edu, the rest unknown', () => {
  const plan = (p: string) => {
    const d = decodeUsage(JSON.stringify({ plan_type: p }));
    return d.ok ? d.response.rateLimits.planType : d.detail;
  };
  assert.equal(plan('education'), 'edu');
  assert.equal(plan('team'), 'team');
  for (const p of ['guest', 'free_workspace', 'quorum', 'k12']) assert.equal(plan(p), 'unknown');
});

test('an additional limit keyed "codex" replaces the main one in the map only', () => {
  const decoded = decodeUsage(JSON.stringify({ plan_type: 'go', additional_rate_limits: [{ limit_name: 'X', metered_feature: 'codex', rate_limit: null }] }));
  assert.ok(decoded.ok);
  assert.equal(decoded.response.rateLimits.limitName, null);
  assert.equal(decoded.response.rateLimitsByLimitId?.codex?.limitName, 'X');
});

test('undecodable bodies are refused in serde words', () => {
  const detail = (body: string) => {
    const d = decodeUsage(body);
    return d.ok ? 'decoded' : d.detail;
  };
  assert.equal(detail('{"data":[]}'), 'missing field `plan_type`');
  assert.equal(detail('<html>'), 'expected value');
  assert.match(detail('{"plan_type":"nope"}'), /^unknown variant `nope`, expected one of `guest`, `free`/);
  assert.equal(
    detail(JSON.stringify({ plan_type: 'pro', rate_limit: { allowed: true, limit_reached: false, primary_window: window(5.6, 1, 1) } })),
    'invalid type: floating point `5.6`, expected i32',
  );
  assert.equal(
    detail(JSON.stringify({ plan_type: 'pro', rate_limit: { allowed: true, limit_reached: false, primary_window: window(1, 1, 5_000_000_000) } })),
    'invalid value: integer `5000000000`, expected i32',
  );
  assert.equal(detail(JSON.stringify({ plan_type: 'k12', rate_limit: { primary_window: null } })), 'missing field `allowed`');
});

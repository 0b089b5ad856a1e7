import { bool, enumOf, invalidType, nullable, seq, str, struct, type Infer, type Schema } from '../../config/schema.ts';
import type { GetAccountRateLimitsResponse, RateLimitSnapshot, RateLimitWindow } from '../../protocol/index.ts';
import { accountPlanType } from './account.ts';

/*
 * The body of ChatGPT's usage endpoint, checked as strictly as the reference decodes it (its
 * refusals name the first problem in serde's words) and turned into `account/rateLimits/read`'s
 * answer.
 */

const I32_MIN = -(2 ** 31);
const I32_MAX = 2 ** 31 - 1;

const i32: Schema<number> = {
  expected: 'i32',
  check(value, path) {
    if (!Number.isInteger(value)) return invalidType(value, 'i32', path);
    const n = value as number;
    return n < I32_MIN || n > I32_MAX ? { path, detail: `invalid value: integer \`${n}\`, expected i32` } : undefined;
  },
};

const BACKEND_PLANS = ['guest', 'free', 'go', 'plus', 'pro', 'free_workspace', 'team', 'business', 'education', 'quorum', 'k12', 'enterprise', 'edu'] as const;

const windowSnapshot = struct(
  'RateLimitWindowSnapshot',
  { used_percent: i32, limit_window_seconds: i32, reset_after_seconds: i32, reset_at: i32 },
  { required: ['used_percent', 'limit_window_seconds', 'reset_after_seconds', 'reset_at'] },
);

const statusDetails = struct(
  'RateLimitStatusDetails',
  { allowed: bool, limit_reached: bool, primary_window: nullable(windowSnapshot), secondary_window: nullable(windowSnapshot) },
  { required: ['allowed', 'limit_reached'] },
);

const creditDetails = struct('CreditStatusDetails', { has_credits: bool, unlimited: bool, balance: nullable(str) }, { required: ['has_credits', 'unlimited'] });

const additionalLimit = struct(
  'AdditionalRateLimitDetails',
  { limit_name: str, metered_feature: str, rate_limit: nullable(statusDetails) },
  { required: ['limit_name', 'metered_feature'] },
);

const usagePayload = struct(
  'RateLimitStatusPayload',
  {
    plan_type: enumOf(BACKEND_PLANS),
    rate_limit: nullable(statusDetails),
    credits: nullable(creditDetails),
    additional_rate_limits: nullable(seq(additionalLimit)),
  },
  { required: ['plan_type'] },
);

type UsagePayload = Infer<typeof usagePayload>;
type StatusDetails = Infer<typeof statusDetails>;
type WindowSnapshot = Infer<typeof windowSnapshot>;

export type DecodedUsage = { ok: true; response: GetAccountRateLimitsResponse } | { ok: false; detail: string };

/** `body` decoded, or the reason in serde's words (without the position serde appends). */
export function decodeUsage(body: string): DecodedUsage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, detail: 'expected value' };
  }
  const issue = usagePayload.check(json, []);
  if (issue) return { ok: false, detail: issue.detail };
  return { ok: true, response: rateLimitsResponse(json as UsagePayload) };
}

/** The main limit is "codex"; each additional one is keyed by its metered feature, a later one winning. */
function rateLimitsResponse(payload: UsagePayload): GetAccountRateLimitsResponse {
  const planType = payload.plan_type === 'education' ? 'edu' : accountPlanType(payload.plan_type);
  const snapshot = (limitId: string, limitName: string | null, details: StatusDetails | null | undefined): RateLimitSnapshot => ({
    limitId,
    limitName,
    primary: rateWindow(details?.primary_window),
    secondary: rateWindow(details?.secondary_window),
    credits: null,
    planType,
  });
  const credits = payload.credits;
  const main: RateLimitSnapshot = {
    ...snapshot('codex', null, payload.rate_limit),
    credits: credits ? { hasCredits: credits.has_credits, unlimited: credits.unlimited, balance: credits.balance ?? null } : null,
  };
  const all = [main, ...(payload.additional_rate_limits ?? []).map((a) => snapshot(a.metered_feature, a.limit_name, a.rate_limit))];
  const byId: Record<string, RateLimitSnapshot> = {};
  for (const s of all) byId[s.limitId!] = s;
  return { rateLimits: main, rateLimitsByLimitId: byId };
}

function rateWindow(w: WindowSnapshot | null | undefined): RateLimitWindow | null {
  if (!w) return null;
  // Whole minutes, rounded up; a non-positive length is unknown.
  const windowDurationMins = w.limit_window_seconds > 0 ? Math.ceil(w.limit_window_seconds / 60) : null;
  return { usedPercent: w.used_percent, windowDurationMins, resetsAt: w.reset_at };
}

import type { RateLimitSnapshot as ModelRateLimits } from '../model/index.ts';
import type { RateLimitSnapshot } from '../protocol/index.ts';

/** The v2 shape of a rate-limit snapshot: percentages are whole numbers on the wire. */
export function rateLimitsView(snapshot: ModelRateLimits): RateLimitSnapshot {
  const window = (w: ModelRateLimits['primary']) =>
    w && { usedPercent: Math.round(w.usedPercent), windowDurationMins: w.windowMinutes, resetsAt: w.resetsAt };
  return {
    limitId: snapshot.limitId,
    limitName: snapshot.limitName,
    primary: window(snapshot.primary),
    secondary: window(snapshot.secondary),
    credits: snapshot.credits,
    planType: null,
  };
}

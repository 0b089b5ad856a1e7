/**
 * The text the reference shows for HTTP 429 `usage_limit_reached`: what to do next depends on the
 * plan, on which metered limit was hit and on a server promo message; the reset time is printed in
 * the server's local time zone.
 */
export interface UsageLimit {
  planType: string | null;
  /** Unix seconds. */
  resetsAt: number | null;
  /** Display name of the metered limit hit, when it is not the default `codex` one. */
  limitName: string | null;
  promoMessage: string | null;
}

const HIT = "You've hit your usage limit";
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function daySuffix(day: number): string {
  if (day >= 11 && day <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

/** chrono `%-I:%M %p` today, `%b %-d<suffix>, %Y %-I:%M %p` on another day. */
export function formatResetTime(resetsAt: Date, now: Date): string {
  const hour = resetsAt.getHours();
  const time = `${hour % 12 || 12}:${String(resetsAt.getMinutes()).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
  const sameDay =
    resetsAt.getFullYear() === now.getFullYear() && resetsAt.getMonth() === now.getMonth() && resetsAt.getDate() === now.getDate();
  if (sameDay) return time;
  const day = resetsAt.getDate();
  return `${MONTHS[resetsAt.getMonth()]} ${day}${daySuffix(day)}, ${resetsAt.getFullYear()} ${time}`;
}

export function usageLimitMessage(limit: UsageLimit, now: Date = new Date()): string {
  const at = limit.resetsAt === null ? null : formatResetTime(new Date(limit.resetsAt * 1000), now);
  const orTryAgain = at === null ? ' or try again later.' : ` or try again at ${at}.`;
  if (limit.limitName !== null) return `${HIT} for ${limit.limitName}. Switch to another model now,${orTryAgain}`;
  if (limit.promoMessage !== null) return `${HIT}. ${limit.promoMessage},${orTryAgain}`;
  switch (limit.planType) {
    case 'plus':
      return `${HIT}. Upgrade to Pro (https://chatgpt.com/explore/pro), visit https://chatgpt.com/codex/settings/usage to purchase more credits${orTryAgain}`;
    case 'free':
    case 'go':
      return `${HIT}. Upgrade to Plus to continue using Codex (https://chatgpt.com/explore/plus),${orTryAgain}`;
    case 'pro':
      return `${HIT}. Visit https://chatgpt.com/codex/settings/usage to purchase more credits${orTryAgain}`;
    case 'team':
    case 'business':
      return `${HIT}. To get more access now, send a request to your admin${orTryAgain}`;
    default:
      return `${HIT}.${at === null ? ' Try again later.' : ` Try again at ${at}.`}`;
  }
}

/**
 * Codex rate-limit headers (`x-codex-primary-used-percent`, `x-<limit>-secondary-reset-at`,
 * `x-codex-credits-*`, ...) as the reference reads them from every model response. `usedPercent`
 * stays a float here; the v2 protocol rounds it to an integer.
 */
export type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

export interface RateLimitWindow {
  usedPercent: number;
  windowMinutes: number | null;
  resetsAt: number | null;
}

export interface CreditsSnapshot {
  hasCredits: boolean;
  unlimited: boolean;
  balance: string | null;
}

export interface RateLimitSnapshot {
  /** `codex`, or another metered limit such as `codex_bengalfox`. */
  limitId: string;
  limitName: string | null;
  primary: RateLimitWindow | null;
  secondary: RateLimitWindow | null;
  credits: CreditsSnapshot | null;
}

const PRIMARY_USED_SUFFIX = '-primary-used-percent';
/** Rust's `f64::from_str` grammar: no surrounding blanks, no hex, unlike `Number()`. */
const RUST_FLOAT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;
const RUST_INT = /^[+-]?\d+$/;

export function header(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function float(headers: ResponseHeaders, name: string): number | undefined {
  const raw = header(headers, name);
  if (raw === undefined || !RUST_FLOAT.test(raw)) return undefined;
  const value = Number(raw.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity'));
  return Number.isFinite(value) ? value : undefined;
}

function int(headers: ResponseHeaders, name: string): number | undefined {
  const raw = header(headers, name);
  return raw !== undefined && RUST_INT.test(raw) ? Number(raw) : undefined;
}

function bool(headers: ResponseHeaders, name: string): boolean | undefined {
  const raw = header(headers, name);
  if (raw === undefined) return undefined;
  if (raw === '1' || raw.toLowerCase() === 'true') return true;
  if (raw === '0' || raw.toLowerCase() === 'false') return false;
  return undefined;
}

function trimmed(headers: ResponseHeaders, name: string): string | null {
  const value = header(headers, name)?.trim();
  return value ? value : null;
}

/** A window whose numbers are all zero counts as absent, as in the reference. */
function window(headers: ResponseHeaders, prefix: string): RateLimitWindow | null {
  const usedPercent = float(headers, `${prefix}-used-percent`);
  if (usedPercent === undefined) return null;
  const windowMinutes = int(headers, `${prefix}-window-minutes`) ?? null;
  const resetsAt = int(headers, `${prefix}-reset-at`) ?? null;
  const hasData = usedPercent !== 0 || (windowMinutes !== null && windowMinutes !== 0) || resetsAt !== null;
  return hasData ? { usedPercent, windowMinutes, resetsAt } : null;
}

function credits(headers: ResponseHeaders): CreditsSnapshot | null {
  const hasCredits = bool(headers, 'x-codex-credits-has-credits');
  const unlimited = bool(headers, 'x-codex-credits-unlimited');
  if (hasCredits === undefined || unlimited === undefined) return null;
  return { hasCredits, unlimited, balance: trimmed(headers, 'x-codex-credits-balance') };
}

const normalizeLimitId = (name: string) => name.trim().toLowerCase().replaceAll('-', '_');

/** The snapshot for one limit family; `codex` when `limitId` is absent or blank. Never absent itself. */
export function rateLimitForLimit(headers: ResponseHeaders, limitId?: string): RateLimitSnapshot {
  const family = (limitId?.trim() || 'codex').toLowerCase().replaceAll('_', '-');
  const prefix = `x-${family}`;
  return {
    limitId: normalizeLimitId(family),
    limitName: trimmed(headers, `${prefix}-limit-name`),
    primary: window(headers, `${prefix}-primary`),
    secondary: window(headers, `${prefix}-secondary`),
    credits: credits(headers),
  };
}

/**
 * What a response's headers report: always the `codex` snapshot (even when empty), then every other
 * limit family that carries data, ordered by id.
 */
export function rateLimitUpdates(headers: ResponseHeaders): RateLimitSnapshot[] {
  const others = new Set<string>();
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    if (!lower.startsWith('x-') || !lower.endsWith(PRIMARY_USED_SUFFIX)) continue;
    const id = normalizeLimitId(lower.slice(2, -PRIMARY_USED_SUFFIX.length));
    if (id !== 'codex') others.add(id);
  }
  const snapshots = [rateLimitForLimit(headers)];
  for (const id of [...others].sort()) {
    const snapshot = rateLimitForLimit(headers, id);
    if (snapshot.primary || snapshot.secondary || snapshot.credits) snapshots.push(snapshot);
  }
  return snapshots;
}

export function promoMessage(headers: ResponseHeaders): string | null {
  return trimmed(headers, 'x-codex-promo-message');
}

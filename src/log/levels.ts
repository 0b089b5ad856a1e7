export const LEVELS = ['error', 'warn', 'info', 'debug', 'trace'] as const;
export type LevelName = (typeof LEVELS)[number];
/** The most verbose level that is written; `off` writes nothing. */
export type Threshold = LevelName | 'off';

/** Higher is more verbose; a record is written when its rank is at most the threshold's. */
export const RANK: Readonly<Record<Threshold, number>> = { off: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 };

/** What the reference logs when RUST_LOG is unset or says nothing usable. */
export const DEFAULT_THRESHOLD: Threshold = 'error';

/**
 * Reads a RUST_LOG-style filter: comma-separated `level` or `target=level` directives, levels in
 * any case. Weft has one threshold rather than per-target ones, so it takes the most verbose level
 * named anywhere (`error,codex_core=debug` → debug). Directives without a level (a bare target)
 * and unknown words are ignored; undefined when nothing usable is left.
 */
export function parseLogFilter(spec: string | undefined): Threshold | undefined {
  let result: Threshold | undefined;
  for (const directive of (spec ?? '').split(',')) {
    const word = directive.slice(directive.lastIndexOf('=') + 1).trim().toLowerCase();
    if (!Object.hasOwn(RANK, word)) continue;
    const level = word as Threshold;
    if (result === undefined || RANK[level] > RANK[result]) result = level;
  }
  return result;
}

import { join } from 'node:path';

/**
 * `./a/b` resolved under `root`, for paths in plugin and marketplace files: they must start with
 * `./` and may not climb out (`..`) or be absolute. Empty and `.` segments are skipped, as Rust's
 * path components skip them. When the path breaks a rule, `why` says which.
 */
export function resolveDotSlash(root: string, path: string): { ok: true; path: string } | { ok: false; why: 'prefix' | 'empty' | 'escapes' } {
  if (!path.startsWith('./')) return { ok: false, why: 'prefix' };
  const rest = path.slice(2);
  if (rest === '') return { ok: false, why: 'empty' };
  if (rest.startsWith('/')) return { ok: false, why: 'escapes' };
  const segments = rest.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { ok: false, why: 'escapes' };
  if (segments.length === 0) return { ok: false, why: 'empty' };
  return { ok: true, path: join(root, ...segments) };
}

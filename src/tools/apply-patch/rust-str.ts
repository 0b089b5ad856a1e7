/**
 * Rust's `str` semantics where the reference depends on them. JavaScript's `trim` also strips
 * U+FEFF and keeps U+0085, so a BOM-prefixed line would match where the reference's does not.
 */
const WS = '\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING = new RegExp(`^[${WS}]+`);
const TRAILING = new RegExp(`[${WS}]+$`);

export function trimEnd(s: string): string {
  return s.replace(TRAILING, '');
}

export function trim(s: string): string {
  return trimEnd(s).replace(LEADING, '');
}

/** `str::lines`: split on `\n`, drop one `\r` before it, no empty line after a final newline. */
export function lines(s: string): string[] {
  if (s === '') return [];
  const parts = s.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** `Path::join` as the reference resolves patch paths: no normalisation, absolute paths win. */
export function joinPath(base: string, path: string): string {
  if (path.startsWith('/')) return path;
  return base.endsWith('/') ? base + path : `${base}/${path}`;
}

/** Byte order of the UTF-8 encodings, which is how Rust orders strings and paths' text. */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

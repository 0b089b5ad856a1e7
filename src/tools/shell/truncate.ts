/**
 * Middle truncation of command output for the model, as the reference does it: keep a head and a
 * tail of the text and put `…N tokens truncated…` (or `…N chars truncated…`) between them. Token
 * counts are the reference's estimate, four bytes of UTF-8 per token, so budgets are byte budgets.
 */

export const BYTES_PER_TOKEN = 4;

/** A model's budget for a tool output: in bytes (`…N chars truncated…`) or tokens. */
export type TruncationPolicy = { kind: 'bytes'; limit: number } | { kind: 'tokens'; limit: number };

export const approxTokenCount = (text: string): number => Math.ceil(Buffer.byteLength(text) / BYTES_PER_TOKEN);

export const byteBudget = (policy: TruncationPolicy): number => (policy.kind === 'bytes' ? policy.limit : policy.limit * BYTES_PER_TOKEN);

/** Rust's `str::lines().count()`: a final newline does not start another line. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (i < text.length - 1) n++;
  return n;
}

export function truncateText(text: string, policy: TruncationPolicy): string {
  if (text === '') return '';
  if (policy.kind === 'tokens' && policy.limit > 0 && Buffer.byteLength(text) <= byteBudget(policy)) return text;
  return truncateMiddle(text, byteBudget(policy), policy.kind === 'tokens');
}

/** Truncated text with the reference's `Total output lines: N` header when anything was cut. */
export function formattedTruncateText(text: string, policy: TruncationPolicy): string {
  if (Buffer.byteLength(text) <= byteBudget(policy)) return text;
  return `Total output lines: ${lineCount(text)}\n\n${truncateText(text, policy)}`;
}

function truncateMiddle(text: string, maxBytes: number, tokens: boolean): string {
  const total = Buffer.byteLength(text);
  if (maxBytes === 0) return marker(tokens, tokens ? Math.ceil(total / BYTES_PER_TOKEN) : [...text].length);
  if (total <= maxBytes) return text;
  const left = Math.floor(maxBytes / 2);
  const tailStart = total - (maxBytes - left);
  // Whole characters only: a character straddling either boundary goes to the removed middle.
  let bytes = 0;
  let prefixEnd = 0;
  let suffixStart = text.length;
  let removedChars = 0;
  let index = 0;
  for (const ch of text) {
    const start = bytes;
    bytes += utf8Length(ch.codePointAt(0)!);
    if (bytes <= left) prefixEnd = index + ch.length;
    else if (start >= tailStart) {
      if (suffixStart === text.length) suffixStart = index;
    } else removedChars++;
    index += ch.length;
  }
  const removed = tokens ? Math.ceil((total - maxBytes) / BYTES_PER_TOKEN) : removedChars;
  return text.slice(0, prefixEnd) + marker(tokens, removed) + text.slice(Math.max(suffixStart, prefixEnd));
}

const marker = (tokens: boolean, n: number) => (tokens ? `…${n} tokens truncated…` : `…${n} chars truncated…`);

const utf8Length = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

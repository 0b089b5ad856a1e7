/**
 * The reference shows a command argv as one string joined the way the Rust `shlex` crate (1.3)
 * quotes words, so imported command items must quote exactly alike.
 */

const UNQUOTED = /^[+\-./:@\]_0-9A-Za-z]$/;
const NOT_IN_SINGLE = new Set(["'", '^', '\\']);
const NOT_IN_DOUBLE = new Set(['`', '$', '!', '^']);

const BARE = 1;
const SINGLE = 2;
const DOUBLE = 4;

/** How many leading characters one quoting style can cover, and the preferred such style. */
function nextChunk(chars: readonly string[], from: number): { end: number; style: number } {
  let allowed = BARE | SINGLE | DOUBLE;
  let i = from;
  // A leading caret trips a bash history-expansion bug unless it directly follows a single quote.
  if (chars[i] === '^') {
    allowed = SINGLE;
    i++;
  }
  for (; i < chars.length; i++) {
    const c = chars[i]!;
    let next = allowed;
    if (c.codePointAt(0)! >= 0x80 || !UNQUOTED.test(c)) next &= ~BARE;
    if (NOT_IN_SINGLE.has(c)) next &= ~SINGLE;
    if (NOT_IN_DOUBLE.has(c)) next &= ~DOUBLE;
    if (next === 0) break;
    allowed = next;
  }
  const style = allowed & BARE ? BARE : allowed & SINGLE ? SINGLE : DOUBLE;
  return { end: i, style };
}

function quoteWord(word: string): string {
  if (word === '') return "''";
  const chars = [...word];
  let out = '';
  for (let at = 0; at < chars.length; ) {
    const { end, style } = nextChunk(chars, at);
    const chunk = chars.slice(at, end).join('');
    if (style === BARE) out += chunk;
    else if (style === SINGLE) out += `'${chunk}'`;
    else out += `"${chunk.replace(/["\\]/g, '\\$&')}"`;
    at = end;
  }
  return out;
}

export function shellJoin(argv: readonly string[]): string {
  // shlex refuses NUL bytes; the reference then joins the words with plain spaces.
  if (argv.some((w) => w.includes('\0'))) return argv.join(' ');
  return argv.map(quoteWord).join(' ');
}

/**
 * The plain commands of a shell script, when it is nothing but plain commands: words (bare,
 * 'single-quoted', "double-quoted" without expansions, or glued together) joined by `&&`, `||`,
 * `;`, `|` and newlines. The reference decides this with tree-sitter-bash and gives up on any other
 * construct (redirections, substitutions, variables, subshells, groups, assignments, control flow,
 * comments, `&`); this reads the same subset and gives up on the same things, returning null.
 * Braces inside arguments (`{}`, `{a,b}`) stay plain words, as they do for the reference.
 *
 * Words keep their text as written, except for the quotes around quoted parts: the reference takes
 * the source text of the parse nodes, so backslashes are not unescaped.
 */

const OPERATOR_CHARS = new Set(['&', '|', ';', '\n']);
const REJECTED_CHARS = new Set(['$', '`', '(', ')', '<', '>']);
/** Words tree-sitter-bash parses as something other than a plain command when they come first. */
const NOT_A_COMMAND_NAME = new Set([
  '!', '[', '[[', '{', '}', 'if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac',
  'select', 'function', 'declare', 'typeset', 'export', 'readonly', 'local', 'unset', 'unsetenv',
]);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;

export function plainCommands(script: string): string[][] | null {
  const commands: string[][] = [];
  let words: string[] = [];
  // After `&&`, `||` or `|` a command must follow (newlines may come first).
  let needCommand = false;
  let i = 0;
  while (i < script.length) {
    const c = script[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '\\' && script[i + 1] === '\n') {
      i += 2;
    } else if (OPERATOR_CHARS.has(c)) {
      const two = script.slice(i, i + 2);
      const op = two === '&&' || two === '||' ? two : c;
      if (op === '&' || two === '|&' || two === ';;' || two === ';&') return null;
      if (words.length > 0) commands.push(words);
      else if (op !== '\n') return null;
      words = [];
      if (op !== '\n') needCommand = op !== ';';
      i += op.length;
    } else {
      if (c === '#') return null;
      const word = readWord(script, i);
      if (!word) return null;
      if (words.length === 0 && !commandNameOk(word.text, word.bare)) return null;
      words.push(word.text);
      needCommand = false;
      i = word.end;
    }
  }
  if (needCommand) return null;
  if (words.length > 0) commands.push(words);
  return commands;
}

function commandNameOk(text: string, bare: boolean): boolean {
  return bare && !NOT_A_COMMAND_NAME.has(text) && !ASSIGNMENT.test(text) && !/^\d+$/.test(text);
}

/** One word from `start`; `bare` when it has no quoted part (only those can name a command). */
function readWord(script: string, start: number): { text: string; end: number; bare: boolean } | null {
  let text = '';
  let bare = true;
  let parts = 0;
  let i = start;
  while (i < script.length) {
    const c = script[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || OPERATOR_CHARS.has(c)) break;
    if (REJECTED_CHARS.has(c)) return null;
    parts++;
    if (c === "'") {
      const end = script.indexOf("'", i + 1);
      if (end === -1) return null;
      text += script.slice(i + 1, end);
      bare = false;
      i = end + 1;
    } else if (c === '"') {
      const end = closingDoubleQuote(script, i + 1);
      if (end === -1) return null;
      text += script.slice(i + 1, end);
      bare = false;
      i = end + 1;
    } else if (c === '\\') {
      if (i + 1 >= script.length) return null;
      text += script.slice(i, i + 2);
      i += 2;
    } else {
      text += c;
      i++;
    }
  }
  // Quotes glued into an empty word (`''""`) make a node the reference refuses; `''` alone is fine.
  return text === '' && parts > 1 ? null : { text, end: i, bare };
}

/** The index of the `"` closing a string that starts at `from`, or -1 (also for expansions). */
function closingDoubleQuote(script: string, from: number): number {
  for (let i = from; i < script.length; i++) {
    const c = script[i]!;
    if (c === '"') return i;
    if (c === '$' || c === '`') return -1;
    if (c === '\\') i++;
  }
  return -1;
}

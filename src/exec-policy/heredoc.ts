/**
 * The words of a script that is a single command fed by one here-document, like
 * `python3 - <<'EOF' … EOF`, so rules written for `python3` still apply to it. The reference finds
 * these with tree-sitter-bash; this reads the same shapes and gives up (null) on the rest:
 *
 * - leading blank and comment lines are skipped, and so are blank and comment lines after the body;
 * - the command line holds literal words (no quotes, no expansions), optionally preceded by
 *   variable assignments and mixed with file redirections and here-strings, and exactly one `<<`
 *   or `<<-` here-document (two of them make the reference give up too);
 * - the body must end with its delimiter line, and an unquoted body must not run commands
 *   (`$(…)` or backticks), since those would be commands of their own.
 */

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;
const OPERATOR = /[|;&()`]/;
const WORD_END = /[\s|;&()<>]/;
const REDIRECT = /^(?:\d+|&)?(<<<|<<-?|&>>|&>|>>|>&|<&|>\||>|<)/;
/** Words tree-sitter-bash does not parse as a command name when they come first. */
const NOT_A_COMMAND = new Set(['!', '[', '[[', '{', 'if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'select', 'function', 'declare', 'typeset', 'export', 'readonly', 'local', 'unset', 'unsetenv']);

interface Heredoc {
  delimiter: string;
  quoted: boolean;
  stripTabs: boolean;
}

export function heredocCommandWords(script: string): string[] | null {
  const lines = script.split('\n');
  let at = 0;
  while (at < lines.length && isBlankOrComment(lines[at]!)) at++;
  if (at === lines.length) return null;
  const head = scanCommandLine(lines[at]!);
  if (!head || head.heredocs.length !== 1 || head.words.length === 0) return null;
  const doc = head.heredocs[0]!;
  const bodyStart = at + 1;
  let end = bodyStart;
  while (end < lines.length && (doc.stripTabs ? lines[end]!.replace(/^\t+/, '') : lines[end]) !== doc.delimiter) end++;
  if (end === lines.length) return null;
  if (!doc.quoted && lines.slice(bodyStart, end).some(runsCommands)) return null;
  if (!lines.slice(end + 1).every(isBlankOrComment)) return null;
  return head.words;
}

const isBlankOrComment = (line: string) => /^\s*(#.*)?$/.test(line);
const runsCommands = (text: string) => text.includes('`') || /\$\((?!\()/.test(text);

function scanCommandLine(line: string): { words: string[]; heredocs: Heredoc[] } | null {
  const words: string[] = [];
  const heredocs: Heredoc[] = [];
  let at = 0;
  for (;;) {
    while (at < line.length && (line[at] === ' ' || line[at] === '\t')) at++;
    if (at >= line.length || line[at] === '#') return { words, heredocs };
    const redirect = REDIRECT.exec(line.slice(at));
    if (redirect) {
      at += redirect[0].length;
      while (line[at] === ' ' || line[at] === '\t') at++;
      const target = readWord(line, at);
      if (!target || runsCommands(target.raw)) return null;
      at = target.end;
      const op = redirect[1]!;
      if (op === '<<' || op === '<<-') heredocs.push({ delimiter: target.text, quoted: target.quoted || target.escaped, stripTabs: op === '<<-' });
      continue;
    }
    if (OPERATOR.test(line[at]!)) return null;
    const word = readWord(line, at);
    if (!word) return null;
    at = word.end;
    if (words.length === 0 && ASSIGNMENT.test(word.raw)) {
      if (runsCommands(word.raw)) return null;
      continue;
    }
    if (word.quoted || /[$`]/.test(word.raw)) return null;
    if (words.length === 0 && (NOT_A_COMMAND.has(word.raw) || /^\d+$/.test(word.raw))) return null;
    words.push(word.raw);
  }
}

/** A shell word from `start`: its source text, its text unquoted, whether it has quotes or backslash escapes. */
function readWord(line: string, start: number): { raw: string; text: string; quoted: boolean; escaped: boolean; end: number } | null {
  let text = '';
  let quoted = false;
  let escaped = false;
  let at = start;
  while (at < line.length && !WORD_END.test(line[at]!)) {
    const c = line[at]!;
    if (c === "'" || c === '"') {
      const close = line.indexOf(c, at + 1);
      if (close === -1) return null;
      text += line.slice(at + 1, close);
      quoted = true;
      at = close + 1;
    } else if (c === '\\') {
      if (at + 1 >= line.length) return null;
      text += line[at + 1];
      escaped = true;
      at += 2;
    } else {
      text += c;
      at++;
    }
  }
  return at === start ? null : { raw: line.slice(start, at), text, quoted, escaped, end: at };
}

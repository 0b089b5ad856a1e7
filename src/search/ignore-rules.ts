/**
 * Ignore files (`.gitignore`, `.ignore`, `.git/info/exclude`, the global git excludes file) as the
 * reference's walker reads them: gitignore syntax, where a pattern without a slash matches a name
 * at any depth, a leading or inner slash anchors it to the file's directory, a trailing slash
 * restricts it to directories, `!` re-includes, and the last matching line of a file wins.
 * Globs follow that walker too: `*`, `?` and classes never cross `/`, `**` spans directories,
 * `{a,b}` alternates, a backslash escapes.
 */

export interface IgnoreRule {
  readonly regex: RegExp;
  readonly whitelist: boolean;
  readonly dirOnly: boolean;
}

export type Verdict = 'ignore' | 'whitelist' | null;

export function parseIgnoreFile(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    const rule = parseLine(line);
    if (rule) rules.push(rule);
  }
  return rules;
}

function parseLine(raw: string): IgnoreRule | null {
  if (raw.startsWith('#')) return null;
  let line = raw.endsWith('\\ ') ? raw : raw.trimEnd();
  if (line === '') return null;
  let whitelist = false;
  let anchored = false;
  if (line.startsWith('\\!') || line.startsWith('\\#')) {
    line = line.slice(1);
    anchored = line.startsWith('/');
  } else {
    if (line.startsWith('!')) {
      whitelist = true;
      line = line.slice(1);
    }
    if (line.startsWith('/')) {
      line = line.slice(1);
      anchored = true;
    }
  }
  let dirOnly = false;
  if (line.endsWith('/')) {
    dirOnly = true;
    line = line.slice(0, -1);
    if (line.endsWith('\\')) line = line.slice(0, -1);
  }
  let glob = line;
  if (!anchored && !line.includes('/') && !(glob.startsWith('**/') || glob === '**')) glob = `**/${glob}`;
  if (glob.endsWith('/**')) glob = `${glob}/*`;
  const source = globToRegex(glob);
  return source === null ? null : { regex: new RegExp(`^${source}$`, 'su'), whitelist, dirOnly };
}

const escapeRegex = (ch: string): string => ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
const escapeInClass = (ch: string): string => ch.replace(/[\\\]\[^-]/g, '\\$&');

/** Translates one glob; null when it is malformed (such a line is skipped, like the reference). */
export function globToRegex(glob: string): string | null {
  const chars = [...glob];
  let out = '';
  let i = 0;
  let inAlternation = false;
  const atStart = () => i === 0 || (inAlternation && (chars[i - 1] === '{' || chars[i - 1] === ','));
  while (i < chars.length) {
    const ch = chars[i]!;
    if (ch === '\\') {
      if (i + 1 < chars.length) out += escapeRegex(chars[i + 1]!);
      i += 2;
    } else if (ch === '?') {
      out += '[^/]';
      i++;
    } else if (ch === '*') {
      const star = parseStars(chars, i, atStart());
      out += star.regex;
      i = star.next;
    } else if (ch === '[') {
      const cls = parseClass(chars, i);
      out += cls.regex;
      i = cls.next;
    } else if (ch === '{' && !inAlternation) {
      inAlternation = true;
      out += '(?:';
      i++;
    } else if (ch === '}' && inAlternation) {
      inAlternation = false;
      out += ')';
      i++;
    } else if (ch === ',' && inAlternation) {
      out += '|';
      i++;
    } else {
      out += escapeRegex(ch);
      i++;
    }
  }
  return inAlternation ? null : out;
}

/**
 * A double star is recursive only as a whole path component: leading (any directories, or none,
 * before the rest), trailing (everything below) or between two slashes (any directories in
 * between). Anywhere else it means the same as a single star.
 */
function parseStars(chars: readonly string[], i: number, atStart: boolean): { regex: string; next: number } {
  if (chars[i + 1] !== '*') return { regex: '[^/]*', next: i + 1 };
  const after = chars[i + 2];
  const endsHere = after === undefined || after === ',' || after === '}';
  if (atStart) {
    if (after === '/') return { regex: '(?:.*/)?', next: i + 3 };
    if (endsHere) return { regex: '.*', next: i + 2 };
    return { regex: '[^/]*[^/]*', next: i + 2 };
  }
  if (chars[i - 1] === '/' && (endsHere || after === '/')) {
    // The separator before `**` was already emitted as a literal `/`.
    if (endsHere) return { regex: '.*', next: i + 2 };
    return { regex: '(?:.*/)?', next: i + 3 };
  }
  return { regex: '[^/]*[^/]*', next: i + 2 };
}

/** `[abc]`, `[a-z]`, `[!x]` or `[^x]`; `]` first is literal; an unclosed `[` is a literal `[`. */
function parseClass(chars: readonly string[], i: number): { regex: string; next: number } {
  let j = i + 1;
  let negated = false;
  if (chars[j] === '!' || chars[j] === '^') {
    negated = true;
    j++;
  }
  const items: string[] = [];
  let first = true;
  while (j < chars.length) {
    const ch = chars[j]!;
    if (ch === ']' && !first) {
      return { regex: `[${negated ? '^' : ''}${items.join('')}]`, next: j + 1 };
    }
    if (ch === '-' && !first && j + 1 < chars.length && chars[j + 1] !== ']') {
      items.push('-');
    } else {
      items.push(escapeInClass(ch));
    }
    first = false;
    j++;
  }
  return { regex: '\\[', next: i + 1 };
}

/** The verdict of one ignore file for a path relative to its directory: the last matching rule. */
export function matchRules(rules: readonly IgnoreRule[], relPath: string, isDir: boolean): Verdict {
  for (let k = rules.length - 1; k >= 0; k--) {
    const rule = rules[k]!;
    if (rule.dirOnly && !isDir) continue;
    if (rule.regex.test(relPath)) return rule.whitelist ? 'whitelist' : 'ignore';
  }
  return null;
}

/**
 * What a command does, for clients to show (`commandActions`): reads a file, lists files, searches,
 * or unknown. The reference's summary (codex-rs `parse_command`), rule for rule: it is lossy on
 * purpose, and clients show whatever it says, so agreeing with it matters more than being right.
 *
 * A script run by `bash|zsh|sh -c|-lc` is summarized when it is plain commands only (see
 * bash-words.ts); formatting helpers in it (`head -n 5`, `wc`, `sort`…) are dropped, `cd` moves the
 * paths of later reads, and one unknown command makes the whole summary a single unknown.
 */
import type { CommandAction } from '../../protocol/index.ts';
import { plainCommands } from './bash-words.ts';
import { shlexJoin as join, shlexSplit } from './shlex.ts';

type Parsed =
  | { type: 'read'; cmd: string; name: string; path: string }
  | { type: 'listFiles'; cmd: string; path: string | null }
  | { type: 'search'; cmd: string; query: string | null; path: string | null }
  | { type: 'unknown'; cmd: string };

const CONNECTORS = new Set(['&&', '||', '|', ';']);

export function commandActions(argv: readonly string[]): CommandAction[] {
  const parsed = dedupe(parseCommand(argv));
  if (parsed.some((p) => p.type === 'unknown')) return [{ type: 'unknown', command: shellScript(argv)?.script ?? join(argv) }];
  return parsed.map(toAction);
}

function toAction(p: Parsed): CommandAction {
  switch (p.type) {
    case 'read':
      return { type: 'read', command: p.cmd, name: p.name, path: p.path };
    case 'listFiles':
      return { type: 'listFiles', command: p.cmd, path: p.path };
    case 'search':
      return { type: 'search', command: p.cmd, query: p.query, path: p.path };
    case 'unknown':
      return { type: 'unknown', command: p.cmd };
  }
}

const same = (a: Parsed, b: Parsed) => JSON.stringify(a) === JSON.stringify(b);
const dedupe = (list: Parsed[]) => list.filter((p, i) => i === 0 || !same(list[i - 1]!, p));

const SHELLS = new Set(['bash', 'zsh', 'sh']);
const POWERSHELLS = new Set(['pwsh', 'powershell']);
const POWERSHELL_FLAGS = new Set(['-nologo', '-noprofile', '-command', '-c']);

/** `[shell, -c|-lc, script]` for a POSIX shell, or a PowerShell `-Command` invocation. */
export function shellScript(argv: readonly string[]): { script: string; posix: boolean } | null {
  const name = fileStem(argv[0] ?? '');
  if (argv.length === 3 && SHELLS.has(name) && (argv[1] === '-c' || argv[1] === '-lc')) return { script: argv[2]!, posix: true };
  if (argv.length < 3 || !POWERSHELLS.has(name)) return null;
  for (let i = 1; i + 1 < argv.length; i++) {
    const flag = argv[i]!.toLowerCase();
    if (!POWERSHELL_FLAGS.has(flag)) return null;
    if (flag === '-command' || flag === '-c') return { script: argv[i + 1]!, posix: false };
  }
  return null;
}

/** The shell's name as the reference detects it: the path itself, else its file stem. */
function fileStem(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

function parseCommand(argv: readonly string[]): Parsed[] {
  const shell = shellScript(argv);
  if (shell) return shell.posix ? parseScript(shell.script) : [{ type: 'unknown', cmd: shell.script }];
  const tokens = normalize(argv);
  const parts = tokens.some((t) => CONNECTORS.has(t)) ? splitOnConnectors(tokens) : [tokens];
  return simplifyAll(summarizeWithCd(parts));
}

function normalize(argv: readonly string[]): string[] {
  const [first, second] = argv;
  if (second === '|' && (first === 'yes' || first === 'y' || first === 'no' || first === 'n')) return argv.slice(2);
  return [...argv];
}

function splitOnConnectors(tokens: readonly string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const t of tokens) {
    if (!CONNECTORS.has(t)) cur.push(t);
    else if (cur.length > 0) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** Summaries of the commands in order; `cd` is not one, it prefixes the paths read after it. */
function summarizeWithCd(commands: readonly string[][]): Parsed[] {
  const out: Parsed[] = [];
  let cwd: string | null = null;
  for (const tokens of commands) {
    if (tokens[0] === 'cd') {
      const dir = cdTarget(tokens.slice(1));
      if (dir !== null) cwd = cwd === null ? dir : joinPaths(cwd, dir);
      continue;
    }
    const p = summarize(tokens);
    out.push(p.type === 'read' && cwd !== null ? { ...p, path: joinPaths(cwd, p.path) } : p);
  }
  return out;
}

function parseScript(script: string): Parsed[] {
  const all = plainCommands(script);
  if (!all || all.length === 0) return [{ type: 'unknown', cmd: script }];
  const scriptTokens = shlexSplit(script) ?? [script];
  const filtered = all.filter((tokens) => !isFormattingHelper(tokens));
  if (filtered.length === 0) return [{ type: 'unknown', cmd: script }];
  let commands = summarizeWithCd(filtered);
  if (commands.length > 1) commands = simplifyAll(commands.filter((p) => !(p.type === 'unknown' && p.cmd === 'true')));
  if (commands.length !== 1) return commands;
  // A lone command is shown with the script's own words when nothing else was in the script.
  const connected = all.length > 1 || scriptTokens.some((t) => CONNECTORS.has(t));
  const only = commands[0]!;
  if (only.type === 'read' && connected) {
    const pipeThroughSedN = scriptTokens.includes('|') && scriptTokens.some((t, i) => t === 'sed' && scriptTokens[i + 1] === '-n');
    return [pipeThroughSedN ? { ...only, cmd: script } : only];
  }
  if (only.type === 'unknown' || connected) return [only];
  return [{ ...only, cmd: join(scriptTokens) }];
}

function simplifyAll(commands: Parsed[]): Parsed[] {
  for (let next = simplifyOnce(commands); next; next = simplifyOnce(commands)) commands = next;
  return commands;
}

function simplifyOnce(commands: Parsed[]): Parsed[] | null {
  if (commands.length <= 1) return null;
  const words = (p: Parsed) => (p.type === 'unknown' ? shlexSplit(p.cmd) : null);
  if (words(commands[0]!)?.[0] === 'echo') return commands.slice(1);
  const without = (i: number) => [...commands.slice(0, i), ...commands.slice(i + 1)];
  const cd = commands.findIndex((p) => words(p)?.[0] === 'cd');
  if (cd !== -1 && commands.length > cd + 1) return without(cd);
  const trueAt = commands.findIndex((p) => p.type === 'unknown' && p.cmd === 'true');
  if (trueAt !== -1) return without(trueAt);
  const nl = commands.findIndex((p) => {
    const w = words(p);
    return w?.[0] === 'nl' && w.slice(1).every((t) => t.startsWith('-'));
  });
  return nl !== -1 ? without(nl) : null;
}

const isDigits = (s: string) => /^[0-9]*$/.test(s);
const isCount = (s: string) => isDigits(s.startsWith('+') ? s.slice(1) : s);

/** Pipeline helpers that only shape another command's output, dropped from a script's summary. */
function isFormattingHelper(tokens: readonly string[]): boolean {
  const [cmd, ...args] = tokens;
  switch (cmd) {
    case 'wc': case 'tr': case 'cut': case 'sort': case 'uniq': case 'tee': case 'column': case 'yes': case 'printf':
      return true;
    case 'xargs':
      return !isMutatingXargs(tokens);
    case 'awk':
      return awkDataFile(args) === null;
    case 'head':
      return args.length === 0 || (args.length === 1 ? args[0]!.startsWith('-') : args.length === 2 && (args[0] === '-n' || args[0] === '-c') && isDigits(args[1]!));
    case 'tail':
      return args.length === 0 || (args.length === 1 ? args[0]!.startsWith('-') : args.length === 2 && (args[0] === '-n' || args[0] === '-c') && isCount(args[1]!));
    case 'sed':
      return sedReadPath(args) === null;
    default:
      return false;
  }
}

function isMutatingXargs(tokens: readonly string[]): boolean {
  const sub = xargsSubcommand(tokens);
  if (!sub) return false;
  const [head, ...tail] = sub;
  const inPlace = tail.some((t) => t.startsWith('-i') || t.startsWith('-pi'));
  if (head === 'perl' || head === 'ruby') return inPlace;
  if (head === 'sed') return inPlace || tail.includes('--in-place');
  return head === 'rg' && tail.includes('--replace');
}

function xargsSubcommand(tokens: readonly string[]): string[] | null {
  for (let i = 1; i < tokens.length; ) {
    const t = tokens[i]!;
    if (t === '--') return tokens.length > i + 1 ? tokens.slice(i + 1) : null;
    if (!t.startsWith('-')) return tokens.slice(i);
    i += ['-E', '-e', '-I', '-L', '-n', '-P', '-s'].includes(t) ? 2 : 1;
  }
  return null;
}

const trimAtConnector = (tokens: readonly string[]) => {
  const i = tokens.findIndex((t) => CONNECTORS.has(t));
  return i === -1 ? [...tokens] : tokens.slice(0, i);
};

/** Operands once the values of `flagsWithValues` and `--flag=value` words are skipped; `--` ends flags. */
function skipFlagValues(args: readonly string[], flagsWithValues: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return [...out, ...args.slice(i + 1)];
    if (a.startsWith('--') && a.includes('=')) continue;
    if (flagsWithValues.includes(a)) {
      if (i + 1 < args.length) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

function positionalOperands(args: readonly string[], flagsWithValues: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return [...out, ...args.slice(i + 1)];
    if (a.startsWith('--') && a.includes('=')) continue;
    if (flagsWithValues.includes(a)) {
      if (i + 1 < args.length) i++;
      continue;
    }
    if (!a.startsWith('-')) out.push(a);
  }
  return out;
}

const firstOperand = (args: readonly string[], flags: readonly string[]) => positionalOperands(args, flags)[0] ?? null;

function singleOperand(args: readonly string[], flags: readonly string[]): string | null {
  const ops = positionalOperands(args, flags);
  return ops.length === 1 ? ops[0]! : null;
}

const nonFlags = (args: readonly string[], flags: readonly string[]) => skipFlagValues(trimAtConnector(args), flags).filter((a) => !a.startsWith('-'));

/** The last path segment worth showing: `webview/src` → `webview`, `pkg/dist/` → `pkg`. */
export function shortDisplayPath(path: string): string {
  const trimmed = path.replaceAll('\\', '/').replace(/\/+$/, '');
  const parts = trimmed.split('/').reverse().filter((p) => p !== '' && !['build', 'dist', 'node_modules', 'src'].includes(p));
  return parts[0] ?? trimmed;
}

function isValidSedN(arg: string | undefined): boolean {
  if (arg === undefined || !arg.endsWith('p')) return false;
  const parts = arg.slice(0, -1).split(',');
  return parts.length <= 2 && parts.every((p) => p !== '' && isDigits(p));
}

function sedReadPath(args: readonly string[]): string | null {
  const trimmed = trimAtConnector(args);
  if (!trimmed.includes('-n')) return null;
  let hasRange = false;
  for (let i = 0; i < trimmed.length; ) {
    const a = trimmed[i]!;
    if (a === '-e' || a === '--expression') {
      if (isValidSedN(trimmed[i + 1])) hasRange = true;
      i += 2;
    } else i += a === '-f' || a === '--file' ? 2 : 1;
  }
  if (!hasRange) hasRange = trimmed.some((a) => !a.startsWith('-') && isValidSedN(a));
  if (!hasRange) return null;
  const ops = skipFlagValues(trimmed, ['-e', '-f', '--expression', '--file']).filter((a) => !a.startsWith('-'));
  if (ops.length === 0) return null;
  return isValidSedN(ops[0]) ? ops[1] ?? null : ops[0]!;
}

function awkDataFile(args: readonly string[]): string | null {
  if (args.length === 0) return null;
  const trimmed = trimAtConnector(args);
  const ops = skipFlagValues(trimmed, ['-F', '-v', '-f', '--field-separator', '--assign', '--file']).filter((a) => !a.startsWith('-'));
  if (trimmed.some((a) => a === '-f' || a === '--file')) return ops[0] ?? null;
  return ops.length >= 2 ? ops[1]! : null;
}

function cdTarget(args: readonly string[]): string | null {
  let target: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return args[i + 1] ?? null;
    if (!a.startsWith('-')) target = a;
  }
  return target;
}

const isPathish = (s: string) => s === '.' || s === '..' || s.startsWith('./') || s.startsWith('../') || s.includes('/') || s.includes('\\');

function joinPaths(base: string, rel: string): string {
  if (rel.startsWith('/') || /^[A-Za-z]:\\/.test(rel) || rel.startsWith('\\\\') || base === '') return rel;
  return base.endsWith('/') ? base + rel : `${base}/${rel}`;
}

const read = (tokens: readonly string[], path: string): Parsed => ({ type: 'read', cmd: join(tokens), name: shortDisplayPath(path), path });
const unknown = (tokens: readonly string[]): Parsed => ({ type: 'unknown', cmd: join(tokens) });
const listFiles = (tokens: readonly string[], path: string | null): Parsed => ({ type: 'listFiles', cmd: join(tokens), path: path && shortDisplayPath(path) });

const LIST_FLAGS: Record<string, string[]> = {
  ls: ['-I', '-w', '--block-size', '--format', '--time-style', '--color', '--quoting-style'],
  eza: ['-I', '--ignore-glob', '--color', '--sort', '--time-style', '--time'],
  exa: ['-I', '--ignore-glob', '--color', '--sort', '--time-style', '--time'],
  tree: ['-L', '-P', '-I', '--charset', '--filelimit', '--sort'],
  du: ['-d', '--max-depth', '-B', '--block-size', '--exclude', '--time-style'],
};
const RG_FLAGS = ['-g', '--glob', '--iglob', '-t', '--type', '--type-add', '--type-not', '-m', '--max-count', '-A', '-B', '-C', '--context', '--max-depth'];
const AG_FLAGS = ['-G', '-g', '--file-search-regex', '--ignore-dir', '--ignore-file', '--path-to-ignore'];
const BAT_FLAGS = ['--theme', '--language', '--style', '--terminal-width', '--tabs', '--line-range', '--map-syntax'];
const LESS_FLAGS = ['-p', '-P', '-x', '-y', '-z', '-j', '--pattern', '--prompt', '--tabs', '--shift', '--jump-target'];
const FD_FLAGS = ['-t', '--type', '-e', '--extension', '-E', '--exclude', '--search-path'];

function summarize(tokens: readonly string[]): Parsed {
  const [head, ...tail] = tokens;
  if (head === undefined) return unknown(tokens);
  const listFlags = LIST_FLAGS[head];
  if (listFlags) return listFiles(tokens, firstOperand(tail, listFlags));
  if (head === 'rg' || head === 'rga' || head === 'ripgrep-all') {
    const ops = nonFlags(tail, RG_FLAGS);
    if (trimAtConnector(tail).includes('--files')) return listFiles(tokens, ops[0] ?? null);
    return search(tokens, ops[0] ?? null, ops[1] ?? null);
  }
  if (head === 'git') {
    const [sub, ...rest] = tail;
    if (sub === 'grep') return grepLike(tokens, rest);
    if (sub === 'ls-files') return listFiles(tokens, firstOperand(rest, ['--exclude', '--exclude-from', '--pathspec-from-file']));
    return unknown(tokens);
  }
  if (head === 'fd') {
    const ops = nonFlags(tail, FD_FLAGS);
    if (ops.length === 1) return isPathish(ops[0]!) ? listFiles(tokens, ops[0]!) : search(tokens, ops[0]!, null);
    return ops.length >= 2 ? search(tokens, ops[0]!, ops[1]!) : listFiles(tokens, null);
  }
  if (head === 'find') return find(tokens, tail);
  if (head === 'grep' || head === 'egrep' || head === 'fgrep') return grepLike(tokens, tail);
  if (head === 'ag' || head === 'ack' || head === 'pt') {
    const ops = nonFlags(tail, AG_FLAGS);
    return search(tokens, ops[0] ?? null, ops[1] ?? null);
  }
  const readPath = readTarget(head, tail);
  if (readPath !== undefined) return readPath === null ? unknown(tokens) : read(tokens, readPath);
  if (/^python([23](\..*)?)?$/.test(head)) {
    return pythonWalksFiles(tail) ? listFiles(tokens, null) : unknown(tokens);
  }
  return unknown(tokens);
}

function search(tokens: readonly string[], query: string | null, path: string | null): Parsed {
  return { type: 'search', cmd: join(tokens), query, path: path && shortDisplayPath(path) };
}

/** The file a reading command reads: undefined when `head` is no such command, null when unclear. */
function readTarget(head: string, tail: readonly string[]): string | null | undefined {
  switch (head) {
    case 'cat':
    case 'more':
      return singleOperand(tail, []);
    case 'bat':
    case 'batcat':
      return singleOperand(tail, BAT_FLAGS);
    case 'less':
      return singleOperand(tail, LESS_FLAGS);
    case 'head':
      return headTailPath(tail, isDigits);
    case 'tail':
      return headTailPath(tail, (n) => n.replace(/^\+/, '') !== '' && isCount(n));
    case 'awk':
      return awkDataFile(tail);
    case 'nl':
      return skipFlagValues(tail, ['-s', '-w', '-v', '-i', '-b']).find((p) => !p.startsWith('-')) ?? null;
    case 'sed':
      return sedReadPath(tail);
    default:
      return undefined;
  }
}

/** `head|tail [-n N | -nN] file` and `head|tail file`. */
function headTailPath(tail: readonly string[], validCount: (n: string) => boolean): string | null {
  const [first, second] = tail;
  const validN = first === '-n' ? second !== undefined && validCount(second) : first !== undefined && first.startsWith('-n') && validCount(first.slice(2));
  if (validN) {
    const candidates = first === '-n' && second !== undefined && validCount(second) ? tail.slice(2) : tail;
    const path = candidates.find((p) => !p.startsWith('-'));
    if (path !== undefined) return path;
  }
  return tail.length === 1 && !first!.startsWith('-') ? first! : null;
}

function grepLike(tokens: readonly string[], args: readonly string[]): Parsed {
  const operands: string[] = [];
  let pattern: string | null = null;
  const trimmed = trimAtConnector(args);
  for (let i = 0; i < trimmed.length; i++) {
    const a = trimmed[i]!;
    if (a === '--') {
      operands.push(...trimmed.slice(i + 1));
      break;
    }
    if (['-e', '--regexp', '-f', '--file'].includes(a)) {
      const value = trimmed[++i];
      if (value !== undefined && pattern === null) pattern = value;
      continue;
    }
    if (['-m', '--max-count', '-C', '--context', '-A', '--after-context', '-B', '--before-context'].includes(a)) {
      i++;
      continue;
    }
    if (!a.startsWith('-')) operands.push(a);
  }
  const path = operands[pattern === null ? 1 : 0];
  return { type: 'search', cmd: join(tokens), query: pattern ?? operands[0] ?? null, path: path === undefined ? null : shortDisplayPath(path) };
}

function find(tokens: readonly string[], tail: readonly string[]): Parsed {
  const args = trimAtConnector(tail);
  const root = args.find((a) => !a.startsWith('-') && a !== '!' && a !== '(' && a !== ')');
  const filter = args.findIndex((a) => ['-name', '-iname', '-path', '-regex'].includes(a));
  const query = filter === -1 ? null : args[filter + 1] ?? null;
  const path = root === undefined ? null : root;
  return query === null ? listFiles(tokens, path) : search(tokens, query, path);
}

function pythonWalksFiles(args: readonly string[]): boolean {
  const trimmed = trimAtConnector(args);
  const i = trimmed.indexOf('-c');
  const script = i === -1 ? undefined : trimmed[i + 1];
  return script !== undefined && ['os.walk', 'os.listdir', 'os.scandir', 'glob.glob', 'glob.iglob', 'pathlib.Path', '.rglob('].some((s) => script.includes(s));
}

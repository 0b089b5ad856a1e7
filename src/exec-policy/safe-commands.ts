/**
 * Commands known to only read, which `untrusted` runs without asking: the reference's safelist as
 * 0.113.0 applies it (each entry checked against that binary). A `bash|zsh|sh -c|-lc` script is
 * safe when every one of its plain commands is.
 */
import { executableName } from './policy.ts';
import { plainShellCommands } from './shell-commands.ts';

export function isKnownSafeCommand(argv: readonly string[]): boolean {
  // The reference renames `zsh` to `bash` anywhere in the argv before looking; harmless, kept.
  const command = argv.map((word) => (word === 'zsh' ? 'bash' : word));
  if (isSafeToExec(command)) return true;
  const commands = plainShellCommands(command);
  return !!commands && commands.length > 0 && commands.every(isSafeToExec);
}

const ALWAYS_SAFE = new Set([
  'cat', 'cd', 'cut', 'echo', 'expr', 'false', 'grep', 'head', 'id', 'ls', 'nl', 'paste', 'pwd', 'rev', 'seq', 'stat',
  'tail', 'tr', 'true', 'uname', 'uniq', 'wc', 'which', 'whoami',
]);
const LINUX_ONLY_SAFE = new Set(['numfmt', 'tac']);

/** Options that run other programs, delete, or write files. */
const UNSAFE_FIND_OPTIONS = new Set(['-exec', '-execdir', '-ok', '-okdir', '-delete', '-fls', '-fprint', '-fprint0', '-fprintf']);
const UNSAFE_RG_FLAGS = new Set(['--search-zip', '-z']);
const UNSAFE_RG_OPTIONS = ['--pre', '--hostname-bin'];

function isSafeToExec(command: readonly string[]): boolean {
  const program = command[0];
  if (program === undefined) return false;
  const name = executableName(program);
  if (name === null) return false;
  if (ALWAYS_SAFE.has(name)) return true;
  if (LINUX_ONLY_SAFE.has(name)) return process.platform === 'linux';
  const args = command.slice(1);
  switch (name) {
    case 'base64':
      return !args.some((arg) => arg === '-o' || arg === '--output' || arg.startsWith('--output=') || arg.startsWith('-o'));
    case 'find':
      return !command.some((arg) => UNSAFE_FIND_OPTIONS.has(arg));
    case 'rg':
      return !command.some((arg) => UNSAFE_RG_FLAGS.has(arg) || UNSAFE_RG_OPTIONS.some((opt) => arg === opt || arg.startsWith(`${opt}=`)));
    case 'git':
      return isSafeGit(command);
    case 'sed':
      return command.length <= 4 && command[1] === '-n' && isSedPrintRange(command[2]);
    default:
      return false;
  }
}

/** `N p` or `M,N p` with digits only: the one `sed` form that cannot write. */
function isSedPrintRange(arg: string | undefined): boolean {
  return arg !== undefined && /^(\d+,)?\d+p$/.test(arg);
}

const SAFE_GIT_SUBCOMMANDS = ['status', 'log', 'diff', 'show', 'branch'];
/** Subcommand options that write files or run helpers. */
const UNSAFE_GIT_FLAGS = new Set(['--output', '--ext-diff', '--textconv', '--exec', '--paginate']);
const BRANCH_QUERY_FLAGS = new Set(['--list', '-l', '--show-current', '-a', '--all', '-r', '--remotes', '-v', '-vv', '--verbose']);

function isSafeGit(command: readonly string[]): boolean {
  // A config override anywhere can point git at helpers (pager, diff drivers) that run code.
  if (command.some((arg) => arg === '-c' || arg === '--config-env' || (arg.startsWith('-c') && arg.length > 2) || arg.startsWith('--config-env='))) return false;
  const found = findGitSubcommand(command, SAFE_GIT_SUBCOMMANDS);
  if (!found) return false;
  const args = command.slice(found.index + 1);
  if (args.some((arg) => UNSAFE_GIT_FLAGS.has(arg) || arg.startsWith('--output=') || arg.startsWith('--exec='))) return false;
  return found.name !== 'branch' || isBranchQuery(args);
}

/** `git branch` lists branches with no arguments or with query flags only; anything else may change them. */
function isBranchQuery(args: readonly string[]): boolean {
  if (args.length === 0) return true;
  return args.every((arg) => BRANCH_QUERY_FLAGS.has(arg) || arg.startsWith('--format='));
}

const GIT_OPTIONS_WITH_VALUE = new Set(['-C', '-c', '--config-env', '--exec-path', '--git-dir', '--namespace', '--super-prefix', '--work-tree']);
const GIT_INLINE_VALUE_PREFIXES = ['--config-env=', '--exec-path=', '--git-dir=', '--namespace=', '--super-prefix=', '--work-tree='];

/**
 * The subcommand: the first word after git's global options, when it is one of `wanted`. Later
 * positional words (branch names…) never count.
 */
function findGitSubcommand(command: readonly string[], wanted: readonly string[]): { index: number; name: string } | null {
  if (!command[0]?.endsWith('git')) return null;
  for (let i = 1; i < command.length; i++) {
    const arg = command[i]!;
    if (GIT_INLINE_VALUE_PREFIXES.some((p) => arg.startsWith(p)) || ((arg.startsWith('-C') || arg.startsWith('-c')) && arg.length > 2)) continue;
    if (GIT_OPTIONS_WITH_VALUE.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return wanted.includes(arg) ? { index: i, name: arg } : null;
  }
  return null;
}

/**
 * Patches sent through a shell tool instead of the apply_patch tool. The reference applies them
 * itself rather than running a command, in exactly these forms:
 *
 * - `["apply_patch", patch]` (or `applypatch`);
 * - a shell script (`bash|zsh|sh -c|-lc`, `pwsh|powershell [-NoProfile] -Command`, `cmd /c`)
 *   whose only statement is `apply_patch <<'EOF' … EOF`, optionally preceded by `cd <dir> && `.
 *
 * Anything else (a second command, arguments to apply_patch, `cd a; apply_patch …`) is an
 * ordinary command.
 */
import { parsePatch } from './parse.ts';

export interface ShellPatch {
  patch: string;
  /** The `cd` directory: relative paths in the patch resolve against it (itself against cwd). */
  workdir: string | null;
}

const COMMANDS = new Set(['apply_patch', 'applypatch']);

/** The patch a shell command applies, or null when the command is not an apply_patch invocation. */
export function patchFromShellCommand(argv: readonly string[]): ShellPatch | null {
  if (argv.length === 2 && COMMANDS.has(argv[0]!)) return { patch: argv[1]!, workdir: null };
  const script = shellScript(argv);
  return script === null ? null : heredocInvocation(script);
}

/**
 * A bare patch given as the command, or as the whole script: the reference refuses it rather than
 * guess (see `IMPLICIT_INVOCATION_ERROR`).
 */
export function isImplicitPatch(argv: readonly string[]): boolean {
  if (argv.length === 1 && parsePatch(argv[0]!).ok) return true;
  const script = shellScript(argv);
  return script !== null && parsePatch(script).ok;
}

export const IMPLICIT_INVOCATION_ERROR = 'patch detected without explicit call to apply_patch. Rerun as ["apply_patch", "<patch>"]';

/** The script of `shell -c script` and its PowerShell and cmd equivalents. */
function shellScript(argv: readonly string[]): string | null {
  const [shell, ...rest] = argv;
  if (shell === undefined) return null;
  const name = fileStem(shell).toLowerCase();
  const powershell = name === 'pwsh' || name === 'powershell';
  const args = powershell && rest.length === 3 && rest[0]!.toLowerCase() === '-noprofile' ? rest.slice(1) : rest;
  if (args.length !== 2) return null;
  const flag = args[0]!;
  const ok =
    (['bash', 'zsh', 'sh'].includes(name) && (flag === '-c' || flag === '-lc')) ||
    (powershell && flag.toLowerCase() === '-command') ||
    (name === 'cmd' && flag.toLowerCase() === '/c');
  return ok ? args[1]! : null;
}

/** `Path::file_stem`: the last component without its last extension (`.bashrc` stays whole). */
function fileStem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

// An unquoted shell word, and the forms `cd` may take: word, 'raw', "plain" (no expansions).
const WORD = String.raw`[^\s;&|<>()$\x60"'\\]+`;
const CD = String.raw`cd[ \t]+(?:(${WORD})|'([^']*)'|"([^"$\x60\\]*)")[ \t]*&&\s*`;
const INVOCATION = new RegExp(
  String.raw`^\s*(?:${CD})?(?:apply_patch|applypatch)[ \t]*<<(-?)[ \t]*(?:'(\w+)'|"(\w+)"|(\w+))[ \t]*\n`,
);

function heredocInvocation(script: string): ShellPatch | null {
  const m = INVOCATION.exec(script);
  if (!m) return null;
  const workdir = m[1] ?? m[2] ?? m[3] ?? null;
  const stripTabs = m[4] === '-';
  const delimiter = m[5] ?? m[6] ?? m[7]!;
  const rest = script.slice(m[0].length).split('\n');
  const end = rest.findIndex((line) => (stripTabs ? line.replace(/^\t+/, '') : line) === delimiter);
  // The heredoc must close, and nothing but blank space may follow it.
  if (end < 0 || rest.slice(end + 1).some((line) => line.trim() !== '')) return null;
  const body = rest.slice(0, end).map((line) => (stripTabs ? line.replace(/^\t+/, '') : line));
  return { patch: body.join('\n').replace(/\n+$/, ''), workdir };
}

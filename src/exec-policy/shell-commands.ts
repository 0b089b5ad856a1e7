/**
 * The commands a policy judges for one argv. `bash|zsh|sh -c|-lc SCRIPT` is split into the plain
 * commands of its script; a script that is one command fed by a here-document is judged by that
 * command's words (the "complex" reading, which the heuristics trust less); anything else is
 * judged as the argv it is.
 */
import { plainCommands } from '../tools/shell/bash-words.ts';
import { shellScript } from '../tools/shell/command-actions.ts';
import { heredocCommandWords } from './heredoc.ts';

export interface PolicyCommands {
  commands: string[][];
  /** The here-document reading was used: no known-safe pass, no amendment derived from the words. */
  usedComplexParsing: boolean;
}

export function commandsForPolicy(argv: readonly string[]): PolicyCommands {
  const plain = plainShellCommands(argv);
  if (plain && plain.length > 0) return { commands: plain, usedComplexParsing: false };
  const script = posixScript(argv);
  const words = script === null ? null : heredocCommandWords(script);
  if (words) return { commands: [words], usedComplexParsing: true };
  return { commands: [[...argv]], usedComplexParsing: false };
}

/** The plain commands of a `bash|zsh|sh -c|-lc` script; null for other argv or other scripts. */
export function plainShellCommands(argv: readonly string[]): string[][] | null {
  const script = posixScript(argv);
  return script === null ? null : plainCommands(script);
}

function posixScript(argv: readonly string[]): string | null {
  const shell = shellScript(argv);
  return shell?.posix ? shell.script : null;
}

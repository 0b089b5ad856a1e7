/**
 * Matching commands against prefix rules. A rule matches when the command starts with its
 * pattern; a command whose program is a path (`/usr/bin/git`, `./git`) also matches the rules
 * written for its file name, unless `host_executable` lists the paths that name may have and
 * this is not one of them. Exact matches win over such basename matches.
 */
import { resolve } from 'node:path';
import { mostSevere, type Decision, type ExecPolicy, type PatternToken, type PrefixRule, type RuleMatch } from './types.ts';

export function emptyPolicy(): ExecPolicy {
  return { rulesByProgram: new Map(), networkRules: [], hostExecutables: new Map() };
}

/** The policy with a rule for exactly `prefix` added after the others (as an approved amendment is). */
export function withPrefixRule(policy: ExecPolicy, prefix: readonly string[], decision: Decision): ExecPolicy {
  const [first, ...rest] = prefix;
  if (first === undefined) return policy;
  const rule: PrefixRule = { first, rest: rest.map((single) => ({ single })), decision, justification: null };
  const rulesByProgram = new Map(policy.rulesByProgram);
  rulesByProgram.set(first, [...(rulesByProgram.get(first) ?? []), rule]);
  return { ...policy, rulesByProgram };
}

/** Decides a command no rule matched. */
export type HeuristicsFallback = (command: string[]) => Decision;

/** The rules matching `command`; with a fallback, one heuristics match when no rule did. */
export function matchesFor(policy: ExecPolicy, command: string[], fallback?: HeuristicsFallback): RuleMatch[] {
  const exact = matchRules(policy.rulesByProgram.get(command[0] ?? ''), command, null);
  const matches = exact.length ? exact : basenameMatches(policy, command);
  if (matches.length || !fallback) return matches;
  return [{ kind: 'heuristics', command: [...command], decision: fallback(command) }];
}

export interface Evaluation {
  decision: Decision;
  matchedRules: RuleMatch[];
}

/** Every command's matches, in command order; the most severe decision among them. */
export function evaluate(policy: ExecPolicy, commands: readonly string[][], fallback: HeuristicsFallback): Evaluation {
  const matchedRules = commands.flatMap((command) => matchesFor(policy, command, fallback));
  const decision = matchedRules.reduce<Decision>((worst, m) => mostSevere(worst, m.decision), 'allow');
  return { decision, matchedRules };
}

function matchRules(rules: readonly PrefixRule[] | undefined, command: string[], resolvedProgram: string | null): RuleMatch[] {
  const out: RuleMatch[] = [];
  for (const rule of rules ?? []) {
    const prefix = matchPrefix(rule, command);
    if (prefix) out.push({ kind: 'prefix', matchedPrefix: prefix, decision: rule.decision, justification: rule.justification, resolvedProgram });
  }
  return out;
}

function matchPrefix(rule: PrefixRule, command: string[]): string[] | null {
  const length = rule.rest.length + 1;
  if (command.length < length || command[0] !== rule.first) return null;
  const fits = rule.rest.every((token, i) => tokenMatches(token, command[i + 1]!));
  return fits ? command.slice(0, length) : null;
}

const tokenMatches = (token: PatternToken, word: string): boolean => ('single' in token ? token.single === word : token.alts.includes(word));

function basenameMatches(policy: ExecPolicy, command: string[]): RuleMatch[] {
  const program = command[0];
  if (program === undefined) return [];
  const name = executableName(program);
  if (name === null || name === program) return [];
  const rules = policy.rulesByProgram.get(name);
  if (!rules) return [];
  const absolute = resolve(program);
  const allowed = policy.hostExecutables.get(name);
  if (allowed && !allowed.includes(absolute)) return [];
  return matchRules(rules, [name, ...command.slice(1)], absolute);
}

/** The file name of a program path as Rust's `Path::file_name` gives it; null for `.`, `..`, `/`. */
export function executableName(program: string): string | null {
  const parts = program.split('/').filter((part, i) => part !== '' && (part !== '.' || i === 0));
  const last = parts.at(-1);
  return last === undefined || last === '.' || last === '..' ? null : last;
}

/**
 * The parsed execpolicy: prefix rules keyed by program, as the reference's `codex_execpolicy`
 * crate holds them. Values are immutable; changing a policy makes a new one.
 */

/** Ordered by severity: when several rules (or commands) disagree, the most severe wins. */
export type Decision = 'allow' | 'prompt' | 'forbidden';

const SEVERITY: Record<Decision, number> = { allow: 0, prompt: 1, forbidden: 2 };

export const mostSevere = (a: Decision, b: Decision): Decision => (SEVERITY[b] > SEVERITY[a] ? b : a);

/** One argv position of a pattern: a literal, or a list of accepted alternatives. */
export type PatternToken = { single: string } | { alts: string[] };

export interface PrefixRule {
  /** The program (argv[0]) the rule is keyed by; the first pattern token's alternatives each get a rule. */
  first: string;
  rest: PatternToken[];
  decision: Decision;
  justification: string | null;
}

export interface NetworkRule {
  host: string;
  protocol: 'http' | 'https' | 'socks5_tcp' | 'socks5_udp';
  decision: Decision;
  justification: string | null;
}

export interface ExecPolicy {
  /** Rules per program, in the order they were defined. */
  readonly rulesByProgram: ReadonlyMap<string, readonly PrefixRule[]>;
  readonly networkRules: readonly NetworkRule[];
  /** `host_executable(name, paths)`: the only absolute paths that may match rules written for `name`. */
  readonly hostExecutables: ReadonlyMap<string, readonly string[]>;
}

export type RuleMatch =
  | {
      kind: 'prefix';
      matchedPrefix: string[];
      decision: Decision;
      justification: string | null;
      /** Set when the rule matched through the program's basename (`/usr/bin/git` for a `git` rule). */
      resolvedProgram: string | null;
    }
  /** No rule matched the command; the heuristics decided. */
  | { kind: 'heuristics'; command: string[]; decision: Decision };

export interface TextPosition {
  line: number;
  column: number;
}

/** 1-based; `end` is the position just after the last character. */
export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

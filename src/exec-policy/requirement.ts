/**
 * Whether a command runs without asking, needs the user's approval, or is refused: the rules
 * first, the heuristics (safe list, dangerous list, approval policy, sandbox) for commands no rule
 * matches; across the commands of a script the most severe decision wins. Also what amendment
 * (a prefix rule the user may approve for good) to offer, and the texts the reference uses.
 */
import type { AskForApproval, SandboxPolicy } from '../protocol/index.ts';
import { shellJoin } from '../store/rollout/shell-join.ts';
import { commandMightBeDangerous } from './dangerous-commands.ts';
import { evaluate, withPrefixRule, type Evaluation, type HeuristicsFallback } from './policy.ts';
import { isKnownSafeCommand } from './safe-commands.ts';
import { commandsForPolicy } from './shell-commands.ts';
import type { Decision, ExecPolicy, RuleMatch } from './types.ts';

export type SandboxPermissionsRequest = 'use_default' | 'require_escalated' | 'with_additional_permissions';

export interface ExecRequest {
  /** The full argv the tool would run, e.g. `['/bin/bash', '-lc', 'touch a.txt']`. */
  command: string[];
  approvalPolicy: AskForApproval;
  sandboxPolicy: SandboxPolicy;
  sandboxPermissions: SandboxPermissionsRequest;
  /** The model's suggested `prefix_rule`, if any. */
  prefixRule: string[] | null;
}

export type ExecRequirement =
  /**
   * Run without asking. `bypassSandbox`: a rule allowed it, so it runs outside the sandbox.
   * `proposedAmendment` is offered if the sandboxed run fails and the user is asked to rerun it.
   */
  | { kind: 'skip'; bypassSandbox: boolean; proposedAmendment: string[] | null }
  /** Ask first; `reason` is set when a rule asked for the prompt. */
  | { kind: 'needsApproval'; reason: string | null; proposedAmendment: string[] | null }
  /** Refuse; the model is told `reason`. */
  | { kind: 'forbidden'; reason: string };

export const NEVER_PROMPT_REASON = 'approval required by policy, but AskForApproval is set to Never';
export const REJECT_SANDBOX_PROMPT_REASON = 'approval required by policy, but AskForApproval::Reject.sandbox_approval is set';
export const REJECT_RULES_PROMPT_REASON = 'approval required by policy rule, but AskForApproval::Reject.rules is set';

/** Prefixes too broad to offer as a standing approval, even when the model suggests them. */
const BANNED_PREFIXES: readonly string[][] = [
  ['python3'], ['python3', '-'], ['python3', '-c'], ['python'], ['python', '-'], ['python', '-c'], ['py'], ['py', '-3'],
  ['pythonw'], ['pyw'], ['pypy'], ['pypy3'], ['git'], ['bash'], ['bash', '-lc'], ['sh'], ['sh', '-c'], ['sh', '-lc'],
  ['zsh'], ['zsh', '-lc'], ['/bin/zsh'], ['/bin/zsh', '-lc'], ['/bin/bash'], ['/bin/bash', '-lc'], ['pwsh'],
  ['pwsh', '-Command'], ['pwsh', '-c'], ['powershell'], ['powershell', '-Command'], ['powershell', '-c'],
  ['powershell.exe'], ['powershell.exe', '-Command'], ['powershell.exe', '-c'], ['env'], ['sudo'], ['node'],
  ['node', '-e'], ['perl'], ['perl', '-e'], ['ruby'], ['ruby', '-e'], ['php'], ['php', '-r'], ['lua'], ['lua', '-e'],
  ['osascript'],
];

export function execRequirement(policy: ExecPolicy, req: ExecRequest): ExecRequirement {
  const { commands, usedComplexParsing } = commandsForPolicy(req.command);
  const fallback: HeuristicsFallback = (command) => unmatchedCommandDecision(command, req, usedComplexParsing);
  const evaluation = evaluate(policy, commands, fallback);
  switch (evaluation.decision) {
    case 'forbidden':
      return { kind: 'forbidden', reason: forbiddenReason(req.command, evaluation) };
    case 'prompt': {
      const ruleAsked = evaluation.matchedRules.some((m) => m.kind === 'prefix' && m.decision === 'prompt');
      const refusal = promptRefusal(req.approvalPolicy, ruleAsked);
      if (refusal) return { kind: 'forbidden', reason: refusal };
      const requested = requestedAmendment(req.prefixRule, evaluation, policy, commands, fallback);
      const derived = usedComplexParsing || ruleAsked ? null : firstHeuristicCommand(evaluation.matchedRules, 'prompt');
      return { kind: 'needsApproval', reason: promptReason(req.command, evaluation), proposedAmendment: requested ?? derived };
    }
    case 'allow': {
      const ruleMatched = evaluation.matchedRules.some((m) => m.kind === 'prefix');
      return {
        kind: 'skip',
        bypassSandbox: ruleMatched,
        proposedAmendment: usedComplexParsing || ruleMatched ? null : firstHeuristicCommand(evaluation.matchedRules, 'allow'),
      };
    }
  }
}

/** The heuristics, for a command no rule matched. */
function unmatchedCommandDecision(command: string[], req: ExecRequest, usedComplexParsing: boolean): Decision {
  if (!usedComplexParsing && isKnownSafeCommand(command)) return 'allow';
  const policy = req.approvalPolicy;
  if (commandMightBeDangerous(command)) return policy === 'never' ? 'forbidden' : 'prompt';
  switch (policy) {
    case 'never':
    case 'on-failure':
      return 'allow';
    case 'untrusted':
      return 'prompt';
    default: {
      // on-request and the granular form: the sandbox is the guard, so only a request to leave it asks.
      const sandboxed = req.sandboxPolicy.type === 'readOnly' || req.sandboxPolicy.type === 'workspaceWrite';
      return sandboxed && req.sandboxPermissions !== 'use_default' ? 'prompt' : 'allow';
    }
  }
}

/** Why a prompt cannot be shown under this approval policy, or null when it can. */
function promptRefusal(policy: AskForApproval, ruleAsked: boolean): string | null {
  if (policy === 'never') return NEVER_PROMPT_REASON;
  if (typeof policy !== 'object') return null;
  if (ruleAsked) return policy.reject.rules ? REJECT_RULES_PROMPT_REASON : null;
  return policy.reject.sandbox_approval ? REJECT_SANDBOX_PROMPT_REASON : null;
}

/**
 * After a sandboxed run failed like a sandbox denial: may the user be asked to rerun it outside?
 * Not under `never` or `on-request` (the model was told to ask up front), nor under the granular
 * form when it rejects sandbox approvals.
 */
export function mayAskToEscalate(policy: AskForApproval): boolean {
  if (typeof policy === 'object') return !policy.reject.sandbox_approval;
  return policy === 'untrusted' || policy === 'on-failure';
}

/** The model's `prefix_rule`, when it is narrow enough and would really cover every command. */
function requestedAmendment(prefix: string[] | null, evaluation: Evaluation, policy: ExecPolicy, commands: string[][], fallback: HeuristicsFallback): string[] | null {
  if (!prefix || prefix.length === 0) return null;
  if (BANNED_PREFIXES.some((banned) => banned.length === prefix.length && banned.every((word, i) => word === prefix[i]))) return null;
  if (evaluation.matchedRules.some((m) => m.kind === 'prefix')) return null;
  const amended = withPrefixRule(policy, prefix, 'allow');
  return commands.every((command) => evaluate(amended, [command], fallback).decision === 'allow') ? [...prefix] : null;
}

const firstHeuristicCommand = (matches: RuleMatch[], decision: Decision): string[] | null => {
  const found = matches.find((m) => m.kind === 'heuristics' && m.decision === decision);
  return found?.kind === 'heuristics' ? found.command : null;
};

/** The most specific rule of a decision: the longest matched prefix, the last one on a tie. */
function mostSpecific(matches: RuleMatch[], decision: Decision): Extract<RuleMatch, { kind: 'prefix' }> | null {
  let best: Extract<RuleMatch, { kind: 'prefix' }> | null = null;
  for (const m of matches) {
    if (m.kind === 'prefix' && m.decision === decision && (!best || m.matchedPrefix.length >= best.matchedPrefix.length)) best = m;
  }
  return best;
}

function promptReason(command: string[], evaluation: Evaluation): string | null {
  const rule = mostSpecific(evaluation.matchedRules, 'prompt');
  if (!rule) return null;
  const shown = shellJoin(command);
  return rule.justification !== null ? `\`${shown}\` requires approval: ${rule.justification}` : `\`${shown}\` requires approval by policy`;
}

function forbiddenReason(command: string[], evaluation: Evaluation): string {
  const shown = shellJoin(command);
  const rule = mostSpecific(evaluation.matchedRules, 'forbidden');
  if (!rule) return `\`${shown}\` rejected: blocked by policy`;
  if (rule.justification !== null) return `\`${shown}\` rejected: ${rule.justification}`;
  return `\`${shown}\` rejected: policy forbids commands starting with \`${shellJoin(rule.matchedPrefix)}\``;
}

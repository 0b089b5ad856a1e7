/**
 * When a command or a patch may run without asking, must be approved by the user, or is refused;
 * and the execpolicy rules (`$CODEX_HOME/rules/*.rules`) that shape it.
 */
export { commandMightBeDangerous } from './dangerous-commands.ts';
export { PATCH_OUTSIDE_PROJECT_REASON, patchRequirement, type PatchRequest, type PatchRequirement } from './patch-requirement.ts';
export { emptyPolicy } from './policy.ts';
export {
  execRequirement,
  mayAskToEscalate,
  NEVER_PROMPT_REASON,
  REJECT_RULES_PROMPT_REASON,
  REJECT_SANDBOX_PROMPT_REASON,
  type ExecRequest,
  type ExecRequirement,
  type SandboxPermissionsRequest,
} from './requirement.ts';
export { allowRuleLine, appendAllowRule, loadExecPolicy, RULES_WARNING_SUMMARY, type LoadedPolicy } from './rules-files.ts';
export { parseRules, parseRulesFiles, type RulesError, type RulesFile, type RulesResult } from './rules.ts';
export { isKnownSafeCommand } from './safe-commands.ts';
export type { Decision, ExecPolicy } from './types.ts';

/** Reason of the approval request when a sandboxed run failed and the user is asked to rerun it outside. */
export const RETRY_WITHOUT_SANDBOX_REASON = 'command failed; retry without sandbox?';

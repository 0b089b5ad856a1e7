import type { Settings } from '../config/index.ts';
import { patchAllowed } from '../core/patch-policy.ts';
import { shellEnvironment } from '../core/shell-environment.ts';
import { applyPatchHandler, type ApplyPatchOptions } from './apply-patch/index.ts';
import { commandAuthorizer, type CommandPolicy } from './approvals/command-approval.ts';
import { patchAuthorizer, type PatchPolicy } from './approvals/patch-approval.ts';
import { ToolRegistry, type ToolContext } from './registry.ts';
import { requestPermissionsHandler } from './request-permissions.ts';
import { requestUserInputHandler } from './request-user-input.ts';
import { plainCommands } from './shell/bash-words.ts';
import { shellToolHandlers, UnifiedExecSessions } from './shell/index.ts';
import { updatePlanHandler } from './update-plan.ts';

const interimCommandPolicy: CommandPolicy = {
  requirement: ({ command, approvalPolicy, sandboxPermissions }) => {
    const inner = command.length === 3 && command[1] === '-lc' ? plainCommands(command[2]!) : [command];
    const proposedAmendment = inner?.length === 1 ? inner[0]! : null;
    if (approvalPolicy === 'untrusted') return { kind: 'needsApproval', reason: null, proposedAmendment };
    if (approvalPolicy === 'on-request' && sandboxPermissions === 'require_escalated') return { kind: 'needsApproval', reason: null, proposedAmendment };
    return { kind: 'skip', bypassSandbox: false, proposedAmendment: null };
  },
  amend: () => {},
  mayAskToEscalate: (policy) => policy !== 'never',
};

const interimPatchPolicy: PatchPolicy = ({ paths, approvalPolicy, sandboxPolicy, cwd }) => {
  if (approvalPolicy === 'untrusted') return { kind: 'ask', reason: null, grantRoot: null };
  return patchAllowed(paths, sandboxPolicy, cwd) ? { kind: 'apply' } : { kind: 'reject', reason: 'writing outside of the project; rejected by user approval settings' };
};

/** The tools Weft runs itself, by the names the model calls them, and the state they keep. */
export function builtInTools(settings: Settings): { tools: ToolRegistry; sessions: UnifiedExecSessions } {
  const tools = new ToolRegistry();
  const sessions = new UnifiedExecSessions();
  const patchOptions: ApplyPatchOptions = { turnDiff: (ctx) => ctx.turnDiff, authorize: patchAuthorizer(interimPatchPolicy) };
  tools.register('apply_patch', applyPatchHandler(patchOptions));
  tools.register('update_plan', updatePlanHandler);
  tools.register('request_user_input', requestUserInputHandler(settings.features.default_mode_request_user_input));
  tools.register('request_permissions', requestPermissionsHandler);
  const env = (ctx: ToolContext) => shellEnvironment(ctx.shellEnvironmentPolicy);
  const shell = shellToolHandlers({ env, truncation: (ctx) => ctx.toolOutputPolicy, authorize: commandAuthorizer(interimCommandPolicy), sessions, applyPatch: patchOptions });
  for (const [name, handler] of Object.entries(shell)) tools.register(name, handler);
  return { tools, sessions };
}

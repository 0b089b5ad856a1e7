import type { Settings } from '../config/index.ts';
import { shellEnvironment } from '../core/shell-environment.ts';
import { execRequirement, mayAskToEscalate, patchRequirement } from '../exec-policy/index.ts';
import { applyPatchHandler, type ApplyPatchOptions } from './apply-patch/index.ts';
import { commandAuthorizer, type CommandPolicy } from './approvals/command-approval.ts';
import { patchAuthorizer } from './approvals/patch-approval.ts';
import { dynamicToolHandler } from './dynamic-tool.ts';
import { ToolRegistry, type ToolContext } from './registry.ts';
import { requestPermissionsHandler } from './request-permissions.ts';
import { requestUserInputHandler } from './request-user-input.ts';
import { shellToolHandlers, UnifiedExecSessions } from './shell/index.ts';
import { updatePlanHandler } from './update-plan.ts';
import { viewImageHandler } from './view-image/tool.ts';

/** A call's command rules: its thread's execpolicy, with the user's amendments written to it. */
export const commandPolicy = (ctx: ToolContext): CommandPolicy => ({
  requirement: (req) => execRequirement(ctx.rules.policy, req),
  amend: (prefix) => {
    // As the reference, a rule that cannot be saved does not stop the approved command.
    if (ctx.rules.amend(prefix) === null) ctx.tellModel(`Saved a rule allowing commands that start with:\n- [${prefix.map((w) => JSON.stringify(w)).join(', ')}]`);
  },
  mayAskToEscalate,
});

/** The tools Weft runs itself, by the names the model calls them, and the state they keep. */
export function builtInTools(settings: Settings): { tools: ToolRegistry; sessions: UnifiedExecSessions } {
  const tools = new ToolRegistry();
  const sessions = new UnifiedExecSessions();
  const patchOptions: ApplyPatchOptions = {
    turnDiff: (ctx) => ctx.turnDiff,
    // TMPDIR is a writable root: the server's own, which commands inherit.
    authorize: patchAuthorizer((req) => patchRequirement({ ...req, env: process.env })),
  };
  tools.register('apply_patch', applyPatchHandler(patchOptions));
  tools.register('update_plan', updatePlanHandler);
  tools.register('request_user_input', requestUserInputHandler(settings.features.default_mode_request_user_input));
  tools.register('view_image', viewImageHandler);
  tools.register('request_permissions', requestPermissionsHandler);
  tools.registerFallback(dynamicToolHandler);
  const env = (ctx: ToolContext) => shellEnvironment(ctx.shellEnvironmentPolicy);
  const authorize = commandAuthorizer(commandPolicy);
  const shell = shellToolHandlers({ env, truncation: (ctx) => ctx.toolOutputPolicy, authorize, sessions, applyPatch: patchOptions });
  for (const [name, handler] of Object.entries(shell)) tools.register(name, handler);
  return { tools, sessions };
}

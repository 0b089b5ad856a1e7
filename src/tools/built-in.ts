import { resolve } from 'node:path';
import type { Settings } from '../config/index.ts';
import { patchAllowed } from '../core/patch-policy.ts';
import { shellEnvironment } from '../core/shell-environment.ts';
import { applyPatchHandler, type ApplyPatchOptions } from './apply-patch/index.ts';
import { ToolRegistry } from './registry.ts';
import { shellToolHandlers, UnifiedExecSessions, type ExecApprovalRequest, type ExecDecision } from './shell/index.ts';
import type { ToolContext } from './registry.ts';
import { updatePlanHandler } from './update-plan.ts';
import { viewImageHandler } from './view-image/tool.ts';

/** Patches are written when the sandbox policy allows them; asking the user arrives with approvals. */
const patchOptions: ApplyPatchOptions = {
  turnDiff: (ctx) => ctx.turnDiff,
  authorize: async (request, ctx) => {
    const paths = request.changes.flatMap((c) => (c.patchMovePath ? [c.path, resolve(ctx.cwd, c.patchMovePath)] : [c.path]));
    return patchAllowed(paths, ctx.sandboxPolicy, ctx.cwd) ? 'apply' : 'decline';
  },
};

/**
 * Commands run as the sandbox policy says. Until approvals exist, nothing runs outside the
 * sandbox on a retry, and `untrusted` (which asks before every command) declines instead of asking.
 */
async function authorizeCommand(_request: ExecApprovalRequest, ctx: ToolContext): Promise<ExecDecision> {
  if (ctx.approvalPolicy === 'untrusted') return { declined: 'rejected: this command needs the user\'s approval, which this server cannot ask for yet' };
  return 'run';
}

/** The tools Weft runs itself, by the names the model calls them, and the state they keep. */
export function builtInTools(settings: Settings): { tools: ToolRegistry; sessions: UnifiedExecSessions } {
  const tools = new ToolRegistry();
  const sessions = new UnifiedExecSessions();
  tools.register('apply_patch', applyPatchHandler(patchOptions));
  tools.register('update_plan', updatePlanHandler);
  tools.register('view_image', viewImageHandler);
  const env = () => shellEnvironment(settings.shellEnvironmentPolicy);
  const shell = shellToolHandlers({ env, authorize: authorizeCommand, sessions, applyPatch: patchOptions });
  for (const [name, handler] of Object.entries(shell)) tools.register(name, handler);
  return { tools, sessions };
}

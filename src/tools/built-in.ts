import { resolve } from 'node:path';
import { patchAllowed } from '../core/patch-policy.ts';
import { applyPatchHandler } from './apply-patch/index.ts';
import { ToolRegistry } from './registry.ts';
import { updatePlanHandler } from './update-plan.ts';

/** The tools Weft runs itself, by the names the model calls them. */
export function builtInTools(): ToolRegistry {
  const tools = new ToolRegistry();
  tools.register(
    'apply_patch',
    applyPatchHandler({
      turnDiff: (ctx) => ctx.turnDiff,
      authorize: async (request, ctx) => {
        const paths = request.changes.flatMap((c) => (c.patchMovePath ? [c.path, resolve(ctx.cwd, c.patchMovePath)] : [c.path]));
        return patchAllowed(paths, ctx.sandboxPolicy, ctx.cwd) ? 'apply' : 'decline';
      },
    }),
  );
  tools.register('update_plan', updatePlanHandler);
  return tools;
}

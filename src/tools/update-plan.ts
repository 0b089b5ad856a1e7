import type { TurnPlanStepStatus } from '../protocol/index.ts';
import { toolOutput, type ToolHandler } from './registry.ts';

const STATUS: Record<string, TurnPlanStepStatus> = { pending: 'pending', in_progress: 'inProgress', completed: 'completed' };

interface PlanArgs {
  explanation?: string | null;
  plan: Array<{ step: string; status: string }>;
}

/** Checks the model's arguments; a message for the model when they are unusable. */
function parseArgs(input: string): PlanArgs | string {
  let args: unknown;
  try {
    args = JSON.parse(input);
  } catch (err) {
    return `failed to parse function arguments: ${(err as Error).message}`;
  }
  const a = args as Partial<PlanArgs>;
  if (!a || typeof a !== 'object' || !Array.isArray(a.plan)) return 'failed to parse function arguments: missing field `plan`';
  for (const item of a.plan) {
    if (typeof item?.step !== 'string' || !(item.status in STATUS)) {
      return 'failed to parse function arguments: each plan item needs a `step` and a `status` of pending, in_progress or completed';
    }
  }
  return a as PlanArgs;
}

/**
 * `update_plan`: the model keeps a checklist; clients see it as `turn/plan/updated` (statuses in
 * the protocol's camelCase), the model gets a short acknowledgement.
 */
export const updatePlanHandler: ToolHandler = async (call, ctx) => {
  // Plan mode has its own plan (the proposed_plan block); the checklist would compete with it.
  if (ctx.collaborationMode === 'plan') return toolOutput(call, 'update_plan is a TODO/checklist tool and is not allowed in Plan mode');
  const args = parseArgs(call.input);
  if (typeof args === 'string') return toolOutput(call, args);
  ctx.notify('turn/plan/updated', {
    explanation: args.explanation ?? null,
    plan: args.plan.map((p) => ({ step: p.step, status: STATUS[p.status]! })),
  });
  return toolOutput(call, 'Plan updated');
};

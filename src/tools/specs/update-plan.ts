import { closedObject, functionTool, string } from './types.ts';

export const UPDATE_PLAN = functionTool(
  'update_plan',
  'Record or revise your step-by-step plan for the task. Give every step a status; at most one step is in_progress at a time. Optionally explain what changed.',
  closedObject(
    {
      explanation: string(),
      plan: {
        type: 'array',
        items: closedObject({ step: string(), status: string('One of pending, in_progress or completed.') }, ['step', 'status']),
        description: 'The steps, in order.',
      },
    },
    ['plan'],
  ),
);

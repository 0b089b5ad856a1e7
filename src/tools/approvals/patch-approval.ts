/**
 * Whether a patch may be written, asking the user when the policy says so: the `authorize` seam
 * of apply_patch. As with the reference, the fileChange item starts before the question
 * (`item/fileChange/requestApproval`), a declined item is completed before the thread stops
 * waiting, `acceptForSession` covers later patches to the same files, and `cancel` ends the turn.
 */
import { resolve } from 'node:path';
import type { PatchRequirement } from '../../exec-policy/index.ts';
import type { AskForApproval, SandboxPolicy } from '../../protocol/index.ts';
import type { PatchDecision, PatchRequest } from '../apply-patch/index.ts';
import type { ToolContext } from '../registry.ts';
import { approvalAnswer, type ApprovalAnswer } from './decisions.ts';

export type PatchPolicy = (req: { paths: string[]; approvalPolicy: AskForApproval; sandboxPolicy: SandboxPolicy; cwd: string }) => PatchRequirement;

export function patchAuthorizer(policy: PatchPolicy): (request: PatchRequest, ctx: ToolContext, start: () => void) => Promise<PatchDecision> {
  return async (request, ctx, start) => {
    const paths = request.changes.flatMap((c) => (c.patchMovePath ? [c.path, resolve(request.cwd, c.patchMovePath)] : [c.path]));
    const requirement = policy({ paths, approvalPolicy: ctx.approvalPolicy, sandboxPolicy: ctx.sandboxPolicy, cwd: request.cwd });
    if (requirement.kind === 'reject') return { rejected: requirement.reason };
    start();
    const keys = paths.map((p) => JSON.stringify(['patch', p]));
    if (requirement.kind === 'apply' || keys.every((k) => ctx.sessionApprovals.has(k))) return 'apply';

    let answer: ApprovalAnswer | null = null;
    const params = { itemId: request.itemId, reason: requirement.reason, grantRoot: requirement.grantRoot };
    await ctx.ask('item/fileChange/requestApproval', params, {
      flag: 'waitingOnApproval',
      onAnswer: (raw) => {
        answer = approvalAnswer(raw);
        if (answer.kind !== 'accept' && answer.kind !== 'acceptForSession') {
          ctx.completeItem({ ...request.item, status: answer.kind === 'failed' ? 'failed' : 'declined' });
        }
      },
    });
    switch (answer!.kind) {
      case 'accept':
        return 'apply';
      case 'acceptForSession':
        for (const k of keys) ctx.sessionApprovals.add(k);
        return 'apply';
      case 'cancel':
        ctx.interruptTurn();
        throw ctx.signal.reason;
      default:
        return 'declined';
    }
  };
}

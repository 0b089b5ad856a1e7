/**
 * Whether a command the model wants to run may run, asking the user when the policy says so.
 * This is the `authorize` seam of the shell tools (see ExecApprovalRequest): called before a
 * command runs, and again when a sandboxed run failed the way sandboxes make commands fail.
 *
 * What clients see follows the reference: `item/commandExecution/requestApproval` with the
 * decisions the UI may offer, `serverRequest/resolved` once answered, a declined (or, when the
 * client answered with an error, failed) item before the thread stops waiting, and for `cancel`
 * the turn ends as interrupted.
 */
import type { ExecRequirement, SandboxPermissionsRequest } from '../../exec-policy/index.ts';
import type { AskForApproval, SandboxPolicy } from '../../protocol/index.ts';
import { approvalProfile } from '../permissions/profile.ts';
import type { ToolContext } from '../registry.ts';
import { commandItem, type ExecApprovalRequest, type ExecDecision } from '../shell/runtime.ts';
import { approvalAnswer, type ApprovalAnswer } from './decisions.ts';

/** The rules that decide about commands (the execpolicy rules and the reference's heuristics). */
export interface CommandPolicy {
  requirement(req: {
    command: string[];
    approvalPolicy: AskForApproval;
    sandboxPolicy: SandboxPolicy;
    sandboxPermissions: SandboxPermissionsRequest;
    prefixRule: string[] | null;
  }): ExecRequirement;
  /** Persists an allow rule for commands starting with `prefix` (acceptWithExecpolicyAmendment). */
  amend(prefix: string[]): void;
  /** After a sandbox denial: may the user be asked to rerun outside the sandbox? */
  mayAskToEscalate(approvalPolicy: AskForApproval): boolean;
}

const RETRY_REASON = 'command failed; retry without sandbox?';

/** Calls the user approved in a turn: their rerun outside the sandbox is not asked again. */
const approvedCalls = new WeakMap<AbortSignal, Set<string>>();

/** `policyOf` gives the rules that apply to a call (its thread's). */
export function commandAuthorizer(policyOf: (ctx: ToolContext) => CommandPolicy): (request: ExecApprovalRequest, ctx: ToolContext) => Promise<ExecDecision> {
  return async (request, ctx) => {
    const policy = policyOf(ctx);
    const requirement = policy.requirement({
      command: request.argv,
      approvalPolicy: ctx.approvalPolicy,
      sandboxPolicy: ctx.sandboxPolicy,
      sandboxPermissions: request.sandboxPermissions,
      prefixRule: request.prefixRule,
    });
    const escalated = request.sandboxPermissions === 'require_escalated';
    const key = approvalKey(request);
    if (request.retry === null) {
      if (requirement.kind === 'forbidden') return { declined: requirement.reason };
      if (requirement.kind === 'skip') return requirement.bypassSandbox || escalated ? 'runUnsandboxed' : 'run';
      if (ctx.sessionApprovals.has(key)) return escalated ? 'runUnsandboxed' : 'run';
      const answer = await ask(ctx, request, requirement.reason ?? request.justification, requirement.proposedAmendment);
      const decision = apply(answer, ctx, policy, key);
      if (decision === 'run') {
        remember(ctx.signal, request.itemId);
        return escalated ? 'runUnsandboxed' : 'run';
      }
      return decision;
    }
    // A sandboxed run failed: rerun outside only with the user's consent, unless they already gave it.
    if (!policy.mayAskToEscalate(ctx.approvalPolicy)) return 'run';
    if (approvedCalls.get(ctx.signal)?.has(request.itemId) || ctx.sessionApprovals.has(key)) return 'runUnsandboxed';
    const proposed = requirement.kind === 'forbidden' ? null : requirement.proposedAmendment;
    const decision = apply(await ask(ctx, request, RETRY_REASON, proposed), ctx, policy, key);
    return decision === 'run' ? 'runUnsandboxed' : decision;
  };
}

/** acceptForSession covers the same command in the same place with the same permissions. */
function approvalKey(request: ExecApprovalRequest): string {
  return JSON.stringify(['command', request.tool === 'exec_command', request.argv, request.cwd, request.sandboxPermissions, request.additionalPermissions]);
}

function remember(signal: AbortSignal, itemId: string): void {
  let calls = approvedCalls.get(signal);
  if (!calls) approvedCalls.set(signal, (calls = new Set()));
  calls.add(itemId);
}

function ask(ctx: ToolContext, request: ExecApprovalRequest, reason: string | null, proposed: string[] | null): Promise<ApprovalAnswer> {
  let read: ApprovalAnswer | null = null;
  const additional = request.additionalPermissions;
  const params: Record<string, unknown> = {
    itemId: request.itemId,
    ...(reason !== null ? { reason } : {}),
    command: request.command,
    cwd: request.cwd,
    commandActions: request.commandActions,
    ...(proposed ? { proposedExecpolicyAmendment: proposed } : {}),
    ...(additional ? { additionalPermissions: approvalProfile(additional) } : {}),
    // A command with permissions of its own is approved as it is: no standing rule is offered for it.
    availableDecisions: ['accept', ...(proposed && !additional ? [{ acceptWithExecpolicyAmendment: { execpolicy_amendment: proposed } }] : []), 'cancel'],
  };
  return ctx
    .ask('item/commandExecution/requestApproval', params, {
      flag: 'waitingOnApproval',
      onAnswer: (answer) => {
        read = approvalAnswer(answer);
        // The reference's app-server closes the item itself when the command will not run.
        if (read.kind === 'decline' || read.kind === 'cancel' || read.kind === 'failed') {
          ctx.completeItem(commandItem(request, { status: read.kind === 'failed' ? 'failed' : 'declined' }));
        }
      },
    })
    .then(() => read!);
}

/** Acts on the answer; `run` when the command may run. */
function apply(answer: ApprovalAnswer, ctx: ToolContext, policy: CommandPolicy, key: string): ExecDecision {
  switch (answer.kind) {
    case 'accept':
      return 'run';
    case 'acceptForSession':
      ctx.sessionApprovals.add(key);
      return 'run';
    case 'acceptWithExecpolicyAmendment':
      policy.amend(answer.prefix);
      return 'run';
    case 'cancel':
      ctx.interruptTurn();
      throw ctx.signal.reason;
    default:
      return { declined: 'rejected by user' };
  }
}

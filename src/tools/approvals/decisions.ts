import type { ClientAnswer } from '../../core/client-requests.ts';

/** What a client answered to an approval request, reduced to what the server acts on. */
export type ApprovalAnswer =
  | { kind: 'accept' }
  | { kind: 'acceptForSession' }
  | { kind: 'acceptWithExecpolicyAmendment'; prefix: string[] }
  | { kind: 'decline' }
  | { kind: 'cancel' }
  /** The client answered with an error: the reference marks the item failed and goes on as if declined. */
  | { kind: 'failed' };

/**
 * Reads `{decision}` from a client's answer. Anything the reference cannot read as a decision (an
 * unknown value, a missing field) counts as `decline`, as there.
 */
export function approvalAnswer(answer: ClientAnswer): ApprovalAnswer {
  if (answer.kind === 'error') return { kind: 'failed' };
  const decision = (answer.result as { decision?: unknown } | null)?.decision;
  if (decision === 'accept' || decision === 'acceptForSession' || decision === 'decline' || decision === 'cancel') return { kind: decision };
  if (decision && typeof decision === 'object') {
    const amendment = (decision as { acceptWithExecpolicyAmendment?: { execpolicy_amendment?: unknown } }).acceptWithExecpolicyAmendment?.execpolicy_amendment;
    if (Array.isArray(amendment) && amendment.length > 0 && amendment.every((w) => typeof w === 'string')) {
      return { kind: 'acceptWithExecpolicyAmendment', prefix: amendment };
    }
  }
  return { kind: 'decline' };
}

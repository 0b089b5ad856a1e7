/**
 * What the command tools share: the commandExecution item, the approval seam, and how a command
 * is prepared to run (sandboxed or not). index.ts builds a CommandRuntime per call.
 */
import { StringDecoder } from 'node:string_decoder';
import type { CommandAction, ThreadItem } from '../../protocol/index.ts';
import type { SandboxPermissionsRequest } from '../../exec-policy/index.ts';
import type { PermissionProfile } from '../permissions/profile.ts';
import type { ToolContext } from '../registry.ts';
import type { ProcessSpec } from './process.ts';

export type CommandExecutionItem = Extract<ThreadItem, { type: 'commandExecution' }>;

/** Asked before a command runs, and again when a sandboxed run failed in a way a rerun outside could fix. */
export interface ExecApprovalRequest {
  tool: 'shell' | 'shell_command' | 'exec_command';
  /** The call id, which is also the commandExecution item's id. */
  itemId: string;
  /** The command as the model asked for it (before any sandbox wrapper). */
  argv: string[];
  /** `argv` as clients are shown it. */
  command: string;
  cwd: string;
  commandActions: CommandAction[];
  /**
   * What the approval rules go by: the model's own `use_default`, `require_escalated` or
   * `with_additional_permissions`, except that asking only for what the turn was granted counts
   * as `use_default`.
   */
  sandboxPermissions: SandboxPermissionsRequest;
  /** The permissions the command runs with beyond the sandbox, shown to the user when asked; null for none. */
  additionalPermissions: PermissionProfile | null;
  justification: string | null;
  prefixRule: string[] | null;
  /** Set when asking to rerun without the sandbox. */
  retry: { reason: 'sandboxDenied'; output: string } | { reason: 'sandboxUnavailable'; message: string } | null;
}

/**
 * `run`: as the policy says (sandboxed when it sandboxes); `runUnsandboxed`: outside the sandbox;
 * `declined`: not at all, `reason` in the reference's words (`rejected by user`). To a retry
 * request, `run` means "no": the sandboxed failure stands.
 */
export type ExecDecision = 'run' | 'runUnsandboxed' | { declined: string };

export interface Launch {
  spec: Omit<ProcessSpec, 'tty'>;
  sandboxed: boolean;
  /** The sandbox cut the network off: network errors count as denials too. */
  networkBlocked: boolean;
}

export interface CommandRuntime {
  request: Omit<ExecApprovalRequest, 'retry'>;
  authorize(retry: ExecApprovalRequest['retry']): Promise<ExecDecision>;
  /** The command ready to spawn; throws SandboxUnavailableError when the policy cannot be enforced. */
  launch(unsandboxed: boolean): Launch;
}

export function commandItem(request: CommandRuntime['request'], fields: Partial<CommandExecutionItem>): CommandExecutionItem {
  return {
    type: 'commandExecution',
    id: request.itemId,
    command: request.command,
    cwd: request.cwd,
    processId: null,
    status: 'inProgress',
    commandActions: request.commandActions,
    aggregatedOutput: null,
    exitCode: null,
    durationMs: null,
    ...fields,
  };
}

/** The status a finished command's item gets. */
export const statusFor = (exitCode: number): CommandExecutionItem['status'] => (exitCode === 0 ? 'completed' : 'failed');

/** Output text for an item: the reference shows none rather than an empty string. */
export const itemOutput = (text: string): string | null => (text === '' ? null : text);

/** The reference's caps: notifications stop after this many per command (output is still kept)… */
const MAX_DELTAS = 10_000;
/** …and none carries more than this many bytes. */
const MAX_DELTA_BYTES = 8192;

/** A sink for a command's output that sends it to clients as `item/commandExecution/outputDelta`. */
export function outputDeltas(ctx: Pick<ToolContext, 'notify'>, itemId: string): (chunk: Buffer) => void {
  // Decoding across chunks keeps a character split between two reads whole.
  const decoder = new StringDecoder('utf8');
  let sent = 0;
  return (chunk) => {
    for (let at = 0; at < chunk.length && sent < MAX_DELTAS; at += MAX_DELTA_BYTES) {
      const delta = decoder.write(chunk.subarray(at, at + MAX_DELTA_BYTES));
      if (delta === '') continue;
      ctx.notify('item/commandExecution/outputDelta', { itemId, delta });
      sent++;
    }
  };
}

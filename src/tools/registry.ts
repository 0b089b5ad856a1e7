import type { ResponseItem } from '../model/index.ts';
import type { FeatureStates, Settings } from '../config/index.ts';
import type { AskOptions, ClientAnswer } from '../core/client-requests.ts';
import type { ThreadRules } from '../core/thread-rules.ts';
import type { AskForApproval, DynamicToolSpec, ModeKind, SandboxPolicy, ThreadItem } from '../protocol/index.ts';
import type { TurnDiffTracker } from './apply-patch/index.ts';
import type { PermissionGrants } from './permissions/grants.ts';
import type { TruncationPolicy } from './shell/truncate.ts';

/** A tool call the model made, in the form every tool handler takes. */
export interface ToolCall {
  callId: string;
  name: string;
  /** JSON arguments for function tools, free text for custom (freeform) tools. */
  input: string;
  kind: 'function' | 'custom';
}

/** What a tool may know of its turn and how it reports to the thread's clients. */
export interface ToolContext {
  threadId: string;
  turnId: string;
  /** Aborted when the turn is interrupted. */
  signal: AbortSignal;
  cwd: string;
  sandboxPolicy: SandboxPolicy;
  approvalPolicy: AskForApproval;
  /** How commands' environments are built (the thread's `shell_environment_policy`). */
  shellEnvironmentPolicy: Settings['shellEnvironmentPolicy'];
  /** The model's budget for a tool output (its catalogue's, or `tool_output_token_limit`). */
  toolOutputPolicy: TruncationPolicy;
  /** The turn's collaboration mode (Default unless a turn asked for another). */
  collaborationMode: ModeKind;
  /** The thread's feature flags (config with its overrides). */
  features: FeatureStates;
  /** What the user granted this turn through `request_permissions`; later commands run with it. */
  permissionGrants: PermissionGrants;
  /** The client's tools from thread/start, run by the client through `item/tool/call`. */
  dynamicTools: readonly DynamicToolSpec[];
  /**
   * `item/started` for an item the tool runs as (a command, a file change). With `stored` the
   * started item is also written where the thread keeps such items, so a call that never
   * completes still shows in `thread/read`, in progress, as with the reference.
   */
  startItem(item: ThreadItem, opts?: { stored: boolean }): void;
  /** A streaming notification about a started item (`item/commandExecution/outputDelta`…). */
  notify(method: string, params: Record<string, unknown>): void;
  /** The item's final state: written to the store, then `item/completed`. */
  completeItem(item: ThreadItem): void;
  /** The files this turn changed, for its aggregated diff (`turn/diff/updated`). */
  turnDiff: TurnDiffTracker;
  /**
   * Sends the thread's clients a server request (`threadId` and `turnId` are added) and waits for
   * the first answer; rejects with the abort reason when the turn is interrupted meanwhile.
   */
  ask(method: string, params: Record<string, unknown>, opts: AskOptions): Promise<ClientAnswer>;
  /** Adds a developer note to the model's history now, before the call's output. */
  tellModel(text: string): void;
  /** Ends the turn as interrupted (the user chose `cancel`). */
  interruptTurn(): void;
  /** The thread's execpolicy rules, which decide about commands and take the user's amendments. */
  rules: ThreadRules;
  /** Approvals the user gave for the rest of the thread's session (acceptForSession). */
  sessionApprovals: Set<string>;
}

/** Runs one call and returns what the model gets back. */
export type ToolHandler = (call: ToolCall, ctx: ToolContext) => Promise<ResponseItem>;

/** Recognises the calls the Responses API can make; anything else is not a tool call. */
export function toolCallOf(item: ResponseItem): ToolCall | null {
  if (item.type === 'function_call') return { callId: item.call_id, name: item.name, input: item.arguments, kind: 'function' };
  if (item.type === 'custom_tool_call') return { callId: item.call_id, name: item.name, input: item.input, kind: 'custom' };
  return null;
}

/** What the model gets back for a call, in the item type matching the call. */
export function toolOutput(call: ToolCall, output: string): ResponseItem {
  return call.kind === 'custom'
    ? { type: 'custom_tool_call_output', call_id: call.callId, output }
    : { type: 'function_call_output', call_id: call.callId, output };
}

/** What the model reads for a call to a tool that does not exist. */
export const unsupportedCall = (call: ToolCall): ResponseItem => toolOutput(call, `unsupported call: ${call.name}`);

/**
 * Tools by name. Calls to other names go to the fallback (the thread's own tools); a call nobody
 * handles is answered to the model, as the reference does, so the turn goes on and the model can
 * correct itself.
 */
export class ToolRegistry {
  private readonly handlers = new Map<string, ToolHandler>();
  private fallback: ToolHandler = (call) => Promise.resolve(unsupportedCall(call));

  register(name: string, handler: ToolHandler): void {
    this.handlers.set(name, handler);
  }

  /** Handles the calls to names nobody registered. */
  registerFallback(handler: ToolHandler): void {
    this.fallback = handler;
  }

  run(call: ToolCall, ctx: ToolContext): Promise<ResponseItem> {
    return (this.handlers.get(call.name) ?? this.fallback)(call, ctx);
  }
}

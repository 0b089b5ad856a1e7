/**
 * The apply_patch tool, and patches routed to it from shell tools. What clients and the model see
 * is the reference's:
 *
 * - a patch that does not parse or apply (bad context, missing file) is answered at once with
 *   `apply_patch verification failed: <reason>`, and no item; one with no hunks with
 *   `patch rejected: empty patch`;
 * - otherwise a `fileChange` item (id = call id) starts with every change and its diff, the files
 *   are written, the output (`Success. Updated the following files:\nA path\n…`, or the write error)
 *   goes out as one `item/fileChange/outputDelta`, the item completes (completed|failed), and the
 *   turn's diff is sent when it is not empty;
 * - the model gets `Exit code: N\nWall time: S seconds\nOutput:\n<output>` from the tool, the JSON
 *   `{"output":…,"metadata":{"exit_code":N,"duration_seconds":S}}` from a shell tool.
 *
 * Approval and sandbox policy are not applied here: `authorize` is where they plug in.
 */
import { decode } from '../../protocol/decode.ts';
import type { ThreadItem } from '../../protocol/index.ts';
import { toolOutput, type ToolCall, type ToolContext, type ToolHandler } from '../registry.ts';
import { itemChanges, pathsToRead, planPatch, type PlannedChange } from './apply.ts';
import { fileStates, isGitRoot, readTexts, writeChanges } from './fs.ts';
import { formatParseError, parsePatch } from './parse.ts';
import { joinPath } from './rust-str.ts';
import { IMPLICIT_INVOCATION_ERROR, isImplicitPatch, patchFromShellCommand } from './shell.ts';
import { displayPath, type TurnDiffTracker } from './turn-diff.ts';

export interface PatchRequest {
  /** The started `fileChange` item, which an approval request refers to. */
  itemId: string;
  cwd: string;
  changes: readonly PlannedChange[];
  /** The item as started, for the authorizer to complete when the user declines. */
  item: FileChangeItem;
}

type FileChangeItem = Extract<ThreadItem, { type: 'fileChange' }>;

export interface ApplyPatchOptions {
  /** The turn's tracker, when its diff is reported (`turn/diff/updated`). */
  turnDiff?: (ctx: ToolContext) => TurnDiffTracker | undefined;
  /**
   * Approval and sandbox policy, asked before anything is written. It calls `start` (the item's
   * `item/started`) unless it refuses the patch outright, which the model is told as `rejected`;
   * `declined` means the user said no and the authorizer has completed the item.
   * Without it every patch is applied.
   */
  authorize?: (request: PatchRequest, ctx: ToolContext, start: () => void) => Promise<PatchDecision>;
}

export type PatchDecision = 'apply' | 'declined' | { rejected: string };

type OutputFormat = (exitCode: number, seconds: number, output: string) => string;

const toolFormat: OutputFormat = (exitCode, seconds, output) =>
  `Exit code: ${exitCode}\nWall time: ${seconds} seconds\nOutput:\n${output}`;

// serde writes a float with at least one decimal.
const shellFormat: OutputFormat = (exitCode, seconds, output) =>
  `{"output":${JSON.stringify(output)},"metadata":{"exit_code":${exitCode},"duration_seconds":${Number.isInteger(seconds) ? seconds.toFixed(1) : seconds}}}`;

/** The handler for `apply_patch` calls, freeform (the patch itself) or function (`{"input": patch}`). */
export function applyPatchHandler(options: ApplyPatchOptions = {}): ToolHandler {
  return async (call, ctx) => {
    const patch = call.kind === 'custom' ? call.input : patchArgument(call.input);
    if (typeof patch !== 'string') return toolOutput(call, `failed to parse function arguments: ${patch.error}`);
    return toolOutput(call, await runPatch(patch, ctx.cwd, call.callId, ctx, options, toolFormat));
  };
}

/**
 * For shell tools: when `argv` applies a patch (see `shell.ts`), applies it and returns what the
 * model gets; null when `argv` is an ordinary command to run.
 */
export async function runShellApplyPatch(
  argv: readonly string[],
  call: Pick<ToolCall, 'callId'>,
  ctx: ToolContext,
  options: ApplyPatchOptions = {},
): Promise<string | null> {
  if (isImplicitPatch(argv)) return `apply_patch verification failed: ${IMPLICIT_INVOCATION_ERROR}`;
  const found = patchFromShellCommand(argv);
  if (!found) return null;
  const cwd = found.workdir === null ? ctx.cwd : joinPath(ctx.cwd, found.workdir);
  return runPatch(found.patch, cwd, call.callId, ctx, options, shellFormat);
}

/** The turn's diff as it is on disk now, for `turn/diff/updated`; null when nothing differs. */
export async function renderTurnDiff(tracker: TurnDiffTracker): Promise<string | null> {
  const states = await fileStates(tracker.currentPaths());
  return tracker.render((p) => states.get(p) ?? null, (p) => displayPath(p, isGitRoot));
}

async function runPatch(
  text: string,
  cwd: string,
  itemId: string,
  ctx: ToolContext,
  options: ApplyPatchOptions,
  format: OutputFormat,
): Promise<string> {
  const parsed = parsePatch(text);
  if (!parsed.ok) return `apply_patch verification failed: ${formatParseError(parsed.error)}`;
  const files = await readTexts(pathsToRead(parsed.hunks, cwd));
  const plan = planPatch(parsed.hunks, cwd, (p) => files.get(p)!);
  if (!plan.ok) return `apply_patch verification failed: ${plan.error}`;
  if (plan.changes.length === 0) return 'patch rejected: empty patch';

  const item: FileChangeItem = {
    type: 'fileChange',
    id: itemId,
    changes: itemChanges(plan.changes),
    status: 'inProgress',
  };
  const tracker = options.turnDiff?.(ctx);
  const baseline = tracker ? await fileStates(tracker.untracked(plan.changes)) : null;
  const { threadId, turnId } = ctx;
  const sendTurnDiff = async () => {
    const diff = tracker ? await renderTurnDiff(tracker) : null;
    if (diff !== null) ctx.notify('turn/diff/updated', { threadId, turnId, diff });
  };
  // As the reference, the turn's diff follows a patch from the moment its item starts, so a
  // declined patch's files are part of it too (unchanged).
  const start = () => {
    ctx.startItem(item);
    if (tracker) tracker.begin(plan.changes, (p) => baseline?.get(p) ?? null);
  };
  const decision = options.authorize ? await options.authorize({ itemId, cwd, changes: plan.changes, item }, ctx, start) : (start(), 'apply');
  if (decision === 'declined') {
    await sendTurnDiff();
    return 'patch rejected by user';
  }
  if (decision !== 'apply') return `patch rejected: ${decision.rejected}`;

  const started = performance.now();
  const written = await writeChanges(plan.changes);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const output = written.ok ? written.summary : `${written.error}\n`;
  ctx.notify('item/fileChange/outputDelta', { threadId, turnId, itemId, delta: output });
  ctx.completeItem({ ...item, status: written.ok ? 'completed' : 'failed' });
  await sendTurnDiff();
  return format(written.ok ? 0 : 1, seconds, output);
}

const ARGS_SCHEMA = { type: 'object', title: 'ApplyPatchToolArgs', properties: { input: { type: 'string' } }, required: ['input'] };

/** The patch from function-call arguments, or serde's complaint about them. */
function patchArgument(json: string): string | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    return { error: (e as Error).message };
  }
  const decoded = decode(ARGS_SCHEMA, value);
  if (decoded.ok) return (value as { input: string }).input;
  // serde reports where it stopped reading: the end of the arguments for a missing field or a
  // wrong top-level type (a wrong `input` type is reported at the end too, not at the value).
  const end = json.trimEnd().length - 1;
  const before = json.slice(0, end);
  const line = before.split('\n').length;
  const column = Buffer.byteLength(before.slice(before.lastIndexOf('\n') + 1)) + 1;
  return { error: `${decoded.message} at line ${line} column ${column}` };
}

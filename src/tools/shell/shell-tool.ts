/**
 * `shell` (an argv) and `shell_command` (a command line for the user's shell): one command run to
 * completion, its output streamed to clients, then formatted for the model (JSON for `shell`,
 * text for `shell_command`, as the reference answers them).
 */
import { SandboxUnavailableError, looksLikeSandboxDenial } from '../../sandbox/index.ts';
import type { ToolContext } from '../registry.ts';
import { runCommand, type RunResult } from './exec.ts';
import { freeformShellText, ioErrorDebug, structuredShellText, type ShellResult } from './format.ts';
import { SpawnError } from './process.ts';
import { commandItem, itemOutput, outputDeltas, statusFor, type CommandExecutionItem, type CommandRuntime, type ExecDecision, type Launch } from './runtime.ts';
import type { TruncationPolicy } from './truncate.ts';

/** The reference's time limit when the model gives none. */
const DEFAULT_TIMEOUT_MS = 10_000;
/** What `timeout(1)` exits with; the reference reports a timed-out command so. */
const TIMEOUT_EXIT_CODE = 124;

export interface ShellToolArgs {
  /** `shell_command` answers in text, `shell` in JSON. */
  freeform: boolean;
  timeoutMs: number | null;
}

export async function runShellTool(args: ShellToolArgs, ctx: ToolContext, rt: CommandRuntime, policy: TruncationPolicy): Promise<string> {
  const callStart = performance.now();
  const item = commandItem(rt.request, {});
  ctx.startItem(item);
  const finish = (fields: Partial<CommandExecutionItem>, text: string) => {
    ctx.completeItem({ ...item, ...fields });
    return text;
  };
  // The reference refuses an empty argv as it would refuse a declined command.
  if (rt.request.argv.length === 0) return finish({ status: 'declined', exitCode: -1, aggregatedOutput: 'command args are empty', durationMs: 0 }, 'command args are empty');
  let decision: ExecDecision = await rt.authorize(null);
  for (;;) {
    if (typeof decision === 'object') {
      const text = decision.declined === 'rejected by user' ? 'exec command rejected by user' : decision.declined;
      return finish({ status: 'declined', exitCode: -1, aggregatedOutput: text, durationMs: 0 }, text);
    }
    let launch: Launch;
    try {
      launch = rt.launch(decision === 'runUnsandboxed');
    } catch (err) {
      if (!(err instanceof SandboxUnavailableError)) throw err;
      decision = await rt.authorize({ reason: 'sandboxUnavailable', message: err.message });
      if (decision !== 'run') continue;
      const text = `execution error: ${err.message}`;
      return finish({ status: 'failed', exitCode: -1, aggregatedOutput: text, durationMs: 0 }, text);
    }
    let result: RunResult;
    try {
      result = await runCommand({ ...launch.spec, timeoutMs: args.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal: ctx.signal, onOutput: outputDeltas(ctx, item.id) });
    } catch (err) {
      if (!(err instanceof SpawnError)) throw err;
      const text = `execution error: Io(${ioErrorDebug(err.os)})`;
      return finish({ status: 'failed', exitCode: -1, aggregatedOutput: text, durationMs: 0 }, text);
    }
    // An interrupted command's item is left as it is, as the reference leaves it.
    if (result.aborted) return `Wall time: ${((performance.now() - callStart) / 1000).toFixed(1)} seconds\naborted by user`;
    if (result.exit.signal !== null && !result.timedOut) {
      const text = `execution error: Sandbox(Signal(${result.exit.signal}))`;
      return finish({ status: 'failed', exitCode: -1, aggregatedOutput: text, durationMs: result.durationMs }, text);
    }
    const shell: ShellResult = {
      exitCode: result.timedOut ? TIMEOUT_EXIT_CODE : result.exit.code ?? -1,
      durationMs: result.durationMs,
      output: result.aggregated.toString('utf8'),
      timedOutAfterMs: result.timedOut ? result.durationMs : null,
    };
    if (launch.sandboxed && !result.timedOut && looksLikeSandboxDenial(shell.exitCode, shell.output, { networkBlocked: launch.networkBlocked })) {
      const retry = await rt.authorize({ reason: 'sandboxDenied', output: shell.output });
      if (retry !== 'run') {
        decision = retry;
        continue;
      }
    }
    const fields = { status: statusFor(shell.exitCode), exitCode: shell.exitCode, aggregatedOutput: itemOutput(shell.output), durationMs: shell.durationMs };
    return finish(fields, args.freeform ? freeformShellText(shell, policy) : structuredShellText(shell, policy));
  }
}

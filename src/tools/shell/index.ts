/**
 * The command tools as handlers: `shell`, `shell_command`, `exec_command`, `write_stdin`. Each call
 * becomes a commandExecution item, runs under the thread's sandbox policy, streams its output to
 * clients and answers the model in the reference's words.
 *
 * Approvals plug in through `authorize` (see ExecApprovalRequest): asked before a command runs
 * (for `shell` once its item has started, for `exec_command` before), and again when a sandboxed
 * run failed the way a sandbox makes commands fail, to rerun it outside. When it declines, the
 * tool answers the model; completing the item as `declined` for clients is the approver's part
 * (the reference's app-server does it when the user declines), `shell` then completes it once more
 * with its rejection text, as the reference does.
 */
import { homedir } from 'node:os';
import type { SandboxPermissionsRequest } from '../../exec-policy/index.ts';
import { runShellApplyPatch, type ApplyPatchOptions } from '../apply-patch/index.ts';
import { sandboxCommand, widenSandboxPolicy, type SandboxedCommand, type SandboxRequest } from '../../sandbox/index.ts';
import { realpath } from '../../sandbox/resolve.ts';
import { absolutePath, permissionProfileDecoder } from '../permissions/args.ts';
import { mapProfilePaths, sandboxGrant, type PermissionProfile } from '../permissions/profile.ts';
import { toolOutput, type ToolCall, type ToolContext, type ToolHandler } from '../registry.ts';
import { parseArgs, type ArgsSpec } from './args.ts';
import { commandActions } from './command-actions.ts';
import { commandPermissions, type CommandPermissions } from './command-permissions.ts';
import type { CommandRuntime, ExecApprovalRequest, ExecDecision } from './runtime.ts';
import { runShellTool } from './shell-tool.ts';
import { shlexJoin } from './shlex.ts';
import type { TruncationPolicy } from './truncate.ts';
import { UNIFIED_EXEC_ENV, UnifiedExecSessions } from './unified-exec.ts';
import { defaultShell, modelShell, shellArgv } from './user-shell.ts';

export type { ExecApprovalRequest, ExecDecision } from './runtime.ts';
export type { TruncationPolicy } from './truncate.ts';
export { UnifiedExecSessions } from './unified-exec.ts';

export interface ShellToolOptions {
  /** The environment commands get, the thread's `shell_environment_policy` already applied. */
  env: (ctx: ToolContext) => NodeJS.ProcessEnv;
  /**
   * The model's budget for a `shell`/`shell_command` answer (its catalog `truncation_policy`).
   * Defaults to 10 000 bytes, the reference's for a model it does not know.
   */
  truncation?: (ctx: ToolContext) => TruncationPolicy;
  /** Approvals. Without it every command runs as the sandbox policy says and is never retried outside. */
  authorize?: (request: ExecApprovalRequest, ctx: ToolContext) => Promise<ExecDecision>;
  /** Wraps a command for the sandbox; `sandboxCommand` unless a test substitutes it. */
  sandbox?: (argv: readonly string[], request: SandboxRequest) => SandboxedCommand;
  /** exec_command's sessions; pass one to close them later (thread unloaded, `thread/backgroundTerminals/clean`). */
  sessions?: UnifiedExecSessions;
  /** For patches sent as commands (`apply_patch <<'EOF'`), which are applied instead of run. */
  applyPatch?: ApplyPatchOptions;
}

const ESCALATION_FIELDS = {
  sandbox_permissions: { kind: 'sandboxPermissions' },
  // Paths stay as written until the workdir they are relative to is known.
  additional_permissions: { decode: permissionProfileDecoder((path) => path) },
  justification: { kind: 'string' },
  prefix_rule: { kind: 'strings' },
} as const;

const SHELL_ARGS: ArgsSpec = {
  struct: 'ShellToolCallParams',
  fields: { command: { kind: 'strings', required: true }, workdir: { kind: 'string' }, timeout_ms: { kind: 'u64', alias: 'timeout' }, ...ESCALATION_FIELDS },
};
const SHELL_COMMAND_ARGS: ArgsSpec = {
  struct: 'ShellCommandToolCallParams',
  fields: { command: { kind: 'string', required: true }, workdir: { kind: 'string' }, login: { kind: 'bool' }, timeout_ms: { kind: 'u64', alias: 'timeout' }, ...ESCALATION_FIELDS },
};
const EXEC_COMMAND_ARGS: ArgsSpec = {
  struct: 'ExecCommandArgs',
  fields: {
    cmd: { kind: 'string', required: true },
    workdir: { kind: 'string' },
    shell: { kind: 'string' },
    tty: { kind: 'bool' },
    login: { kind: 'bool' },
    yield_time_ms: { kind: 'u64' },
    max_output_tokens: { kind: 'usize' },
    ...ESCALATION_FIELDS,
  },
};
const WRITE_STDIN_ARGS: ArgsSpec = {
  struct: 'WriteStdinArgs',
  fields: { session_id: { kind: 'i32', required: true }, chars: { kind: 'string' }, yield_time_ms: { kind: 'u64' }, max_output_tokens: { kind: 'usize' } },
};

type Args = Record<string, unknown>;
type Granted = Extract<CommandPermissions, { ok: true }>;

const DEFAULT_PERMISSIONS: Granted = { ok: true, sandboxPermissions: 'use_default', permissions: null };

/** A command as a tool call asks for it. */
interface Command {
  argv: string[];
  cwd: string;
  tty: boolean;
  /** Set over the thread's environment (exec_command's no-pager settings). */
  extraEnv: Readonly<Record<string, string>>;
}

const str = (a: Args, k: string) => (typeof a[k] === 'string' ? (a[k] as string) : null);
const num = (a: Args, k: string) => (typeof a[k] === 'number' ? (a[k] as number) : null);
const bool = (a: Args, k: string) => (typeof a[k] === 'boolean' ? (a[k] as boolean) : null);

export function shellToolHandlers(opts: ShellToolOptions): Record<'shell' | 'shell_command' | 'exec_command' | 'write_stdin', ToolHandler> {
  const sessions = opts.sessions ?? new UnifiedExecSessions();
  const truncation = (ctx: ToolContext): TruncationPolicy => opts.truncation?.(ctx) ?? { kind: 'bytes', limit: 10_000 };

  /**
   * Parses the arguments, refuses escalation the policy cannot grant and permissions the features
   * do not allow; else runs `body` with the permissions the command gets.
   */
  const handler =
    (tool: ExecApprovalRequest['tool'], spec: ArgsSpec, body: (args: Args, call: ToolCall, ctx: ToolContext, perms: Granted) => Promise<string>): ToolHandler =>
    async (call, ctx) => {
      const parsed = parseArgs(call.input, spec);
      if (!parsed.ok) return toolOutput(call, parsed.message);
      // write_stdin feeds a running command: it launches nothing.
      const perms = 'sandbox_permissions' in spec.fields ? permissionsOf(tool, parsed.value, ctx) : DEFAULT_PERMISSIONS;
      if (!perms.ok) return toolOutput(call, perms.refusal);
      return toolOutput(call, await body(parsed.value, call, ctx, perms));
    };

  const runtime = (tool: ExecApprovalRequest['tool'], call: ToolCall, ctx: ToolContext, a: Args, perms: Granted, { argv, cwd, tty, extraEnv }: Command): CommandRuntime => {
    const request = {
      tool,
      itemId: call.callId,
      argv,
      command: shlexJoin(argv),
      cwd,
      commandActions: commandActions(argv),
      sandboxPermissions: perms.sandboxPermissions,
      additionalPermissions: perms.permissions,
      justification: str(a, 'justification'),
      prefixRule: Array.isArray(a.prefix_rule) ? (a.prefix_rule as string[]) : null,
    };
    const env = { ...opts.env(ctx), CODEX_THREAD_ID: ctx.threadId, ...extraEnv };
    return {
      request,
      authorize: (retry) => (opts.authorize ? opts.authorize({ ...request, retry }, ctx) : Promise.resolve('run')),
      launch: (unsandboxed) => {
        const policy = unsandboxed ? { type: 'dangerFullAccess' as const } : perms.permissions ? widenSandboxPolicy(ctx.sandboxPolicy, sandboxGrant(perms.permissions)) : ctx.sandboxPolicy;
        const wrapped = (opts.sandbox ?? sandboxCommand)(argv, { policy, cwd: ctx.cwd, env, workdir: cwd, tty });
        const networkBlocked = wrapped.sandboxed && wrapped.env.CODEX_SANDBOX_NETWORK_DISABLED === '1';
        return { spec: { argv: wrapped.argv, env: wrapped.env, cwd }, sandboxed: wrapped.sandboxed, networkBlocked };
      },
    };
  };

  /** Shell-wrapped patches are applied, not run; null when `argv` is an ordinary command. */
  const patch = (argv: string[], call: ToolCall, ctx: ToolContext, cwd: string) => runShellApplyPatch(argv, call, { ...ctx, cwd }, opts.applyPatch);

  const oneShot = (tool: 'shell' | 'shell_command') =>
    handler(tool, tool === 'shell' ? SHELL_ARGS : SHELL_COMMAND_ARGS, async (a, call, ctx, perms) => {
      const argv = tool === 'shell' ? (a.command as string[]) : shellArgv(defaultShell(), a.command as string, bool(a, 'login') ?? true);
      const cwd = workdirOf(ctx, str(a, 'workdir'));
      const patched = await patch(argv, call, ctx, cwd);
      if (patched !== null) return patched;
      const rt = runtime(tool, call, ctx, a, perms, { argv, cwd, tty: false, extraEnv: {} });
      return runShellTool({ freeform: tool === 'shell_command', timeoutMs: num(a, 'timeout_ms') }, ctx, rt, truncation(ctx));
    });

  return {
    shell: oneShot('shell'),
    shell_command: oneShot('shell_command'),
    exec_command: handler('exec_command', EXEC_COMMAND_ARGS, async (a, call, ctx, perms) => {
      const requested = str(a, 'shell');
      const argv = shellArgv(requested ? modelShell(requested) : defaultShell(), a.cmd as string, bool(a, 'login') ?? true);
      const cwd = workdirOf(ctx, str(a, 'workdir'));
      const patched = await patch(argv, call, ctx, cwd);
      if (patched !== null) return patched;
      const tty = bool(a, 'tty') ?? false;
      const rt = runtime('exec_command', call, ctx, a, perms, { argv, cwd, tty, extraEnv: UNIFIED_EXEC_ENV });
      return sessions.exec({ tty, yieldTimeMs: num(a, 'yield_time_ms'), maxOutputTokens: num(a, 'max_output_tokens') }, ctx, rt);
    }),
    write_stdin: handler('exec_command', WRITE_STDIN_ARGS, (a, _call, ctx) =>
      sessions.write({ sessionId: a.session_id as number, chars: str(a, 'chars') ?? '', yieldTimeMs: num(a, 'yield_time_ms'), maxOutputTokens: num(a, 'max_output_tokens') }, ctx),
    ),
  };
}

/** `workdir` joined to the turn's cwd as the reference joins paths (no normalising); empty means none. */
function workdirOf(ctx: ToolContext, workdir: string | null): string {
  if (!workdir) return ctx.cwd;
  if (workdir.startsWith('/')) return workdir;
  return ctx.cwd.endsWith('/') ? ctx.cwd + workdir : `${ctx.cwd}/${workdir}`;
}

/** The permissions a command call gets, its relative paths taken from its workdir (`~` is home). */
function permissionsOf(tool: ExecApprovalRequest['tool'], a: Args, ctx: ToolContext): CommandPermissions {
  const base = workdirOf(ctx, str(a, 'workdir'));
  const additional = a.additional_permissions ? mapProfilePaths(a.additional_permissions as PermissionProfile, (path) => absolutePath(path, base, homedir())) : null;
  return commandPermissions({
    tool,
    sandboxPermissions: str(a, 'sandbox_permissions') as SandboxPermissionsRequest | null,
    additional,
    granted: ctx.permissionGrants.current,
    enabled: ctx.features.request_permissions,
    approvalPolicy: ctx.approvalPolicy,
    onMacOs: process.platform === 'darwin',
    realpath,
  });
}

import { spawn, type ChildProcess } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import type { CommandExecParams, CommandExecResponse, SandboxPolicy } from '../protocol/index.ts';
import type { Connection } from '../rpc/connection.ts';
import { RpcError } from '../rpc/errors.ts';
import { sandboxCommand } from '../sandbox/index.ts';
import { startProcess, type RunningProcess } from '../tools/shell/process.ts';

/** Bytes of each stream kept (and streamed) unless the client asks otherwise: the reference's 1 MiB. */
const DEFAULT_OUTPUT_CAP = 1024 * 1024;
/** The reference's default time limit for a command/exec without `timeoutMs`. */
const DEFAULT_TIMEOUT_MS = 10_000;
const TIMEOUT_EXIT_CODE = 124;

interface Running {
  write(data: Buffer): void;
  closeStdin(): void;
  resize(rows: number, cols: number): void;
  kill(): void;
}

/**
 * Commands run for clients outside any thread (`command/exec`). Process ids are the client's own
 * and scoped to its connection; a connection that closes takes its processes with it.
 */
export class CommandExecs {
  private readonly running = new Map<Connection, Map<string, Running>>();

  async run(conn: Connection, params: CommandExecParams, defaults: { cwd: string; sandboxPolicy: SandboxPolicy; env: NodeJS.ProcessEnv }): Promise<CommandExecResponse> {
    if (params.command.length === 0) throw RpcError.badRequest('command must not be empty');
    const tty = params.tty === true;
    const streamStdin = tty || params.streamStdin === true;
    const stream = tty || params.streamStdoutStderr === true;
    const id = params.processId ?? null;
    if ((tty || streamStdin || stream) && id === null) {
      throw RpcError.badRequest('command/exec tty or streaming requires a client-supplied processId');
    }
    const mine = this.running.get(conn) ?? new Map<string, Running>();
    this.running.set(conn, mine);
    if (id !== null && mine.has(id)) throw RpcError.badRequest(`duplicate active command/exec process id ${JSON.stringify(id)}`);

    const cwd = params.cwd ?? defaults.cwd;
    const env: NodeJS.ProcessEnv = { ...defaults.env };
    for (const [name, value] of Object.entries(params.env ?? {})) {
      if (value === null) delete env[name];
      else env[name] = value;
    }
    const sandboxed = sandboxCommand(params.command, { policy: params.sandboxPolicy ?? defaults.sandboxPolicy, cwd, env, tty });
    const cap = params.disableOutputCap ? Infinity : (params.outputBytesCap ?? DEFAULT_OUTPUT_CAP);
    const kept = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
    const sizes = { stdout: 0, stderr: 0 };
    const onOutput = (chunk: Buffer, which: 'stdout' | 'stderr') => {
      const room = cap - sizes[which];
      if (room <= 0) return;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      sizes[which] += part.length;
      if (stream) {
        conn.notify('command/exec/outputDelta', { processId: id, stream: which, deltaBase64: part.toString('base64'), capReached: sizes[which] >= cap });
      } else {
        kept[which].push(part);
      }
    };

    const proc = tty
      ? await this.onPty(sandboxed.argv, cwd, sandboxed.env, onOutput, params.size ?? null)
      : this.onPipes(sandboxed.argv, cwd, sandboxed.env, onOutput, streamStdin);
    if (id !== null) mine.set(id, proc.handle);
    const timeoutMs = params.disableTimeout ? null : (params.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    let timedOut = false;
    const timer = timeoutMs === null ? null : setTimeout(() => ((timedOut = true), proc.handle.kill()), Math.max(timeoutMs, 0));
    try {
      const code = await proc.exitCode;
      return {
        exitCode: timedOut ? TIMEOUT_EXIT_CODE : code,
        stdout: Buffer.concat(kept.stdout).toString('utf8'),
        stderr: Buffer.concat(kept.stderr).toString('utf8'),
      };
    } finally {
      if (timer) clearTimeout(timer);
      if (id !== null) mine.delete(id);
    }
  }

  write(conn: Connection, processId: string, data: Buffer | null, closeStdin: boolean): void {
    const proc = this.find(conn, processId);
    if (data) proc.write(data);
    if (closeStdin) proc.closeStdin();
  }

  resize(conn: Connection, processId: string, rows: number, cols: number): void {
    this.find(conn, processId).resize(rows, cols);
  }

  terminate(conn: Connection, processId: string): void {
    this.find(conn, processId).kill();
  }

  connectionClosed(conn: Connection): void {
    for (const proc of this.running.get(conn)?.values() ?? []) proc.kill();
    this.running.delete(conn);
  }

  private find(conn: Connection, processId: string): Running {
    const proc = this.running.get(conn)?.get(processId);
    if (!proc) throw RpcError.badRequest(`no active command/exec for process id ${JSON.stringify(processId)}`);
    return proc;
  }

  private onPipes(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv, onOutput: (c: Buffer, w: 'stdout' | 'stderr') => void, stdin: boolean) {
    const child: ChildProcess = spawn(argv[0]!, argv.slice(1), { cwd, env, detached: true, stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (c: Buffer) => onOutput(c, 'stdout'));
    child.stderr!.on('data', (c: Buffer) => onOutput(c, 'stderr'));
    child.stdin?.on('error', () => {});
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const exitCode = new Promise<number>((done) => {
      child.once('error', () => done(127));
      // Output is complete once the streams close, after the exit itself.
      child.once('close', (code, signal) => done(code ?? 128 + (signal ? osConstants.signals[signal] : 0)));
    });
    const handle: Running = {
      write: (data) => child.stdin?.write(data),
      closeStdin: () => child.stdin?.end(),
      resize: () => {
        throw RpcError.badRequest('command/exec/resize needs a command started with tty');
      },
      kill: killGroup,
    };
    return { handle, exitCode };
  }

  private async onPty(
    argv: readonly string[],
    cwd: string,
    env: NodeJS.ProcessEnv,
    onOutput: (c: Buffer, w: 'stdout' | 'stderr') => void,
    size: { rows: number; cols: number } | null,
  ) {
    let proc: RunningProcess;
    try {
      proc = await startProcess({ argv, cwd, env, tty: true }, onOutput);
    } catch (err) {
      throw RpcError.badRequest(`failed to start command: ${(err as Error).message}`);
    }
    const handle: Running = {
      write: (data) => proc.write(data.toString('utf8')),
      closeStdin: () => proc.write('\x04'),
      resize: (rows, cols) => proc.resize?.(rows, cols),
      kill: () => proc.kill('SIGKILL'),
    };
    if (size) handle.resize(size.rows, size.cols);
    // A terminal reports a command ended by a signal as exit code 1, as the reference's PTY layer does.
    const exitCode = proc.exited.then((e) => e.code ?? 1);
    return { handle, exitCode };
  }
}

/**
 * A command as a child process, on pipes or on a terminal of its own (PTY), always the leader of
 * a new process group so that killing it reaches whatever it started (a sandboxed command is a
 * bwrap that takes its whole PID namespace down with it).
 */
import { spawn as spawnChild } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import type { IPty } from '@lydell/node-pty';
import loadPty from './pty-driver.cts';
import type { OsError } from './format.ts';

export interface ProcessSpec {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** On a PTY (80×24, like the reference's), with stdin writable; otherwise pipes and no stdin. */
  tty: boolean;
}

export interface ProcessExit {
  /** null when a signal ended it. */
  code: number | null;
  signal: number | null;
}

export interface RunningProcess {
  readonly pid: number;
  /** Resolves when the process has exited. */
  readonly exited: Promise<ProcessExit>;
  /** Resolves once its output has ended too (children can hold the pipes open after it exits). */
  readonly closed: Promise<void>;
  /** Terminal input; only for a PTY. */
  write(data: string): void;
  /** Terminal size; only for a PTY. */
  resize?(rows: number, cols: number): void;
  /** Signals the whole process group. */
  kill(signal: NodeJS.Signals): void;
  /** Stops reading output that children still write after the process has gone. */
  detach(): void;
}

export type OutputListener = (chunk: Buffer, stream: 'stdout' | 'stderr') => void;

/** The process could not be started; `os` is the error as the reference reports it. */
export class SpawnError extends Error {
  constructor(readonly os: OsError) {
    super(os.message);
    this.name = 'SpawnError';
  }
}

export async function startProcess(spec: ProcessSpec, onOutput: OutputListener): Promise<RunningProcess> {
  const [program, ...args] = spec.argv;
  if (program === undefined) throw new SpawnError(osError('EINVAL'));
  return spec.tty ? startOnPty(program, args, spec, onOutput) : startOnPipes(program, args, spec, onOutput);
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function startOnPipes(program: string, args: string[], spec: ProcessSpec, onOutput: OutputListener): Promise<RunningProcess> {
  // detached: setsid(), so the command leads its own process group and has no controlling terminal.
  const child = spawnChild(program, args, { cwd: spec.cwd, env: spec.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => onOutput(chunk, 'stdout'));
  child.stderr!.on('data', (chunk: Buffer) => onOutput(chunk, 'stderr'));
  const exited = new Promise<ProcessExit>((done) =>
    child.once('exit', (code, signal) => done({ code, signal: signal === null ? null : osConstants.signals[signal] })),
  );
  const closed = new Promise<void>((done) => child.once('close', () => done()));
  return new Promise((resolveStart, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) => reject(new SpawnError(osError(err.code ?? ''))));
    child.once('spawn', () =>
      resolveStart({
        pid: child.pid!,
        exited,
        closed,
        write: () => {
          throw new Error('stdin is closed');
        },
        kill: (signal) => killGroup(child.pid!, signal),
        detach: () => {
          child.stdout!.destroy();
          child.stderr!.destroy();
        },
      }),
    );
  });
}

async function startOnPty(program: string, args: string[], spec: ProcessSpec, onOutput: OutputListener): Promise<RunningProcess> {
  // node-pty reports a failed chdir or exec only as output of a child that exits 1; check first so
  // the failure reads like the pipe path's.
  if (!isDirectory(spec.cwd)) throw new SpawnError(osError('ENOENT'));
  const file = findProgram(program, spec.cwd, spec.env.PATH);
  const env = Object.fromEntries(Object.entries(spec.env).filter((e): e is [string, string] => e[1] !== undefined));
  let pty: IPty;
  try {
    pty = loadPty().spawn(file, args, { cwd: spec.cwd, env, cols: 80, rows: 24, name: env.TERM ?? 'dumb', encoding: null });
  } catch (err) {
    throw new SpawnError(osError((err as NodeJS.ErrnoException).code ?? ''));
  }
  // With `encoding: null` node-pty hands out Buffers, whatever its typings say.
  pty.onData((data) => onOutput(data as unknown as Buffer, 'stdout'));
  // node-pty reports the exit once the terminal has no more output to read.
  const exited = new Promise<ProcessExit>((done) =>
    pty.onExit(({ exitCode, signal }) => done(signal ? { code: null, signal } : { code: exitCode, signal: null })),
  );
  return {
    pid: pty.pid,
    exited,
    closed: exited.then(() => undefined),
    write: (data) => pty.write(data),
    resize: (rows, cols) => pty.resize(cols, rows),
    kill: (signal) => killGroup(pty.pid, signal),
    detach: () => undefined,
  };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The program's path, searched in PATH as execvp would; throws the error exec would give. */
function findProgram(program: string, cwd: string, path: string | undefined): string {
  const candidates = program.includes('/') ? [resolve(cwd, program)] : (path ?? '').split(delimiter).map((dir) => join(resolve(cwd, dir), program));
  let denied = false;
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      if (!isDirectory(candidate)) return candidate;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EACCES') denied = true;
    }
  }
  throw new SpawnError(osError(denied ? 'EACCES' : 'ENOENT'));
}

/** Errno, Rust `ErrorKind` and strerror text of the errors starting a process can meet. */
const OS_ERRORS: Record<string, OsError> = {
  EPERM: { errno: 1, kind: 'PermissionDenied', message: 'Operation not permitted' },
  ENOENT: { errno: 2, kind: 'NotFound', message: 'No such file or directory' },
  E2BIG: { errno: 7, kind: 'ArgumentListTooLong', message: 'Argument list too long' },
  ENOEXEC: { errno: 8, kind: 'Uncategorized', message: 'Exec format error' },
  EACCES: { errno: 13, kind: 'PermissionDenied', message: 'Permission denied' },
  ENOTDIR: { errno: 20, kind: 'NotADirectory', message: 'Not a directory' },
  EINVAL: { errno: 22, kind: 'InvalidInput', message: 'Invalid argument' },
  ETXTBSY: { errno: 26, kind: 'ExecutableFileBusy', message: 'Text file busy' },
  ENAMETOOLONG: { errno: 36, kind: 'InvalidFilename', message: 'File name too long' },
  ELOOP: { errno: 40, kind: 'FilesystemLoop', message: 'Too many levels of symbolic links' },
};

function osError(code: string): OsError {
  return OS_ERRORS[code] ?? { errno: (osConstants.errno as Record<string, number>)[code] ?? 0, kind: 'Uncategorized', message: code || 'unknown error' };
}

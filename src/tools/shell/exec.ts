/**
 * A command run to completion on pipes, the way the reference's `shell` tools run one: output
 * streamed as it comes, at most 1 MiB of each stream kept (the head: later output is dropped), a
 * time limit after which the process group is killed, and cancellation.
 */
import { startProcess, type ProcessExit, type ProcessSpec } from './process.ts';

/** What the reference keeps of each of stdout and stderr. */
export const EXEC_OUTPUT_MAX_BYTES = 1024 * 1024;
/** How long to wait, after the process exits, for children that still hold its output open. */
const IO_DRAIN_MS = 2000;
/** On cancellation, how long TERM-aware commands get to clean up before the group is killed. */
const TERMINATE_GRACE_MS = 50;

export interface RunOptions extends Omit<ProcessSpec, 'tty'> {
  timeoutMs: number;
  /** Cancels the run: the process group is terminated and the result has `aborted`. */
  signal?: AbortSignal;
  /** Every chunk as it arrives, stdout and stderr interleaved. */
  onOutput?: (chunk: Buffer) => void;
  /** Per stream; defaults to EXEC_OUTPUT_MAX_BYTES. */
  maxBytes?: number;
}

export interface RunResult {
  exit: ProcessExit;
  stdout: Buffer;
  stderr: Buffer;
  /** stdout then stderr, within `maxBytes` (stderr keeps up to two thirds when both are long). */
  aggregated: Buffer;
  timedOut: boolean;
  aborted: boolean;
  durationMs: number;
}

/** Runs `argv` to completion; throws SpawnError when it cannot start. */
export async function runCommand(opts: RunOptions): Promise<RunResult> {
  const max = opts.maxBytes ?? EXEC_OUTPUT_MAX_BYTES;
  const kept = { stdout: new CappedBytes(max), stderr: new CappedBytes(max) };
  const started = performance.now();
  const proc = await startProcess({ argv: opts.argv, cwd: opts.cwd, env: opts.env, tty: false }, (chunk, stream) => {
    kept[stream].push(chunk);
    opts.onOutput?.(chunk);
  });
  let timedOut = false;
  let aborted = false;
  const timer = setTimeout(() => {
    timedOut = true;
    proc.kill('SIGKILL');
  }, opts.timeoutMs);
  const onAbort = () => {
    aborted = true;
    proc.kill('SIGTERM');
    setTimeout(() => proc.kill('SIGKILL'), TERMINATE_GRACE_MS).unref();
  };
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const exit = await proc.exited;
    const durationMs = Math.round(performance.now() - started);
    clearTimeout(timer);
    // A background child may hold the pipes open for ever; like the reference, stop reading then.
    if (!(await settlesWithin(proc.closed, IO_DRAIN_MS))) proc.detach();
    const stdout = kept.stdout.toBuffer();
    const stderr = kept.stderr.toBuffer();
    return { exit, stdout, stderr, aggregated: aggregate(stdout, stderr, max), timedOut, aborted, durationMs };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    void promise.then(() => {
      clearTimeout(timer);
      done(true);
    });
  });
}

/** The reference's split when both streams are long: a third for stdout, the rest for stderr. */
function aggregate(stdout: Buffer, stderr: Buffer, max: number): Buffer {
  if (stdout.length + stderr.length <= max) return Buffer.concat([stdout, stderr]);
  const wantStdout = Math.min(stdout.length, Math.floor(max / 3));
  const stderrTake = Math.min(stderr.length, max - wantStdout);
  const stdoutTake = wantStdout + Math.min(max - wantStdout - stderrTake, stdout.length - wantStdout);
  return Buffer.concat([stdout.subarray(0, stdoutTake), stderr.subarray(0, stderrTake)]);
}

/** The first `max` bytes of a stream; the rest is counted only by not being kept. */
class CappedBytes {
  private chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly max: number) {}

  push(chunk: Buffer): void {
    const room = this.max - this.size;
    if (room <= 0) return;
    const part = chunk.length <= room ? chunk : Buffer.from(chunk.subarray(0, room));
    this.chunks.push(part);
    this.size += part.length;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

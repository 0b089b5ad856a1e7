/**
 * exec_command and write_stdin: commands that may outlive the call that started them. A command
 * still running when its call yields keeps a session (per thread, with a random id the model uses
 * in write_stdin) until it exits and its last output has been collected. As in the reference:
 *
 * - A process that exits within 150 ms is answered as finished; its output is the item's, and a
 *   sandbox denial then can be retried outside the sandbox before anything is shown.
 * - After those 150 ms, output is also streamed to clients and kept as the item's output; the
 *   item completes when the process exits, whichever call (or none) is waiting then.
 * - Each call returns the output that arrived since the last one (at most 1 MiB, head and tail).
 */
import { SandboxUnavailableError, looksLikeSandboxDenial } from '../../sandbox/index.ts';
import type { ToolContext } from '../registry.ts';
import {
  chunkId,
  createProcessFailed,
  earlyDenialDebug,
  ioErrorDisplay,
  lateDenialText,
  rejectedDebug,
  unifiedExecText,
} from './format.ts';
import { HeadTailBuffer } from './head-tail-buffer.ts';
import { SpawnError, startProcess, type ProcessExit, type ProcessSpec, type RunningProcess } from './process.ts';
import { commandItem, itemOutput, outputDeltas, statusFor, type CommandRuntime, type Launch } from './runtime.ts';

/** What exec_command adds to every command's environment (no pagers, no colours, UTF-8). */
export const UNIFIED_EXEC_ENV: Readonly<Record<string, string>> = {
  NO_COLOR: '1',
  TERM: 'dumb',
  LANG: 'C.UTF-8',
  LC_CTYPE: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  COLORTERM: '',
  PAGER: 'cat',
  GIT_PAGER: 'cat',
  GH_PAGER: 'cat',
  CODEX_CI: '1',
};

const MIN_YIELD_MS = 250;
const MAX_YIELD_MS = 30_000;
const MIN_EMPTY_POLL_MS = 5_000;
const MAX_EMPTY_POLL_MS = 300_000;
const DEFAULT_EXEC_YIELD_MS = 10_000;
const DEFAULT_WRITE_YIELD_MS = 250;
const DEFAULT_MAX_OUTPUT_TOKENS = 10_000;
const OUTPUT_MAX_BYTES = 1024 * 1024;
const MAX_SESSIONS = 64;
/** Pruning never picks one of this many most recently used sessions. */
const PROTECTED_RECENT = 8;
const EARLY_EXIT_MS = 150;
/** After an exit, how long output from children still holding the pipes is awaited. */
const TRAILING_OUTPUT_MS = 100;
/** A caller collecting output waits at most this long, after the exit, for the output to end. */
const POST_EXIT_CLOSE_MS = 50;
/** Time for a program to react to input before its answer is collected. */
const WRITE_SETTLE_MS = 100;

export interface ExecCommandArgs {
  tty: boolean;
  yieldTimeMs: number | null;
  maxOutputTokens: number | null;
}

export interface WriteStdinArgs {
  sessionId: number;
  chars: string;
  yieldTimeMs: number | null;
  maxOutputTokens: number | null;
}

interface Session {
  id: number;
  itemId: string;
  tty: boolean;
  live: LiveProcess;
  lastUsed: number;
  /** Its call was interrupted: the process is killed and its item never completes. */
  abandoned: boolean;
}

export class UnifiedExecSessions {
  private readonly threads = new Map<string, Map<number, Session>>();

  /** Kills every session of a thread (`thread/backgroundTerminals/clean`, thread unloaded). */
  close(threadId: string): void {
    const sessions = this.threads.get(threadId);
    this.threads.delete(threadId);
    for (const s of sessions?.values() ?? []) s.live.kill();
  }

  /** How many sessions a thread has running (or exited with output not yet collected). */
  count(threadId: string): number {
    return this.threads.get(threadId)?.size ?? 0;
  }

  async exec(args: ExecCommandArgs, ctx: ToolContext, rt: CommandRuntime): Promise<string> {
    const callStart = performance.now();
    const started = await this.start(args.tty, ctx, rt);
    if (typeof started === 'string') return started;
    if (started === null) return abortedText(callStart);
    const { live, launch } = started;
    const sessions = this.sessionsOf(ctx.threadId);
    const id = allocateId(sessions);
    const item = commandItem(rt.request, { processId: String(id) });
    ctx.startItem(item);
    const start = performance.now();
    const alive = live.exit === null;
    let session: Session | null = null;
    if (alive) {
      session = { id, itemId: item.id, tty: args.tty, live, lastUsed: Date.now(), abandoned: false };
      this.store(sessions, session);
      const transcript = new HeadTailBuffer(OUTPUT_MAX_BYTES);
      const deltas = outputDeltas(ctx, item.id);
      live.stream = (chunk) => {
        transcript.push(chunk);
        deltas(chunk);
      };
      const watched = session;
      void live.finished().then((exit) => {
        if (watched.abandoned) return;
        const exitCode = exitCodeOf(exit, args.tty);
        const aggregatedOutput = itemOutput(transcript.toBuffer().toString('utf8'));
        ctx.completeItem({ ...item, status: statusFor(exitCode), exitCode, aggregatedOutput, durationMs: Math.round(performance.now() - start) });
      });
    }
    const yieldMs = clamp(args.yieldTimeMs ?? DEFAULT_EXEC_YIELD_MS, MIN_YIELD_MS, MAX_YIELD_MS);
    const collected = await live.collect(start + yieldMs, ctx.signal);
    const wallTimeMs = performance.now() - start;
    if (ctx.signal.aborted) {
      // As in the reference, a command interrupted before its call returned does not live on.
      if (session) session.abandoned = true;
      sessions.delete(id);
      live.kill();
      return abortedText(callStart);
    }
    const output = collected.toString('utf8');
    let exitCode: number | null = null;
    if (!alive) {
      exitCode = exitCodeOf(live.exit!, args.tty);
      ctx.completeItem({ ...item, status: statusFor(exitCode), exitCode, aggregatedOutput: itemOutput(output), durationMs: Math.round(wallTimeMs) });
    } else if (live.exit) {
      sessions.delete(id);
      exitCode = exitCodeOf(live.exit, args.tty);
      if (launch.sandboxed && looksLikeSandboxDenial(exitCode, output, { networkBlocked: launch.networkBlocked })) return lateDenialText(exitCode, output);
    }
    const maxOutputTokens = args.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
    return unifiedExecText({ chunkId: chunkId(), wallTimeMs, exitCode, sessionId: exitCode === null ? id : null, output, maxOutputTokens });
  }

  async write(args: WriteStdinArgs, ctx: ToolContext): Promise<string> {
    const callStart = performance.now();
    const sessions = this.sessionsOf(ctx.threadId);
    const session = sessions.get(args.sessionId);
    if (!session) return `write_stdin failed: Unknown process id ${args.sessionId}`;
    session.lastUsed = Date.now();
    const { live } = session;
    if (args.chars !== '') {
      if (!session.tty) return 'write_stdin failed: stdin is closed for this session; rerun exec_command with tty=true to keep stdin open';
      if (live.exit === null) {
        live.write(args.chars);
        await sleep(WRITE_SETTLE_MS, ctx.signal);
      }
    }
    const requested = Math.max(args.yieldTimeMs ?? DEFAULT_WRITE_YIELD_MS, MIN_YIELD_MS);
    // An empty write is a poll: it waits longer, since there is nothing to answer yet.
    const yieldMs = args.chars === '' ? clamp(requested, MIN_EMPTY_POLL_MS, MAX_EMPTY_POLL_MS) : Math.min(requested, MAX_YIELD_MS);
    const start = performance.now();
    const collected = await live.collect(start + yieldMs, ctx.signal);
    const wallTimeMs = performance.now() - start;
    if (ctx.signal.aborted) return abortedText(callStart);
    let exitCode: number | null = null;
    if (live.exit) {
      sessions.delete(session.id);
      exitCode = exitCodeOf(live.exit, session.tty);
    }
    ctx.notify('item/commandExecution/terminalInteraction', { itemId: session.itemId, processId: String(session.id), stdin: args.chars });
    const maxOutputTokens = args.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
    return unifiedExecText({ chunkId: chunkId(), wallTimeMs, exitCode, sessionId: exitCode === null ? session.id : null, output: collected.toString('utf8'), maxOutputTokens });
  }

  /**
   * Approval, sandbox, spawn, and the early-exit window with its denial retry. Returns the answer
   * for the model when nothing ran, null when the call was interrupted.
   */
  private async start(tty: boolean, ctx: ToolContext, rt: CommandRuntime): Promise<{ live: LiveProcess; launch: Launch } | string | null> {
    let decision = await rt.authorize(null);
    for (;;) {
      if (typeof decision === 'object') return createProcessFailed(rejectedDebug(decision.declined));
      let launch: Launch;
      try {
        launch = rt.launch(decision === 'runUnsandboxed');
      } catch (err) {
        if (!(err instanceof SandboxUnavailableError)) throw err;
        decision = await rt.authorize({ reason: 'sandboxUnavailable', message: err.message });
        if (decision === 'run') return createProcessFailed(rejectedDebug(err.message));
        continue;
      }
      let live: LiveProcess;
      try {
        live = await LiveProcess.start({ ...launch.spec, tty });
      } catch (err) {
        if (!(err instanceof SpawnError)) throw err;
        return createProcessFailed(rejectedDebug(`Failed to create unified exec process: ${ioErrorDisplay(err.os)}`));
      }
      await live.exitedWithin(EARLY_EXIT_MS, ctx.signal);
      if (ctx.signal.aborted) {
        live.kill();
        return null;
      }
      if (live.exit === null || !launch.sandboxed) return { live, launch };
      await live.outputEndedWithin(20);
      const exitCode = exitCodeOf(live.exit, tty);
      const text = live.peek().toString('utf8');
      if (!looksLikeSandboxDenial(exitCode, text, { networkBlocked: launch.networkBlocked })) return { live, launch };
      decision = await rt.authorize({ reason: 'sandboxDenied', output: text });
      if (decision === 'run') return createProcessFailed(earlyDenialDebug(exitCode, text));
    }
  }

  private sessionsOf(threadId: string): Map<number, Session> {
    let sessions = this.threads.get(threadId);
    if (!sessions) this.threads.set(threadId, (sessions = new Map()));
    return sessions;
  }

  /** Adds a session, first pruning one when the thread is at the limit: an exited one if possible. */
  private store(sessions: Map<number, Session>, session: Session): void {
    if (sessions.size >= MAX_SESSIONS) {
      const candidates = [...sessions.values()].sort((a, b) => b.lastUsed - a.lastUsed).slice(PROTECTED_RECENT);
      const byAge = candidates.reverse();
      const victim = byAge.find((s) => s.live.exit !== null) ?? byAge[0];
      if (victim) {
        sessions.delete(victim.id);
        victim.live.kill();
      }
    }
    sessions.set(session.id, session);
  }
}

/** The reference reports a killed process as -1 on pipes and 1 on a PTY (as its PTY library does). */
const exitCodeOf = (exit: ProcessExit, tty: boolean) => exit.code ?? (tty ? 1 : -1);

const clamp = (n: number, min: number, max: number) => Math.min(Math.max(n, min), max);

const abortedText = (since: number) => `aborted by user after ${((performance.now() - since) / 1000).toFixed(1)}s`;

/** Session ids are random, as the reference's: the model cannot guess at another call's session. */
function allocateId(sessions: Map<number, Session>): number {
  for (;;) {
    const id = 1000 + Math.floor(Math.random() * 99_000);
    if (!sessions.has(id)) return id;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(finish, ms);
    signal.addEventListener('abort', finish, { once: true });
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      done();
    }
  });
}

/** A session's process and its output: collected for the calls, and streamed once `stream` is set. */
class LiveProcess {
  exit: ProcessExit | null = null;
  /** Receives output after the early-exit window: the item's deltas and output. */
  stream: ((chunk: Buffer) => void) | null = null;
  private ended = false;
  private readonly collector = new HeadTailBuffer(OUTPUT_MAX_BYTES);
  private wakers = new Set<() => void>();
  private process!: RunningProcess;

  static async start(spec: ProcessSpec): Promise<LiveProcess> {
    const live = new LiveProcess();
    live.process = await startProcess(spec, (chunk) => live.take(chunk));
    void live.process.exited.then((exit) => {
      live.exit = exit;
      live.wake();
    });
    void live.process.closed.then(() => {
      live.ended = true;
      live.wake();
    });
    return live;
  }

  write(data: string): void {
    this.process.write(data);
  }

  kill(): void {
    this.process.kill('SIGKILL');
  }

  /** The output not yet collected, left in place. */
  peek(): Buffer {
    return this.collector.toBuffer();
  }

  async exitedWithin(ms: number, signal: AbortSignal): Promise<void> {
    const deadline = performance.now() + ms;
    while (this.exit === null && !signal.aborted && performance.now() < deadline) await this.nextEvent(deadline - performance.now(), signal);
  }

  async outputEndedWithin(ms: number): Promise<void> {
    const deadline = performance.now() + ms;
    while (!this.ended && performance.now() < deadline) await this.nextEvent(deadline - performance.now());
  }

  /** Resolves with the exit once the output has ended too (or stopped coming). */
  async finished(): Promise<ProcessExit> {
    const exit = await this.process.exited;
    await this.outputEndedWithin(TRAILING_OUTPUT_MS);
    return exit;
  }

  /** The output arriving until `deadline`, or until the process has exited and its output ended. */
  async collect(deadline: number, signal: AbortSignal): Promise<Buffer> {
    const collected = new HeadTailBuffer(OUTPUT_MAX_BYTES);
    let closeDeadline: number | null = null;
    while (!signal.aborted) {
      const chunk = this.collector.drain();
      if (chunk.length > 0) {
        collected.push(chunk);
        if (performance.now() >= deadline) break;
        continue;
      }
      if (this.exit && this.ended) break;
      const now = performance.now();
      if (this.exit) closeDeadline ??= Math.min(deadline, now + POST_EXIT_CLOSE_MS);
      const until = closeDeadline ?? deadline;
      if (now >= until) break;
      await this.nextEvent(until - now, signal);
    }
    return collected.toBuffer();
  }

  private take(chunk: Buffer): void {
    this.collector.push(chunk);
    this.stream?.(chunk);
    this.wake();
  }

  private wake(): void {
    const wakers = this.wakers;
    this.wakers = new Set();
    for (const wake of wakers) wake();
  }

  /** Resolves at the next output, exit or end of output, after `ms`, or on abort. */
  private nextEvent(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((done) => {
      const finish = () => {
        clearTimeout(timer);
        this.wakers.delete(finish);
        signal?.removeEventListener('abort', finish);
        done();
      };
      const timer = setTimeout(finish, Math.max(0, ms));
      this.wakers.add(finish);
      signal?.addEventListener('abort', finish, { once: true });
    });
  }
}

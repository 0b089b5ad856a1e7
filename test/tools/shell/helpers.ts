// A fake turn for the command tools: records what clients would be sent, in order.
import { testToolContext } from '../../support/tool-context.ts';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { ResponseItem } from '../../../src/model/index.ts';
import type { SandboxPolicy, ThreadItem } from '../../../src/protocol/index.ts';
import { shellToolHandlers, UnifiedExecSessions, type ShellToolOptions } from '../../../src/tools/shell/index.ts';
import type { ToolContext } from '../../../src/tools/registry.ts';

export type Event =
  | { kind: 'started'; item: ThreadItem }
  | { kind: 'completed'; item: ThreadItem }
  | { kind: 'notify'; method: string; params: Record<string, unknown> };

export interface Turn {
  ctx: ToolContext;
  events: Event[];
  abort: AbortController;
  /** Calls a tool as the model would, returning the output text it gets back. */
  call(name: string, args: unknown): Promise<string>;
  /** The output deltas sent for an item, joined. */
  deltas(itemId: string): string;
  completed(itemId: string): ThreadItem[];
  sessions: UnifiedExecSessions;
}

export function workspace(t: TestContext, files: Record<string, string> = {}): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'weft-shell-')));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

let calls = 0;

export function turn(t: TestContext, cwd: string, opts: Partial<ShellToolOptions> & { sandboxPolicy?: SandboxPolicy } = {}): Turn {
  const events: Event[] = [];
  const abort = new AbortController();
  const sessions = opts.sessions ?? new UnifiedExecSessions();
  t.after(() => sessions.close('thread-1'));
  const ctx: ToolContext = testToolContext({
    threadId: 'thread-1',
    turnId: 'turn-1',
    signal: abort.signal,
    cwd,
    sandboxPolicy: opts.sandboxPolicy ?? { type: 'dangerFullAccess' },
    startItem: (item) => void events.push({ kind: 'started', item }),
    notify: (method, params) => void events.push({ kind: 'notify', method, params }),
    completeItem: (item) => void events.push({ kind: 'completed', item }),
  });
  const handlers = shellToolHandlers({ env: () => ({ PATH: process.env.PATH, HOME: cwd, LANG: 'C.UTF-8' }), ...opts, sessions });
  return {
    ctx,
    events,
    abort,
    sessions,
    async call(name, args) {
      const handler = handlers[name as keyof typeof handlers];
      const input = typeof args === 'string' ? args : JSON.stringify(args);
      const out: ResponseItem = await handler({ callId: `call-${++calls}`, name, input, kind: 'function' }, ctx);
      if (out.type !== 'function_call_output') throw new Error(`unexpected ${out.type}`);
      return out.output as string;
    },
    deltas: (itemId) =>
      events
        .filter((e): e is Extract<Event, { kind: 'notify' }> => e.kind === 'notify' && e.method === 'item/commandExecution/outputDelta' && e.params.itemId === itemId)
        .map((e) => e.params.delta)
        .join(''),
    completed: (itemId) => events.filter((e) => e.kind === 'completed' && e.item.id === itemId).map((e) => (e as { item: ThreadItem }).item),
  };
}

/** The id of the item the last call started. */
export function lastItemId(turn: Turn): string {
  const started = turn.events.filter((e) => e.kind === 'started');
  return (started[started.length - 1] as { item: ThreadItem }).item.id;
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits until `check` holds (polling), failing after `ms`. */
export async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(20);
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

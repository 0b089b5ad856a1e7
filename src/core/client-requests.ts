import type { ThreadActiveFlag } from '../protocol/index.ts';
import type { ServerRequestOutcome, ServerRequests } from '../rpc/server-requests.ts';
import type { ActiveTurn } from './active-turn.ts';
import type { LoadedThread } from './loaded-thread.ts';

/** An answer from a client: its result or its error. Requests withdrawn by the server never resolve. */
export type ClientAnswer = Exclude<ServerRequestOutcome, { kind: 'cleared' }>;

export interface AskOptions {
  /**
   * The status flag the thread carries while the request waits. Requests without one (dynamic
   * tool calls) leave the thread's status alone and, as with the reference, are never announced
   * as resolved (`serverRequest/resolved`).
   */
  flag?: ThreadActiveFlag;
  /**
   * Runs as soon as the answer arrives, before the thread stops waiting: what clients must see
   * before the flag drops (the reference completes a declined item there).
   */
  onAnswer?: (answer: ClientAnswer) => void;
}

export interface ClientRequestDeps {
  serverRequests: ServerRequests;
  publishStatus(thread: LoadedThread): void;
}

/**
 * Asks the thread's clients something on behalf of the running turn (an approval, user input)
 * and waits for the first answer. Clients that join the thread later get the request replayed.
 *
 * When the turn is interrupted the promise rejects with the abort reason at once; the request
 * itself stays pending until the turn has ended, when `withdrawRequests` clears it — clients see
 * `turn/completed` before `serverRequest/resolved`, as with the reference.
 */
export function askClients(
  deps: ClientRequestDeps,
  thread: LoadedThread,
  turn: ActiveTurn,
  method: string,
  params: Record<string, unknown>,
  opts: AskOptions,
): Promise<ClientAnswer> {
  const signal = turn.abort.signal;
  if (signal.aborted) return Promise.reject(signal.reason);
  const flag = opts.flag;
  if (flag) {
    thread.waiting.set(flag, (thread.waiting.get(flag) ?? 0) + 1);
    deps.publishStatus(thread);
  }
  const { id, outcome } = deps.serverRequests.send(thread.subscribers, method, params, thread.id);
  turn.pendingRequests.set(id, flag !== undefined);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    void outcome.then((answer) => {
      signal.removeEventListener('abort', onAbort);
      if (answer.kind === 'cleared' || signal.aborted) return;
      turn.pendingRequests.delete(id);
      if (flag) thread.notify('serverRequest/resolved', { threadId: thread.id, requestId: id });
      opts.onAnswer?.(answer);
      if (flag) {
        thread.waiting.set(flag, Math.max(0, (thread.waiting.get(flag) ?? 1) - 1));
        deps.publishStatus(thread);
      }
      resolve(answer);
    });
  });
}

/** After a turn ended: its unanswered requests are withdrawn and clients told they are resolved. */
export function withdrawRequests(deps: ClientRequestDeps, thread: LoadedThread, turn: ActiveTurn): void {
  for (const [id, announced] of turn.pendingRequests) {
    if (deps.serverRequests.clear(id) && announced) thread.notify('serverRequest/resolved', { threadId: thread.id, requestId: id });
  }
  turn.pendingRequests.clear();
}

import type { LoadedConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import { ModelError, reconnectingError, streamResponses, type ModelEvent, type ResponseItem } from '../model/index.ts';
import type { ThreadItem, Turn, TurnError, UserInput } from '../protocol/index.ts';
import type { Hub } from '../rpc/hub.ts';
import type { ServerRequests } from '../rpc/server-requests.ts';
import type { ThreadEntry, TurnEndStatus } from '../store/types.ts';
import { renderTurnDiff } from '../tools/apply-patch/index.ts';
import { toolCallOf, toolOutput, type ToolCall, type ToolContext, type ToolRegistry } from '../tools/registry.ts';
import { uuidv7 } from '../util/uuid.ts';
import { ActiveTurn } from './active-turn.ts';
import { askClients, withdrawRequests, type ClientRequestDeps } from './client-requests.ts';
import { currentLogin } from './login.ts';
import { COMPACTION_PROMPT, compactionInput, estimateTokens, replacementHistory } from './compaction.ts';
import { agentMessageItem, messageText, previewOf, reasoningItem, userMessageItem } from './items.ts';
import type { LoadedThread } from './loaded-thread.ts';
import { PlanModeStream, type PlanStreamEvent } from './plan-mode-stream.ts';
import { contextUpdate, modelRequest, turnContext, userInputMessages, type RequestOrigin, type SkillCatalog, type TurnContextOptions } from './model-request.ts';
import { instructionsFor, turnAbortedMessage, type TurnContext } from './prompt/index.ts';
import { rateLimitsView } from './rate-limits.ts';
import type { ThreadManager } from './thread-manager.ts';
import type { ThreadSettings } from './thread-settings.ts';
import { storesItem } from './persistence-policy.ts';
import { boundedToolOutput, toolOutputPolicy } from './tool-output-budget.ts';
import { addUsage, autoCompactLimit, contextWindowOf } from './token-usage.ts';
import { webSearchItem } from './web-search-items.ts';

export interface TurnRunnerDeps {
  config: LoadedConfig;
  hub: Hub;
  threads: ThreadManager;
  tools: ToolRegistry;
  serverRequests: ServerRequests;
  log: Logger;
  skills: SkillCatalog;
}

const now = () => Math.floor(Date.now() / 1000);

/** The wire form of a turn while it runs (items travel as item/* notifications, never here). */
export function turnView(id: string, status: Turn['status'], error: TurnError | null = null): Turn {
  return { id, items: [], status, error };
}

/**
 * Runs turns: the agent loop of one thread at a time. A turn sends the user's input and the
 * history to the model, streams what comes back as items, runs the tools the model calls and
 * sends their results back, until the model answers without calling a tool.
 */
export class TurnRunner {
  private readonly requests: ClientRequestDeps;

  constructor(private readonly deps: TurnRunnerDeps) {
    this.requests = { serverRequests: deps.serverRequests, publishStatus: (thread) => deps.threads.publishStatus(thread) };
  }

  /**
   * Starts a regular turn. The caller answers turn/start with the returned turn and then calls
   * `begin`, so the turn's notifications follow the response.
   */
  startTurn(
    thread: LoadedThread,
    input: UserInput[],
    origin: RequestOrigin,
    outputSchema: unknown,
    /** The settings before this turn's overrides: what the model knows when the thread was just loaded. */
    previous: ThreadSettings,
  ): { turn: Turn; begin: () => void } {
    const active = new ActiveTurn(uuidv7(), 'regular');
    thread.activeTurn = active;
    return {
      turn: turnView(active.id, 'inProgress'),
      begin: () => void this.run(thread, active, input, origin, outputSchema, previous),
    };
  }

  /**
   * Starts a compaction turn (thread/compact/start): the model condenses the history into a note
   * that replaces it.
   */
  startCompaction(thread: LoadedThread, origin: RequestOrigin): { begin: () => void } {
    const active = new ActiveTurn(uuidv7(), 'compact');
    thread.activeTurn = active;
    return { begin: () => void this.runCompaction(thread, active, origin) };
  }

  private async runCompaction(thread: LoadedThread, active: ActiveTurn, origin: RequestOrigin): Promise<void> {
    const turnId = active.id;
    try {
      thread.failed = false;
      this.deps.threads.publishStatus(thread);
      thread.notify('turn/started', { threadId: thread.id, turn: turnView(turnId, 'inProgress') });
      active.started = true;
      this.deps.threads.persist(thread, [{ kind: 'turnStarted', turnId, at: now() }]);
      await this.compact(thread, active, origin);
      this.finish(thread, active, 'completed', null);
    } catch (err) {
      this.failOrInterrupt(thread, active, err);
    }
  }

  /** Replaces the history with the model's handover note, as one contextCompaction item. */
  private async compact(thread: LoadedThread, active: ActiveTurn, origin: RequestOrigin): Promise<void> {
    const turnId = active.id;
    const item: ThreadItem = { type: 'contextCompaction', id: uuidv7() };
    thread.notify('item/started', { item, threadId: thread.id, turnId });
    const prompt = this.deps.config.settings.compactPrompt ?? COMPACTION_PROMPT;
    const ctx = await this.context(thread);
    const request = modelRequest(thread, ctx, { input: compactionInput(thread.history, prompt), withTools: false });
    let summary = '';
    for await (const event of streamResponses(ctx.provider, request, this.streamOptions(thread, active, origin, ctx))) {
      if (event.type === 'outputItemDone' && event.item.type === 'message' && event.item.role === 'assistant') summary = messageText(event.item);
      else if (event.type === 'retrying') summary = '';
      else this.bookkeeping(thread, turnId, event);
    }
    const replacement = replacementHistory(thread.history, summary);
    this.deps.threads.persist(thread, [
      { kind: 'item', turnId, item },
      { kind: 'compacted', turnId, replacement },
    ], { updatedAt: now() });
    thread.history = replacement;
    this.recountTokens(thread, turnId, request.instructions);
    thread.notify('item/completed', { item, threadId: thread.id, turnId });
    thread.notify('thread/compacted', { threadId: thread.id, turnId });
  }

  /** Usage after a rollback, announced under an id of its own (the reference's rollback operation). */
  async recountAfterRollback(thread: LoadedThread): Promise<void> {
    const ctx = await this.context(thread);
    this.recountTokens(thread, uuidv7(), instructionsFor(ctx));
  }

  /**
   * Compacts the history inside the running turn when the last response shows the context is
   * nearly full (`model_auto_compact_token_limit`). Returns whether it did.
   */
  private async compactIfFull(thread: LoadedThread, active: ActiveTurn, origin: RequestOrigin): Promise<boolean> {
    if (!thread.tokens || thread.tokens.last.totalTokens < autoCompactLimit(this.deps.config, thread.settings.model)) return false;
    await this.compact(thread, active, origin);
    return true;
  }

  private context(thread: LoadedThread, options: TurnContextOptions = {}): Promise<TurnContext> {
    return turnContext(thread, this.deps.config, { ...options, skills: this.deps.skills });
  }

  /** Takes input into the running turn; it reaches the model with the next request. */
  steer(thread: LoadedThread, input: UserInput[]): void {
    thread.activeTurn!.steered.push(input);
  }

  /** Stops the running turn; it ends as interrupted. */
  interrupt(thread: LoadedThread): void {
    thread.activeTurn?.abort.abort(new Error('interrupted'));
  }

  private async run(
    thread: LoadedThread,
    active: ActiveTurn,
    input: UserInput[],
    origin: RequestOrigin,
    outputSchema: unknown,
    previous: ThreadSettings,
  ): Promise<void> {
    const { threads } = this.deps;
    const turnId = active.id;
    try {
      thread.failed = false;
      threads.publishStatus(thread);
      thread.notify('turn/started', { threadId: thread.id, turn: turnView(turnId, 'inProgress') });
      active.started = true;
      const ctx = await this.context(thread, { outputSchema });
      thread.toldContext ??= await this.context(thread, { settings: previous });
      await this.compactIfFull(thread, active, origin);
      await this.takeInput(thread, ctx, turnId, input, [{ kind: 'turnStarted', turnId, at: now() }]);
      await this.loop(thread, active, origin, ctx);
      this.finish(thread, active, 'completed', null);
    } catch (err) {
      this.failOrInterrupt(thread, active, err);
    }
  }

  private failOrInterrupt(thread: LoadedThread, active: ActiveTurn, err: unknown): void {
    if (active.abort.signal.aborted) {
      this.finish(thread, active, 'interrupted', null);
      return;
    }
    if (!(err instanceof ModelError)) {
      this.deps.log.error('turn failed', { threadId: thread.id, turnId: active.id, error: String((err as Error)?.stack ?? err) });
    }
    this.finish(thread, active, 'failed', turnError(err));
  }

  private toolContext(thread: LoadedThread, active: ActiveTurn, ctx: TurnContext): ToolContext {
    const threadId = thread.id;
    const turnId = active.id;
    return {
      threadId,
      turnId,
      signal: active.abort.signal,
      cwd: ctx.cwd,
      sandboxPolicy: ctx.sandboxPolicy,
      approvalPolicy: ctx.approvalPolicy,
      collaborationMode: ctx.collaborationMode,
      features: ctx.features,
      permissionGrants: active.permissionGrants,
      shellEnvironmentPolicy: ctx.shellEnvironmentPolicy,
      toolOutputPolicy: toolOutputPolicy(thread.settings.model, this.deps.config.settings),
      dynamicTools: ctx.dynamicTools,
      startItem: (item, opts) => {
        if (opts?.stored && storesItem(item, thread.settings.persistExtendedHistory)) this.deps.threads.persist(thread, [{ kind: 'item', turnId, item }]);
        thread.notify('item/started', { item, threadId, turnId });
      },
      notify: (method, params) => thread.notify(method, { ...params, threadId, turnId }),
      completeItem: (item) => {
        if (storesItem(item, thread.settings.persistExtendedHistory)) this.deps.threads.persist(thread, [{ kind: 'item', turnId, item }]);
        thread.notify('item/completed', { item, threadId, turnId });
      },
      turnDiff: active.diff,
      ask: (method, params, opts) => askClients(this.requests, thread, active, method, { threadId, turnId, ...params }, opts),
      interruptTurn: () => this.interrupt(thread),
      tellModel: (text) => {
        const item: ResponseItem = { type: 'message', role: 'developer', content: [{ type: 'input_text', text }] };
        this.deps.threads.persist(thread, [{ kind: 'response', turnId, item }]);
        thread.history.push(item);
      },
      sessionApprovals: thread.sessionApprovals,
      rules: this.deps.threads.rulesOf(thread),
    };
  }

  private streamOptions(thread: LoadedThread, active: ActiveTurn, origin: RequestOrigin, ctx: TurnContext) {
    return {
      signal: active.abort.signal,
      env: process.env,
      login: ctx.provider.requiresOpenaiAuth ? currentLogin(this.deps.config.codexHome) : undefined,
      originator: origin.originator,
      userAgent: origin.userAgent,
      sessionId: thread.id,
    };
  }

  /** What every round trip does with usage, limits and retries, whatever it is for. */
  private bookkeeping(thread: LoadedThread, turnId: string, event: ModelEvent): void {
    if (event.type === 'rateLimits') {
      thread.rateLimits = event.snapshot;
      this.announceUsage(thread, turnId);
    } else if (event.type === 'completed') {
      if (event.usage) thread.tokens = { last: event.usage, total: addUsage(thread.tokens?.total, event.usage) };
      this.announceUsage(thread, turnId);
    } else if (event.type === 'retrying') {
      thread.notify('error', { error: reconnectingError(event.attempt, event.max, event.error), willRetry: true, threadId: thread.id, turnId });
    }
  }

  /** Records the user's input (and the thread's initial context when due) and tells the clients. */
  private async takeInput(thread: LoadedThread, ctx: TurnContext, turnId: string, input: UserInput[], leading: ThreadEntry[] = []): Promise<void> {
    const entries: ThreadEntry[] = [...leading];
    for (const item of contextUpdate(thread.history, thread.toldContext, ctx)) entries.push({ kind: 'response', turnId, item });
    thread.toldContext = ctx;
    const item = userMessageItem(uuidv7(), input);
    entries.push({ kind: 'item', turnId, item });
    for (const message of await userInputMessages(input, ctx)) entries.push({ kind: 'response', turnId, item: message });
    // Ephemeral threads keep no preview, as the reference derives it from what was stored.
    const firstInput = thread.record.preview === '' && !thread.ephemeral ? previewOf(input) : '';
    this.deps.threads.persist(thread, entries, { updatedAt: now(), ...(firstInput ? { preview: firstInput } : {}) });
    for (const entry of entries) if (entry.kind === 'response') thread.history.push(entry.item);
    thread.notify('item/started', { item, threadId: thread.id, turnId });
    thread.notify('item/completed', { item, threadId: thread.id, turnId });
  }

  private async loop(thread: LoadedThread, active: ActiveTurn, origin: RequestOrigin, ctx: TurnContext): Promise<void> {
    for (;;) {
      const calls = await this.roundTrip(thread, active, origin, ctx);
      for (const [i, call] of calls.entries()) {
        const started = performance.now();
        let output: ResponseItem;
        try {
          output = await this.deps.tools.run(call, this.toolContext(thread, active, ctx));
        } catch (err) {
          // An interrupted turn still answers every call the model made, so its history stays valid.
          if (active.abort.signal.aborted) this.recordOutputs(thread, active, calls.slice(i).map((c) => abortedOutput(c, started)));
          throw err;
        }
        this.recordOutputs(thread, active, [output]);
      }
      // As the reference: the turn's diff so far after every model response and its tools, once files changed.
      const diff = await renderTurnDiff(active.diff);
      if (diff !== null) thread.notify('turn/diff/updated', { threadId: thread.id, turnId: active.id, diff });
      const steered = active.steered.splice(0);
      if (calls.length === 0 && steered.length === 0) return;
      if (await this.compactIfFull(thread, active, origin)) {
        // The model continues this turn on the handover note and needs its context again.
        const items = contextUpdate(thread.history, thread.toldContext, ctx);
        this.deps.threads.persist(thread, items.map((item) => ({ kind: 'response', turnId: active.id, item })));
        thread.history.push(...items);
      }
      for (const input of steered) await this.takeInput(thread, ctx, active.id, input);
    }
  }

  /** Tool outputs join the history (and the store) within the model's budget for them. */
  private recordOutputs(thread: LoadedThread, active: ActiveTurn, raw: ResponseItem[]): void {
    const policy = toolOutputPolicy(thread.settings.model, this.deps.config.settings);
    const outputs = raw.map((item) => boundedToolOutput(item, policy));
    this.deps.threads.persist(thread, outputs.map((item) => ({ kind: 'response', turnId: active.id, item })));
    thread.history.push(...outputs);
  }

  /**
   * One model request and its streamed answer. Items are reported as they stream; what the model
   * said joins the history only once the response completed, since a retried request starts over.
   * Returns the tool calls to run.
   */
  private async roundTrip(thread: LoadedThread, active: ActiveTurn, origin: RequestOrigin, ctx: TurnContext): Promise<ToolCall[]> {
    const turnId = active.id;
    const request = modelRequest(thread, ctx);
    const provider = ctx.provider;
    let said: ResponseItem[] = [];
    let calls: ToolCall[] = [];
    const open = new OpenItems(ctx.collaborationMode === 'plan' ? turnId : null);
    for await (const event of streamResponses(provider, request, this.streamOptions(thread, active, origin, ctx))) {
      switch (event.type) {
        case 'outputItemAdded':
          this.itemAdded(thread, turnId, open, event.item);
          break;
        case 'outputTextDelta':
        case 'reasoningSummaryPartAdded':
        case 'reasoningSummaryTextDelta':
        case 'reasoningTextDelta':
          this.delta(thread, turnId, open, event);
          break;
        case 'outputItemDone': {
          said.push(event.item);
          const call = toolCallOf(event.item);
          if (call) calls.push(call);
          else this.itemDone(thread, turnId, open, event.item);
          break;
        }
        case 'completed': {
          const entries: ThreadEntry[] = said.map((item) => ({ kind: 'response', turnId, item }));
          if (event.usage) entries.push({ kind: 'tokens', turnId, last: event.usage, total: addUsage(thread.tokens?.total, event.usage) });
          this.deps.threads.persist(thread, entries, { updatedAt: now() });
          thread.history.push(...said);
          this.bookkeeping(thread, turnId, event);
          break;
        }
        case 'retrying':
          said = [];
          calls = [];
          open.clear();
          this.bookkeeping(thread, turnId, event);
          break;
        default:
          this.bookkeeping(thread, turnId, event);
      }
    }
    return calls;
  }

  private itemAdded(thread: LoadedThread, turnId: string, open: OpenItems, item: ResponseItem): void {
    let started: ThreadItem | null = null;
    if (item.type === 'message' && item.role === 'assistant' && open.plan) {
      const id = item.id || uuidv7();
      open.start(id, 'message');
      this.sendPlanEvents(thread, turnId, open.plan.messageAdded(id, item.phase ?? null));
      return;
    }
    if (item.type === 'message' && item.role === 'assistant') {
      started = { type: 'agentMessage', id: item.id || uuidv7(), text: '', phase: item.phase ?? null };
    } else if (item.type === 'reasoning') {
      started = { type: 'reasoning', id: item.id || uuidv7(), summary: [], content: [] };
    } else if (item.type === 'web_search_call') {
      started = webSearchItem(item);
    }
    if (!started) return;
    open.start(started.id, item.type === 'reasoning' ? 'reasoning' : item.type === 'web_search_call' ? 'webSearch' : 'message');
    thread.notify('item/started', { item: started, threadId: thread.id, turnId });
  }

  private delta(
    thread: LoadedThread,
    turnId: string,
    open: OpenItems,
    event: Extract<ModelEvent, { type: 'outputTextDelta' | 'reasoningSummaryPartAdded' | 'reasoningSummaryTextDelta' | 'reasoningTextDelta' }>,
  ): void {
    const threadId = thread.id;
    if (event.type === 'outputTextDelta') {
      const itemId = open.current('message');
      if (itemId && open.plan) this.sendPlanEvents(thread, turnId, open.plan.messageDelta(itemId, event.delta));
      else if (itemId) thread.notify('item/agentMessage/delta', { delta: event.delta, itemId, threadId, turnId });
      return;
    }
    const itemId = open.current('reasoning');
    if (!itemId) return;
    if (event.type === 'reasoningSummaryPartAdded') {
      thread.notify('item/reasoning/summaryPartAdded', { itemId, summaryIndex: event.summaryIndex, threadId, turnId });
    } else if (event.type === 'reasoningSummaryTextDelta') {
      thread.notify('item/reasoning/summaryTextDelta', { delta: event.delta, itemId, summaryIndex: event.summaryIndex, threadId, turnId });
    } else {
      thread.notify('item/reasoning/textDelta', { contentIndex: event.contentIndex, delta: event.delta, itemId, threadId, turnId });
    }
  }

  /** A finished message or reasoning item: durable first, then announced. */
  private itemDone(thread: LoadedThread, turnId: string, open: OpenItems, item: ResponseItem): void {
    let done: ThreadItem | null = null;
    if (item.type === 'message' && item.role === 'assistant' && open.plan) {
      const id = open.finish('message') ?? (item.id || uuidv7());
      this.sendPlanEvents(thread, turnId, open.plan.messageDone(id, messageText(item), item.phase ?? null));
      return;
    }
    if (item.type === 'message' && item.role === 'assistant') {
      const id = open.finish('message') ?? item.id ?? uuidv7();
      done = agentMessageItem(id, item);
      if (!open.wasStarted(id)) thread.notify('item/started', { item: { ...done, text: '' }, threadId: thread.id, turnId });
    } else if (item.type === 'reasoning') {
      const id = open.finish('reasoning') ?? (item.id || uuidv7());
      done = reasoningItem(id, item);
      if (!open.wasStarted(id)) thread.notify('item/started', { item: { ...done, summary: [], content: [] }, threadId: thread.id, turnId });
    } else if (item.type === 'web_search_call') {
      done = webSearchItem(item);
      if (open.finish('webSearch') === undefined) thread.notify('item/started', { item: done, threadId: thread.id, turnId });
    }
    if (!done) return;
    if (done.type !== 'webSearch' || thread.settings.persistExtendedHistory) this.deps.threads.persist(thread, [{ kind: 'item', turnId, item: done }]);
    thread.notify('item/completed', { item: done, threadId: thread.id, turnId });
  }

  /** Plan mode's message and plan item events; completed items are durable before they are announced. */
  private sendPlanEvents(thread: LoadedThread, turnId: string, events: readonly PlanStreamEvent[]): void {
    const threadId = thread.id;
    for (const e of events) {
      if (e.type === 'started') {
        thread.notify('item/started', { item: e.item, threadId, turnId });
      } else if (e.type === 'agentMessageDelta') {
        thread.notify('item/agentMessage/delta', { delta: e.delta, itemId: e.itemId, threadId, turnId });
      } else if (e.type === 'planDelta') {
        thread.notify('item/plan/delta', { delta: e.delta, itemId: e.itemId, threadId, turnId });
      } else {
        this.deps.threads.persist(thread, [{ kind: 'item', turnId, item: e.item }]);
        thread.notify('item/completed', { item: e.item, threadId, turnId });
      }
    }
  }

  /**
   * After the history shrank (compaction, rollback) the last response's usage no longer describes
   * it: the reference replaces it with an estimate of the new history and announces that.
   */
  recountTokens(thread: LoadedThread, turnId: string, instructions: string): void {
    const estimate = estimateTokens(instructions, thread.history);
    if (thread.tokens) {
      thread.tokens = { ...thread.tokens, last: { inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningOutputTokens: 0, totalTokens: estimate } };
    }
    this.announceUsage(thread, turnId);
  }

  /**
   * Tells clients the thread's token usage and the account's rate limits, as the reference does
   * whenever either changes: usage only once there is some, limits only once a response reported them.
   */
  announceUsage(thread: LoadedThread, turnId: string): void {
    if (thread.tokens) {
      thread.notify('thread/tokenUsage/updated', {
        threadId: thread.id,
        turnId,
        tokenUsage: { ...thread.tokens, modelContextWindow: contextWindowOf(this.deps.config, thread.settings.model) },
      });
    }
    if (thread.rateLimits) this.deps.hub.broadcast('account/rateLimits/updated', { rateLimits: rateLimitsView(thread.rateLimits) });
  }

  private finish(thread: LoadedThread, active: ActiveTurn, status: TurnEndStatus, error: TurnError | null): void {
    const { threads } = this.deps;
    if (thread.activeTurn !== active) return;
    // The model learns at its next turn that the user cut this one short.
    const aborted: ThreadEntry[] = status === 'interrupted' ? [{ kind: 'response', turnId: active.id, item: turnAbortedMessage() }] : [];
    try {
      threads.persist(thread, [...aborted, { kind: 'turnEnded', turnId: active.id, status, error, at: now() }], { updatedAt: now() });
      for (const entry of aborted) if (entry.kind === 'response') thread.history.push(entry.item);
    } catch (err) {
      this.deps.log.error('could not record the end of a turn', { threadId: thread.id, error: String(err) });
    }
    thread.activeTurn = null;
    thread.failed = status === 'failed';
    thread.waiting.clear();
    threads.publishStatus(thread);
    if (error) thread.notify('error', { error, willRetry: false, threadId: thread.id, turnId: active.id });
    thread.notify('turn/completed', { threadId: thread.id, turn: turnView(active.id, status, error) });
    withdrawRequests(this.requests, thread, active);
    threads.unloadIfUnwatched(thread);
  }
}

type OpenKind = 'message' | 'reasoning' | 'webSearch';

/** The streamed items of one response that have started and not yet completed. */
class OpenItems {
  private readonly byKind = new Map<string, string>();
  private readonly started = new Set<string>();
  /** How Plan mode splits the response's messages into text and the plan item; null in other modes. */
  plan: PlanModeStream | null;

  /** `planTurnId`: the turn's id in Plan mode, null otherwise. */
  constructor(private readonly planTurnId: string | null) {
    this.plan = planTurnId ? new PlanModeStream(planTurnId) : null;
  }

  start(id: string, kind: OpenKind): void {
    this.byKind.set(kind, id);
    this.started.add(id);
  }

  current(kind: OpenKind): string | undefined {
    return this.byKind.get(kind);
  }

  finish(kind: OpenKind): string | undefined {
    const id = this.byKind.get(kind);
    this.byKind.delete(kind);
    return id;
  }

  wasStarted(id: string): boolean {
    return this.started.has(id);
  }

  clear(): void {
    this.byKind.clear();
    this.plan = this.planTurnId ? new PlanModeStream(this.planTurnId) : null;
  }
}

/** What the model gets for a call the user's interrupt cut off (the reference's words). */
function abortedOutput(call: ToolCall, started: number): ResponseItem {
  return toolOutput(call, `aborted by user after ${((performance.now() - started) / 1000).toFixed(1)}s`);
}

function turnError(err: unknown): TurnError {
  if (err instanceof ModelError) return { message: err.message, codexErrorInfo: err.codexErrorInfo, additionalDetails: null };
  return { message: err instanceof Error ? err.message : String(err), codexErrorInfo: 'other', additionalDetails: null };
}

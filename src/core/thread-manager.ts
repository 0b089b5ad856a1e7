import type { LoadedConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import type { ResponseItem } from '../model/index.ts';
import { RpcError } from '../rpc/errors.ts';
import type { Connection } from '../rpc/connection.ts';
import type { Hub } from '../rpc/hub.ts';
import { openThreadStore } from '../store/index.ts';
import { StoreError, type ThreadEntry, type ThreadRecord, type ThreadStore } from '../store/types.ts';
import { foldHistory } from './history.ts';
import { LoadedThread } from './loaded-thread.ts';
import { storedTokens } from './token-usage.ts';
import { ThreadRules } from './thread-rules.ts';
import type { ThreadSettings } from './thread-settings.ts';

export type UnsubscribeStatus = 'unsubscribed' | 'notSubscribed' | 'notLoaded';

/**
 * The threads loaded in this process and who listens to them. Loading, unloading and status
 * announcements go through here so that every client sees the same sequence of
 * `thread/status/changed` and `thread/closed` notifications.
 */
export class ThreadManager {
  private readonly loaded = new Map<string, LoadedThread>();
  private storeInstance: ThreadStore | undefined;
  /** Called for every thread entering memory (created or loaded). */
  onLoad: (thread: LoadedThread) => void = () => {};
  /** Called for every thread leaving memory (to end its background terminals). */
  onUnload: (threadId: string) => void = () => {};

  constructor(
    readonly config: LoadedConfig,
    private readonly hub: Hub,
    private readonly log: Logger,
  ) {}

  /** The database opens on first use, so that `initialize` never waits for it. */
  store(): ThreadStore {
    if (!this.storeInstance) {
      try {
        this.storeInstance = openThreadStore(this.config.codexHome, {
          log: this.log.child('store'),
          // A damaged database was moved aside: every client hears of it, as of a broken config.
          onProblem: (problem) => this.hub.broadcast('configWarning', { summary: 'Thread database recovered', details: problem.message }),
        });
      } catch (err) {
        throw storeFailure(err);
      }
    }
    return this.storeInstance;
  }

  /** Runs a store operation, turning its failures into protocol errors. */
  withStore<T>(fn: (store: ThreadStore) => T): T {
    const store = this.store();
    try {
      return fn(store);
    } catch (err) {
      throw storeFailure(err);
    }
  }

  get(id: string): LoadedThread | undefined {
    return this.loaded.get(id);
  }

  loadedIds(): string[] {
    return [...this.loaded.keys()];
  }

  /** Registers a new thread (not stored until its first turn) and subscribes its creator. */
  add(thread: LoadedThread, creator: Connection | null): void {
    this.loaded.set(thread.id, thread);
    if (creator) thread.subscribers.add(creator);
    this.rulesOf(thread);
    this.onLoad(thread);
  }

  /**
   * The thread's execpolicy rules, read when it is loaded; a broken rules file is reported to
   * every client (`configWarning`) and leaves the thread without custom rules, as the reference.
   */
  rulesOf(thread: LoadedThread): ThreadRules {
    if (thread.rules) return thread.rules;
    const { rules, warning } = ThreadRules.load(this.config.codexHome, thread.settings.cwd);
    if (warning) this.hub.broadcast('configWarning', warning);
    return (thread.rules = rules);
  }

  /** Loads a stored thread into memory; announces it as idle, as the reference does before answering. */
  load(id: string): LoadedThread {
    const existing = this.loaded.get(id);
    if (existing) return existing;
    const { record, entries } = this.withStore((store) => {
      const found = store.getThread(id);
      if (!found || found.archived) throw RpcError.badRequest(`no rollout found for thread id ${id}`);
      store.claim(id);
      return { record: found, entries: store.readEntries(id) };
    });
    // A session starts in Default mode whatever mode the thread last ran in, as the reference's does.
    const settings: ThreadSettings = { ...(record.settings as ThreadSettings), collaborationMode: null };
    const thread = new LoadedThread(record, settings, foldHistory(entries), false, true);
    thread.tokens = storedTokens(entries);
    this.loaded.set(id, thread);
    this.rulesOf(thread);
    this.onLoad(thread);
    // Loading is announced even though the status reads as before (idle), as the reference does.
    this.hub.broadcast('thread/status/changed', { threadId: thread.id, status: thread.status() });
    return thread;
  }

  /** Stored entries of a thread (none for ephemeral or not yet stored threads). */
  entries(thread: LoadedThread): ThreadEntry[] {
    return thread.stored ? this.withStore((s) => s.readEntries(thread.id)) : [];
  }

  /**
   * Writes entries before anything about them is sent, so what a client was told is durable.
   * The first write of a thread creates it in the store.
   */
  persist(thread: LoadedThread, entries: readonly ThreadEntry[], patch?: Partial<ThreadRecord>): void {
    if (patch) Object.assign(thread.record, patch);
    if (thread.ephemeral) return;
    this.withStore((store) => {
      if (thread.stored) {
        store.appendEntries(thread.id, entries, patch);
      } else {
        store.insertThread({ ...thread.record, settings: thread.settings }, entries);
        store.claim(thread.id);
        thread.stored = true;
      }
    });
  }

  /** Saves changed settings (turn overrides persist to later turns). */
  saveSettings(thread: LoadedThread): void {
    if (thread.stored) this.withStore((s) => s.updateThread(thread.id, { settings: thread.settings }));
  }

  subscribe(thread: LoadedThread, conn: Connection): void {
    thread.subscribers.add(conn);
  }

  unsubscribe(threadId: string, conn: Connection): UnsubscribeStatus {
    const thread = this.loaded.get(threadId);
    if (!thread) return 'notLoaded';
    if (!thread.subscribers.delete(conn)) return 'notSubscribed';
    this.unloadIfUnwatched(thread);
    return 'unsubscribed';
  }

  /** A closed connection leaves every thread; a running turn goes on without it. */
  connectionClosed(conn: Connection): void {
    for (const thread of [...this.loaded.values()]) {
      if (thread.subscribers.delete(conn)) this.unloadIfUnwatched(thread);
    }
  }

  /** After a turn ends: a thread nobody watches any more is unloaded. */
  unloadIfUnwatched(thread: LoadedThread): void {
    if (thread.subscribers.size === 0 && !thread.activeTurn) this.unload(thread);
  }

  /** Drops a thread from memory; archiving does it without `thread/closed`, as the reference. */
  unload(thread: LoadedThread, opts: { closed: boolean } = { closed: true }): void {
    if (this.loaded.get(thread.id) !== thread) return;
    thread.activeTurn?.abort.abort();
    this.loaded.delete(thread.id);
    this.onUnload(thread.id);
    if (thread.stored) this.withStore((s) => s.release(thread.id));
    this.hub.broadcast('thread/status/changed', { threadId: thread.id, status: { type: 'notLoaded' } });
    if (opts.closed) this.hub.broadcast('thread/closed', { threadId: thread.id });
  }

  /** Announces the thread's status to every client if it changed since the last announcement. */
  publishStatus(thread: LoadedThread): void {
    const status = thread.status();
    const key = JSON.stringify(status);
    if (key === thread.announcedStatus) return;
    thread.announcedStatus = key;
    this.hub.broadcast('thread/status/changed', { threadId: thread.id, status });
  }

  /** Replaces the model history (compaction, rollback). */
  setHistory(thread: LoadedThread, history: ResponseItem[]): void {
    thread.history = history;
  }

  close(): void {
    this.storeInstance?.close();
  }
}

/** Store failures reach clients as errors that say what happened, never as silence. */
export function storeFailure(err: unknown): unknown {
  if (err instanceof RpcError) return err;
  if (err instanceof StoreError) {
    return err.kind === 'invalidCursor' || err.kind === 'busy' || err.kind === 'notFound'
      ? RpcError.badRequest(err.message)
      : RpcError.internal(err.message);
  }
  return err;
}

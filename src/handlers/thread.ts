import { foldHistory } from '../core/history.ts';
import { LoadedThread } from '../core/loaded-thread.ts';
import { foldTurns } from '../core/turns.ts';
import { newThreadRecord } from '../core/thread-factory.ts';
import { resolveThreadSettings, sandboxPolicyFor, type ThreadSettings } from '../core/thread-settings.ts';
import { threadView } from '../core/thread-view.ts';
import type {
  ThreadForkParams,
  ThreadListParams,
  ThreadListResponse,
  ThreadLoadedListParams,
  ThreadLoadedListResponse,
  ThreadReadParams,
  ThreadResumeParams,
  ThreadStartParams,
  ThreadUnsubscribeParams,
} from '../protocol/index.ts';
import { resolve } from 'node:path';
import { ConfigError, locatedMessage, settingsWithOverrides, type LoadedConfig } from '../config/index.ts';
import { RpcError } from '../rpc/errors.ts';
import type { App } from '../app.ts';
import { checkCwd, checkProvider } from './thread-params.ts';
import { threadIdParam } from './thread-id.ts';
import type { AppHandler } from './types.ts';

/** The part of thread/start, resume and fork responses that describes the thread's settings. */
function sessionView(thread: LoadedThread, turns: boolean, app: App) {
  const s = thread.settings;
  return {
    thread: threadView(thread.record, thread.status(), {
      ephemeral: thread.ephemeral,
      turns: turns ? foldTurns(app.threads.entries(thread), { activeTurnId: thread.activeTurn?.id }) : [],
    }),
    model: s.model,
    modelProvider: s.modelProvider,
    serviceTier: s.serviceTier,
    cwd: s.cwd,
    approvalPolicy: s.approvalPolicy,
    sandbox: s.sandboxPolicy,
    reasoningEffort: s.effort,
  };
}

/** Resume and fork may change settings of the thread they (re)open. */
function applyOverrides(app: App, settings: ThreadSettings, p: ThreadResumeParams | ThreadForkParams): ThreadSettings {
  const next = { ...settings };
  if (p.model != null) next.model = p.model;
  if (p.modelProvider != null) {
    checkProvider(app.config.settings, p.modelProvider);
    next.modelProvider = p.modelProvider;
  }
  if (p.serviceTier !== undefined) next.serviceTier = p.serviceTier;
  if (p.cwd != null) {
    checkCwd(p.cwd);
    next.cwd = p.cwd;
  }
  if (p.approvalPolicy != null) next.approvalPolicy = p.approvalPolicy;
  if (p.sandbox != null) next.sandboxPolicy = sandboxPolicyFor(p.sandbox, app.config.settings, app.config.codexHome);
  if (p.baseInstructions != null) next.baseInstructions = p.baseInstructions;
  if (p.developerInstructions != null) next.developerInstructions = p.developerInstructions;
  if ('personality' in p && p.personality != null) next.personality = p.personality;
  return next;
}

/** The configuration as this request sees it: with its own `config` overrides, if any. */
function requestSettings(config: LoadedConfig, overrides: Record<string, unknown> | null | undefined) {
  if (!overrides) return config.settings;
  try {
    return settingsWithOverrides(config, overrides);
  } catch (err) {
    if (err instanceof ConfigError) throw RpcError.badRequest(`invalid config override: ${err.message}`);
    throw err;
  }
}

/** A new thread reads the config files afresh, with the project layers of its directory. */
function threadConfig(app: App, cwd: string | null | undefined): LoadedConfig {
  try {
    return app.liveConfig.forThread(resolve(cwd ?? '.'));
  } catch (err) {
    if (err instanceof ConfigError) throw RpcError.badRequest(`error deriving config: ${locatedMessage(err)}`);
    throw err;
  }
}

function withConfiguredPolicies(app: App, settings: ThreadSettings): ThreadSettings {
  const config = app.config.settings;
  return {
    ...settings,
    approvalPolicy: config.approvalPolicy ?? 'on-request',
    sandboxPolicy: sandboxPolicyFor(config.sandboxMode ?? 'read-only', config, app.config.codexHome),
  };
}

const start: AppHandler<ThreadStartParams> = (params, { app, conn, after }) => {
  const base = threadConfig(app, params.cwd);
  const config = requestSettings(base, params.config);
  const settings = resolveThreadSettings(config, base.codexHome, params, process.cwd());
  checkProvider(config, settings.modelProvider);
  checkCwd(settings.cwd);
  const ephemeral = params.ephemeral === true;
  // The thread is written at its first turn, but a store that cannot be opened fails now, not then.
  if (!ephemeral) app.threads.store();
  const record = newThreadRecord(app.config.codexHome, settings);
  const thread = new LoadedThread(record, settings, [], ephemeral, false);
  app.threads.add(thread, conn);
  const response = sessionView(thread, false, app);
  after(() => app.hub.broadcast('thread/started', { thread: response.thread }));
  return response;
};

const resume: AppHandler<ThreadResumeParams> = (params, { app, conn, after }) => {
  if (params.history && params.history.length === 0) throw RpcError.badRequest('history must not be empty');
  if (params.history) throw RpcError.badRequest('thread/resume with a history is not supported by this server yet');
  // A rollout path names its thread: the id closes the file name (ours are virtual, imported ones real).
  const fromPath = params.path?.match(/([0-9a-fA-F-]{36})\.jsonl$/)?.[1];
  if (params.path && !fromPath) throw RpcError.badRequest(`no rollout found at ${params.path}`);
  const id = threadIdParam(fromPath ?? params.threadId);
  const loaded = app.threads.get(id);
  const thread = loaded ?? app.threads.load(id);
  // As the reference: a thread loaded from storage takes its approval and sandbox policies from
  // the configuration, not from how it ran before.
  const base = loaded ? thread.settings : withConfiguredPolicies(app, thread.settings);
  const settings = applyOverrides(app, base, params);
  if (!thread.activeTurn) {
    thread.settings = settings;
    app.threads.saveSettings(thread);
  }
  app.threads.subscribe(thread, conn);
  // Requests still waiting for an answer reach the joining client too, with their original ids.
  after(() => {
    for (const pending of app.serverRequests.pendingForThread(id)) app.serverRequests.replay(conn, pending);
  });
  return sessionView(thread, true, app);
};

const fork: AppHandler<ThreadForkParams> = (params, { app, conn, after }) => {
  const id = threadIdParam(params.threadId);
  const loaded = app.threads.get(id);
  const source = loaded?.stored ? loaded.record : app.threads.withStore((s) => s.getThread(id));
  if (!source || (!loaded && source.archived)) throw RpcError.badRequest(`no rollout found for thread id ${id}`);
  const entries = app.threads.withStore((s) => s.readEntries(id));
  // A fork is a new session: it starts in Default mode, as the reference's.
  const settings = { ...applyOverrides(app, (loaded?.settings ?? source.settings) as ThreadSettings, params), collaborationMode: null };
  const record = newThreadRecord(app.config.codexHome, settings, { preview: source.preview, forkedFromId: id, gitInfo: source.gitInfo });
  // A fork copies what is finished; a turn still running in the source is left out.
  const running = loaded?.activeTurn?.id;
  const copied = running ? entries.filter((e) => e.turnId !== running) : entries;
  const thread = new LoadedThread(record, settings, [], false, false);
  app.threads.persist(thread, copied);
  app.threads.setHistory(thread, foldHistory(copied));
  app.threads.add(thread, conn);
  const response = sessionView(thread, true, app);
  after(() => app.hub.broadcast('thread/started', { thread: { ...response.thread } }));
  return response;
};

const read: AppHandler<ThreadReadParams> = (params, { app }) => {
  const id = threadIdParam(params.threadId);
  const thread = app.threads.get(id);
  if (thread) {
    if (params.includeTurns && thread.ephemeral) throw RpcError.badRequest('ephemeral threads do not support includeTurns');
    const turns = params.includeTurns ? foldTurns(app.threads.entries(thread), { activeTurnId: thread.activeTurn?.id }) : [];
    return { thread: threadView(thread.record, thread.status(), { ephemeral: thread.ephemeral, turns }) };
  }
  const record = app.threads.withStore((s) => s.getThread(id));
  if (!record) throw RpcError.badRequest(`thread not loaded: ${id}`);
  const turns = params.includeTurns ? foldTurns(app.threads.withStore((s) => s.readEntries(id))) : [];
  return { thread: threadView(record, { type: 'notLoaded' }, { turns }) };
};

/** The reference's page size when the client gives none. */
const DEFAULT_LIST_LIMIT = 25;
/** Without a filter, thread/list shows threads people started themselves. */
const INTERACTIVE_SOURCES = ['cli', 'vscode'];

const list: AppHandler<ThreadListParams, ThreadListResponse> = (params, { app }) => {
  const page = app.threads.withStore((s) => {
    // Threads the reference wrote since the last look (at most every few seconds; first page only,
    // so paging through one listing never sees it change underneath).
    if (params.cursor == null) s.refreshReferenceThreads();
    return s.listThreads({
      limit: params.limit ?? DEFAULT_LIST_LIMIT,
      cursor: params.cursor ?? null,
      sortKey: params.sortKey ?? 'created_at',
      archived: params.archived === true,
      modelProviders: params.modelProviders ?? undefined,
      sourceKinds: params.sourceKinds?.length ? params.sourceKinds : INTERACTIVE_SOURCES,
      cwd: params.cwd ?? undefined,
      searchTerm: params.searchTerm ?? undefined,
    });
  });
  return {
    data: page.records.map((r) => threadView(r, app.threads.get(r.id)?.status() ?? { type: 'notLoaded' })),
    nextCursor: page.nextCursor,
  };
};

const loadedList: AppHandler<ThreadLoadedListParams, ThreadLoadedListResponse> = (params, { app }) => {
  const ids = app.threads.loadedIds();
  const offset = params.cursor != null && /^\d+$/.test(params.cursor) ? Number(params.cursor) : params.cursor == null ? 0 : ids.length;
  const limit = params.limit ?? ids.length;
  const data = ids.slice(offset, offset + limit);
  const next = offset + data.length;
  return { data, nextCursor: next < ids.length ? String(next) : null };
};

const unsubscribe: AppHandler<ThreadUnsubscribeParams> = (params, { app, conn }) => {
  // An id that is not a UUID cannot be loaded: the reference answers notLoaded for it too.
  const id = params.threadId;
  return { status: app.threads.unsubscribe(id, conn) };
};

export const threadHandlers = {
  'thread/start': start,
  'thread/resume': resume,
  'thread/fork': fork,
  'thread/read': read,
  'thread/list': list,
  'thread/loaded/list': loadedList,
  'thread/unsubscribe': unsubscribe,
};

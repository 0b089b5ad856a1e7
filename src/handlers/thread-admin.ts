import { foldHistory } from '../core/history.ts';
import { foldTurns } from '../core/turns.ts';
import { archivedPath, threadView, unarchivedPath } from '../core/thread-view.ts';
import type {
  ThreadArchiveParams,
  ThreadBackgroundTerminalsCleanParams,
  ThreadCompactStartParams,
  ThreadMetadataUpdateParams,
  ThreadRollbackParams,
  ThreadSetNameParams,
  ThreadUnarchiveParams,
} from '../protocol/index.ts';
import { RpcError } from '../rpc/errors.ts';
import type { App } from '../app.ts';
import { origin } from './origin.ts';
import { loadedThread } from './thread-params.ts';
import { threadIdParam } from './thread-id.ts';
import type { AppHandler } from './types.ts';

const now = () => Math.floor(Date.now() / 1000);

/** A stored thread's record; a thread never written (no turn yet) has no rollout, as in the reference. */
function storedRecord(app: App, id: string, archived: boolean) {
  const record = app.threads.withStore((s) => s.getThread(id));
  if (!record || record.archived !== archived) {
    throw RpcError.badRequest(archived ? `no archived rollout found for thread id ${id}` : `no rollout found for thread id ${id}`);
  }
  return record;
}

const archive: AppHandler<ThreadArchiveParams> = (params, { app, after }) => {
  const id = threadIdParam(params.threadId);
  const record = storedRecord(app, id, false);
  const loaded = app.threads.get(id);
  if (loaded) app.threads.unload(loaded, { closed: false });
  app.threads.withStore((s) => s.updateThread(id, { archived: true, path: archivedPath(app.config.codexHome, record.path) }));
  after(() => app.hub.broadcast('thread/archived', { threadId: id }));
  return {};
};

const unarchive: AppHandler<ThreadUnarchiveParams> = (params, { app, after }) => {
  const id = threadIdParam(params.threadId);
  const record = storedRecord(app, id, true);
  const patch = { archived: false, path: unarchivedPath(app.config.codexHome, record.path), updatedAt: now() };
  app.threads.withStore((s) => s.updateThread(id, patch));
  after(() => app.hub.broadcast('thread/unarchived', { threadId: id }));
  return { thread: threadView({ ...record, ...patch }, { type: 'notLoaded' }) };
};

const setName: AppHandler<ThreadSetNameParams> = (params, { app, after }) => {
  const id = threadIdParam(params.threadId);
  const loaded = app.threads.get(id);
  if (loaded) {
    loaded.record.name = params.name;
    if (loaded.stored) app.threads.withStore((s) => s.updateThread(id, { name: params.name }));
  } else {
    storedRecord(app, id, false);
    app.threads.withStore((s) => s.updateThread(id, { name: params.name }));
  }
  const notification = { threadId: id, threadName: params.name };
  // Subscribers of a loaded thread hear of it; for a stored one, everyone does (as the reference).
  after(() => (loaded ? loaded.notify('thread/name/updated', notification) : app.hub.broadcast('thread/name/updated', notification)));
  return {};
};

const metadataUpdate: AppHandler<ThreadMetadataUpdateParams> = (params, { app }) => {
  const id = threadIdParam(params.threadId);
  const git = params.gitInfo;
  if (git && git.sha === undefined && git.branch === undefined && git.originUrl === undefined) {
    throw RpcError.badRequest('gitInfo must include at least one field');
  }
  const loaded = app.threads.get(id);
  const record = loaded?.record ?? storedRecord(app, id, false);
  if (git) {
    // Omitted fields keep their value, null clears them.
    const next = { ...(record.gitInfo ?? { sha: null, branch: null, originUrl: null }) };
    if (git.sha !== undefined) next.sha = git.sha;
    if (git.branch !== undefined) next.branch = git.branch;
    if (git.originUrl !== undefined) next.originUrl = git.originUrl;
    const gitInfo = next.sha === null && next.branch === null && next.originUrl === null ? null : next;
    record.gitInfo = gitInfo;
    if (!loaded || loaded.stored) app.threads.withStore((s) => s.updateThread(id, { gitInfo }));
  }
  const status = loaded?.status() ?? { type: 'notLoaded' as const };
  return { thread: threadView(record, status, { ephemeral: loaded?.ephemeral }) };
};

const rollback: AppHandler<ThreadRollbackParams> = (params, { app, after }) => {
  const thread = loadedThread(app, params.threadId);
  if (params.numTurns < 1) throw RpcError.badRequest('numTurns must be >= 1');
  if (thread.activeTurn) throw RpcError.badRequest(`cannot roll back thread ${thread.id} while a turn is running`);
  const entries = app.threads.entries(thread);
  const turnIds = [...new Set(entries.filter((e) => e.kind === 'turnStarted').map((e) => e.turnId))];
  if (params.numTurns > turnIds.length) {
    throw RpcError.badRequest(`cannot roll back ${params.numTurns} turns: thread ${thread.id} has ${turnIds.length}`);
  }
  const dropped = turnIds.slice(turnIds.length - params.numTurns);
  app.threads.withStore((s) => s.deleteTurns(thread.id, dropped));
  const kept = entries.filter((e) => !dropped.includes(e.turnId));
  app.threads.setHistory(thread, foldHistory(kept));
  after(() => void app.turns.recountAfterRollback(thread));
  return { thread: threadView(thread.record, thread.status(), { turns: foldTurns(kept) }) };
};

const compactStart: AppHandler<ThreadCompactStartParams> = (params, { app, conn, after }) => {
  const thread = loadedThread(app, params.threadId);
  if (thread.activeTurn) throw RpcError.badRequest(`a turn is already running on thread ${thread.id}: ${thread.activeTurn.id}`);
  const { begin } = app.turns.startCompaction(thread, origin(conn));
  after(begin);
  return {};
};

/** Ends the commands exec_command left running in the thread. */
const backgroundTerminalsClean: AppHandler<ThreadBackgroundTerminalsCleanParams> = (params, { app }) => {
  const thread = loadedThread(app, params.threadId);
  app.terminals.close(thread.id);
  return {};
};

export const threadAdminHandlers = {
  'thread/backgroundTerminals/clean': backgroundTerminalsClean,
  'thread/compact/start': compactStart,
  'thread/archive': archive,
  'thread/unarchive': unarchive,
  'thread/name/set': setName,
  'thread/metadata/update': metadataUpdate,
  'thread/rollback': rollback,
};

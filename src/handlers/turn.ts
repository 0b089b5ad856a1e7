import { withCollaborationMode } from '../core/collaboration-modes.ts';
import { checkCwd, loadedThread } from './thread-params.ts';
import type { TurnInterruptParams, TurnStartParams, TurnSteerParams } from '../protocol/index.ts';
import { RpcError } from '../rpc/errors.ts';
import { origin } from './origin.ts';
import type { AppHandler } from './types.ts';

const start: AppHandler<TurnStartParams> = (params, { app, conn, after }) => {
  const thread = loadedThread(app, params.threadId);
  if (thread.activeTurn) throw RpcError.badRequest(`a turn is already running on thread ${thread.id}: ${thread.activeTurn.id}`);
  // Overrides become the thread's settings for this and later turns; the output schema is this turn's only.
  const previous = thread.settings;
  const s = { ...previous };
  if (params.cwd != null) {
    checkCwd(params.cwd);
    s.cwd = params.cwd;
  }
  if (params.approvalPolicy != null) s.approvalPolicy = params.approvalPolicy;
  if (params.sandboxPolicy != null) s.sandboxPolicy = params.sandboxPolicy;
  if (params.model != null) s.model = params.model;
  if (params.serviceTier !== undefined) s.serviceTier = params.serviceTier;
  if (params.effort !== undefined) s.effort = params.effort;
  if (params.summary != null) s.summary = params.summary;
  if (params.personality != null) s.personality = params.personality;
  thread.settings = params.collaborationMode != null ? withCollaborationMode(s, params.collaborationMode) : s;
  app.threads.saveSettings(thread);
  const { turn, begin } = app.turns.startTurn(thread, params.input, origin(conn), params.outputSchema ?? null, previous);
  after(begin);
  return { turn };
};

const steer: AppHandler<TurnSteerParams> = (params, { app }) => {
  const thread = loadedThread(app, params.threadId);
  const active = thread.activeTurn;
  if (!active) throw RpcError.badRequest('no active turn to steer');
  if (active.id !== params.expectedTurnId) {
    throw RpcError.badRequest(`expected active turn id \`${params.expectedTurnId}\` but found \`${active.id}\``);
  }
  if (active.kind !== 'regular') throw RpcError.badRequest(`turn ${active.id} cannot be steered`);
  app.turns.steer(thread, params.input);
  return { turnId: active.id };
};

const interrupt: AppHandler<TurnInterruptParams> = (params, { app, after }) => {
  const thread = loadedThread(app, params.threadId);
  const active = thread.activeTurn;
  if (!active) throw RpcError.badRequest(`no active turn to interrupt on thread ${thread.id}`);
  if (active.id !== params.turnId) {
    throw RpcError.badRequest(`expected active turn id \`${params.turnId}\` but found \`${active.id}\``);
  }
  after(() => app.turns.interrupt(thread));
  return {};
};

export const turnHandlers = { 'turn/start': start, 'turn/steer': steer, 'turn/interrupt': interrupt };

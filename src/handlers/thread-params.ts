import { statSync } from 'node:fs';
import type { App } from '../app.ts';
import type { Settings } from '../config/index.ts';
import type { LoadedThread } from '../core/loaded-thread.ts';
import { RpcError } from '../rpc/errors.ts';
import { threadIdParam } from './thread-id.ts';

/** A thread loaded in this process, or the reference's "thread not found" answer. */
export function loadedThread(app: App, rawId: string): LoadedThread {
  const id = threadIdParam(rawId);
  const thread = app.threads.get(id);
  if (!thread) throw RpcError.badRequest(`thread not found: ${id}`);
  return thread;
}

/** The reference accepts any cwd and fails later; Weft says at once what is wrong with it. */
export function checkCwd(cwd: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(cwd).isDirectory();
  } catch {
    throw RpcError.badRequest(`cwd does not exist: ${cwd}`);
  }
  if (!isDir) throw RpcError.badRequest(`cwd is not a directory: ${cwd}`);
}

export function checkProvider(settings: Settings, id: string): void {
  if (!Object.hasOwn(settings.modelProviders, id)) throw RpcError.badRequest(`Model provider \`${id}\` not found`);
}

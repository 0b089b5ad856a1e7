import type { App } from '../app.ts';
import { settingsWithOverrides, type Settings } from '../config/index.ts';
import { readStoredAuth } from '../core/auth/index.ts';
import type { AppsListParams, AppsListResponse } from '../protocol/index.ts';
import { RpcError } from '../rpc/errors.ts';
import { cursorIndex } from '../util/paginate.ts';
import { latestSettings } from './latest-config.ts';
import { loadedThread } from './thread-params.ts';
import type { AppHandler } from './types.ts';

/**
 * `app/list` answers only what is known offline. With the `apps` feature off (the default) the
 * list is empty. With it on, the reference lists the ChatGPT apps (connectors) of the logged-in
 * account from ChatGPT's backend, which Weft does not reach: it answers as the reference does when
 * that backend cannot be reached, and with the reference's errors when there is no ChatGPT token.
 */
const list: AppHandler<AppsListParams, AppsListResponse> = (params, { app }) => {
  // A thread's own configuration decides (as when it started), otherwise the files as they are now.
  const settings = params.threadId != null ? threadSettings(app, params.threadId) : latestSettings(app);
  if (!settings.features.apps) return { data: [], nextCursor: null };
  if (params.cursor != null) cursorIndex(params.cursor);
  const auth = readStoredAuth(app.config.codexHome);
  const failed = (detail: string) => RpcError.internal(`failed to list apps: ${detail}`);
  if (!auth) throw failed('ChatGPT token not available');
  if (auth.mode === 'apiKey' || !auth.tokens) throw failed('Token data is not available.');
  throw failed('Failed to send request');
};

function threadSettings(app: App, threadId: string): Settings {
  const thread = loadedThread(app, threadId);
  return settingsWithOverrides(app.config, thread.settings.configOverrides ?? {});
}

export const appHandlers = { 'app/list': list };

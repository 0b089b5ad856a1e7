import { accountView, readRateLimits, readStoredAuth } from '../core/auth/index.ts';
import type { GetAccountParams, GetAccountRateLimitsResponse, GetAccountResponse } from '../protocol/index.ts';
import { origin } from './origin.ts';
import type { AppHandler } from './types.ts';

/*
 * Both read the provider and the ChatGPT base URL from the start-up configuration, as the
 * reference does (a `config/value/write` of `model_provider` does not change `requiresOpenaiAuth`).
 * `refreshToken` asks the reference to refresh a ChatGPT token first; Weft does not refresh tokens,
 * and the answer is the same.
 */

const read: AppHandler<GetAccountParams, GetAccountResponse> = (_params, { app }) =>
  accountView(readStoredAuth(app.config.codexHome), app.config.settings.modelProvider.requiresOpenaiAuth);

const rateLimits: AppHandler<undefined, GetAccountRateLimitsResponse> = (_params, { app, conn }) =>
  readRateLimits({
    auth: readStoredAuth(app.config.codexHome),
    chatgptBaseUrl: app.config.settings.chatgptBaseUrl,
    userAgent: origin(conn).userAgent,
  });

export const accountHandlers = { 'account/read': read, 'account/rateLimits/read': rateLimits };

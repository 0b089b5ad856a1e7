import type { InitializeParams, InitializeResponse } from '../protocol/index.ts';
import type { AppHandler } from './types.ts';
import { userAgent } from '../util/user-agent.ts';

/** The handshake fixes the connection's capabilities for its lifetime. */
const initialize: AppHandler<InitializeParams, InitializeResponse> = (params, { app, conn, after }) => {
  conn.session = {
    clientName: params.clientInfo.name,
    clientVersion: params.clientInfo.version,
    experimentalApi: params.capabilities?.experimentalApi === true,
    optOut: new Set(params.capabilities?.optOutNotificationMethods ?? []),
  };
  after(() => {
    for (const warning of app.startupWarnings) conn.notify('configWarning', warning);
  });
  return { userAgent: userAgent(params.clientInfo.name, params.clientInfo.version) };
};

export const initializeHandlers = { initialize };

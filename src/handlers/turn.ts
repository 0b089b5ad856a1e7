import type { TurnStartParams } from '../protocol/index.ts';
import { RpcError } from '../rpc/errors.ts';
import type { AppHandler } from './types.ts';

const start: AppHandler<TurnStartParams> = (params) => {
  throw RpcError.badRequest(`thread not found: ${params.threadId}`);
};

export const turnHandlers = { 'turn/start': start };

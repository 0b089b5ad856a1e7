import type { ThreadListParams, ThreadListResponse, ThreadReadParams } from '../protocol/index.ts';
import { RpcError } from '../rpc/errors.ts';
import { threadIdParam } from './thread-id.ts';
import type { AppHandler } from './types.ts';

// Storage arrives with the threads-and-turns work; until then no thread exists, so these
// handlers answer exactly what the reference answers on an empty CODEX_HOME.

const list: AppHandler<ThreadListParams, ThreadListResponse> = (params) => {
  if (params.cursor != null) throw RpcError.badRequest(`invalid cursor: ${params.cursor}`);
  return { data: [], nextCursor: null };
};

const read: AppHandler<ThreadReadParams> = (params) => {
  const id = threadIdParam(params.threadId);
  throw RpcError.badRequest(`thread not loaded: ${id}`);
};

export const threadHandlers = { 'thread/list': list, 'thread/read': read };

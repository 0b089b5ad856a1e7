import type {
  FuzzyFileSearchParams,
  FuzzyFileSearchResponse,
  FuzzyFileSearchSessionStartParams,
  FuzzyFileSearchSessionStopParams,
  FuzzyFileSearchSessionUpdateParams,
} from '../protocol/index.ts';
import { RpcError } from '../rpc/errors.ts';
import type { AppHandler } from './types.ts';

/** Answers when the search is done; a search cancelled by a newer one with its token answers with no files. */
const search: AppHandler<FuzzyFileSearchParams, Promise<FuzzyFileSearchResponse>> = async (params, { app }) => ({
  files: await app.fileSearch.search(params.query, params.roots, params.cancellationToken ?? null),
});

const sessionStart: AppHandler<FuzzyFileSearchSessionStartParams> = (params, { app }) => {
  if (params.sessionId === '') throw RpcError.badRequest('sessionId must not be empty');
  if (params.roots.length === 0) {
    throw RpcError.internal('failed to start fuzzy file search session: at least one search directory is required');
  }
  app.fileSearch.startSession(params.sessionId, params.roots);
  return {};
};

const sessionUpdate: AppHandler<FuzzyFileSearchSessionUpdateParams> = (params, { app }) => {
  if (!app.fileSearch.updateSession(params.sessionId, params.query)) {
    throw RpcError.badRequest(`fuzzy file search session not found: ${params.sessionId}`);
  }
  return {};
};

const sessionStop: AppHandler<FuzzyFileSearchSessionStopParams> = (params, { app }) => {
  app.fileSearch.stopSession(params.sessionId);
  return {};
};

export const fuzzyFileSearchHandlers = {
  fuzzyFileSearch: search,
  'fuzzyFileSearch/sessionStart': sessionStart,
  'fuzzyFileSearch/sessionUpdate': sessionUpdate,
  'fuzzyFileSearch/sessionStop': sessionStop,
};

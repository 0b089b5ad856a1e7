import { ConfigWriteError, readConfig, writeConfig, type ConfigWriteRequest } from '../config/index.ts';
import type {
  ConfigBatchWriteParams,
  ConfigReadParams,
  ConfigReadResponse,
  ConfigRequirementsReadResponse,
  ConfigValueWriteParams,
  ConfigWriteResponse,
} from '../protocol/index.ts';
import { RpcError } from '../rpc/errors.ts';
import type { App } from '../app.ts';
import type { AppHandler } from './types.ts';

/** Failures of the server itself (unreadable files) are internal errors with their message, as there. */
function internal(err: unknown): never {
  if (err instanceof RpcError) throw err;
  throw RpcError.internal((err as Error).message);
}

const read: AppHandler<ConfigReadParams, ConfigReadResponse> = (params, { app }) => {
  try {
    return readConfig(app.config.source, params);
  } catch (err) {
    internal(err);
  }
};

/** Writes, then reloads the live configuration so that new threads see the change. */
function write(app: App, request: ConfigWriteRequest): ConfigWriteResponse {
  let response;
  try {
    response = writeConfig(app.config.source, request);
  } catch (err) {
    if (err instanceof ConfigWriteError) throw RpcError.badRequest(err.message, { config_write_error_code: err.code });
    internal(err);
  }
  app.liveConfig.reload();
  return response;
}

const valueWrite: AppHandler<ConfigValueWriteParams, ConfigWriteResponse> = (params, { app }) =>
  write(app, { edits: [params], filePath: params.filePath, expectedVersion: params.expectedVersion });

// `reloadUserConfig` asks for loaded threads to take the new user config; their model and
// policies stay as they started either way (as in the reference), and everything else is read
// from the live configuration at each turn.
const batchWrite: AppHandler<ConfigBatchWriteParams, ConfigWriteResponse> = (params, { app }) => write(app, params);

/** No requirements (managed policy) are supported; the reference answers the same without any. */
const requirementsRead: AppHandler<undefined, ConfigRequirementsReadResponse> = () => ({ requirements: null });

export const configHandlers = {
  'config/read': read,
  'config/value/write': valueWrite,
  'config/batchWrite': batchWrite,
  'configRequirements/read': requirementsRead,
};

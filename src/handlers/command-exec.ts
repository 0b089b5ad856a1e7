import { sandboxPolicyFor } from '../core/thread-settings.ts';
import { shellEnvironment } from '../core/shell-environment.ts';
import type {
  CommandExecParams,
  CommandExecResizeParams,
  CommandExecTerminateParams,
  CommandExecWriteParams,
} from '../protocol/index.ts';
import type { AppHandler } from './types.ts';

/** Runs a command outside any thread; the answer comes when it exits (streamed output first). */
const exec: AppHandler<CommandExecParams> = (params, { app, conn }) => {
  const settings = app.config.settings;
  return app.commandExecs.run(conn, params, {
    cwd: process.cwd(),
    sandboxPolicy: sandboxPolicyFor(settings.sandboxMode ?? 'read-only', settings, app.config.codexHome),
    env: shellEnvironment(settings.shellEnvironmentPolicy),
  });
};

const write: AppHandler<CommandExecWriteParams> = (params, { app, conn }) => {
  const data = params.deltaBase64 ? Buffer.from(params.deltaBase64, 'base64') : null;
  app.commandExecs.write(conn, params.processId, data, params.closeStdin === true);
  return {};
};

const resize: AppHandler<CommandExecResizeParams> = (params, { app, conn }) => {
  app.commandExecs.resize(conn, params.processId, params.size.rows, params.size.cols);
  return {};
};

const terminate: AppHandler<CommandExecTerminateParams> = (params, { app, conn }) => {
  app.commandExecs.terminate(conn, params.processId);
  return {};
};

export const commandExecHandlers = {
  'command/exec': exec,
  'command/exec/write': write,
  'command/exec/resize': resize,
  'command/exec/terminate': terminate,
};

import { createApp } from '../app.ts';
import { ConfigError, loadStartupConfig } from '../config/index.ts';
import { createLogger, logSettingsFromEnv } from '../log/index.ts';
import { listenStdio } from '../transport/stdio.ts';
import type { Listener } from '../transport/channel.ts';
import type { ListenTarget } from './listen-url.ts';
import { CliError } from './usage.ts';

export interface ServeOptions {
  listen: ListenTarget;
  token: string | undefined;
  overrides: string[];
  enable: string[];
  disable: string[];
}

/** Loads configuration, starts the chosen transport and runs until the client or a signal ends it. */
export async function serve(opts: ServeOptions): Promise<void> {
  const log = createLogger(logSettingsFromEnv(process.env));
  let config;
  try {
    // As the reference: a broken config.toml does not stop the server; it runs on defaults, logs
    // the problem and tells each client with a `configWarning` after `initialize`. Bad command-line
    // overrides or CODEX_HOME do stop it.
    // The server's own directory counts as a project, as for the reference (its trusted
    // `.codex/config.toml` applies; an untrusted one is reported to each client).
    const options = { overrides: opts.overrides, enable: opts.enable, disable: opts.disable, env: process.env, projectCwd: process.cwd() };
    config = await loadStartupConfig(options);
    if (config.startupError) log.error(`Invalid configuration; using defaults. ${config.startupError.message}`);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
  const { app, accept } = createApp(config, log);
  let listener: Listener;
  if (opts.listen.kind === 'stdio') {
    // One client; when it goes away there is nobody left to serve.
    listener = listenStdio(
      (channel) => {
        const handlers = accept(channel);
        return { onMessage: handlers.onMessage, onClose: () => { handlers.onClose(); shutdown(0); } };
      },
      { log: log.child('stdio') },
    );
  } else {
    const { listenWebSocket } = await import('../transport/websocket.ts');
    try {
      const ws = await listenWebSocket(accept, { host: opts.listen.host, port: opts.listen.port, token: opts.token, log: log.child('websocket') });
      listener = ws;
      log.info('listening', { url: `ws://${opts.listen.host}:${ws.port}` });
    } catch (err) {
      throw new CliError((err as Error).message);
    }
  }
  let stopping = false;
  function shutdown(code: number): void {
    if (stopping) return;
    stopping = true;
    listener.close().finally(() => {
      // Closing the store folds its write-ahead log into the database file.
      app.threads.close();
      process.exit(code);
    });
  }
  process.once('SIGTERM', () => shutdown(0));
  process.once('SIGINT', () => shutdown(0));
}

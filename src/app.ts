import { configWarningParams, disabledProjectsWarning, LiveConfig, type LoadedConfig } from './config/index.ts';
import type { ConfigWarningNotification } from './protocol/index.ts';
import { HANDLERS } from './handlers/index.ts';
import type { Logger } from './log/index.ts';
import { Connection } from './rpc/connection.ts';
import { Dispatcher } from './rpc/dispatcher.ts';
import { Hub } from './rpc/hub.ts';
import { Ingress } from './rpc/ingress.ts';
import { ServerRequests } from './rpc/server-requests.ts';
import type { AcceptChannel } from './transport/channel.ts';
import { ThreadManager } from './core/thread-manager.ts';
import { TurnRunner } from './core/turn-runner.ts';
import { CommandExecs } from './exec/command-exec.ts';
import { FileSearchService } from './search/service.ts';
import { SkillsService } from './skills/service.ts';
import { builtInTools } from './tools/built-in.ts';
import type { UnifiedExecSessions } from './tools/shell/index.ts';

/** Everything a request handler may reach: the composition root's services. */
export interface App {
  /** The configuration as it stands now (see LiveConfig): read it anew, do not keep it. */
  readonly config: LoadedConfig;
  readonly liveConfig: LiveConfig;
  /** `configWarning`s every client gets after `initialize`: problems found at start-up. */
  readonly startupWarnings: readonly ConfigWarningNotification[];
  readonly log: Logger;
  readonly hub: Hub;
  readonly serverRequests: ServerRequests;
  readonly threads: ThreadManager;
  readonly turns: TurnRunner;
  /** Commands left running by exec_command, per thread. */
  readonly terminals: UnifiedExecSessions;
  /** Commands clients run outside threads (command/exec). */
  readonly commandExecs: CommandExecs;
  /** fuzzyFileSearch and its sessions, whose notifications go to every connection. */
  readonly fileSearch: FileSearchService;
  /** Skills per working directory (skills/list, the model's instructions) and their settings. */
  readonly skills: SkillsService;
}

/** Wires the services together and returns what transports call for each new client. */
export function createApp(config: LoadedConfig, log: Logger): { app: App; accept: AcceptChannel } {
  const hub = new Hub();
  const live = new LiveConfig(config);
  const threads = new ThreadManager(config, hub, log);
  const { tools, sessions } = builtInTools(config.settings);
  const skills = new SkillsService({ codexHome: config.codexHome, onError: (message) => log.error(message) });
  // A thread watches its skill folders while loaded; a change is announced to its listeners.
  skills.onChanged = (threadIds) => threadIds.forEach((id) => threads.get(id)?.notify('skills/changed', {}));
  threads.onLoad = (thread) => skills.watchThread(thread.id, thread.settings.cwd);
  threads.onUnload = (threadId) => {
    sessions.close(threadId);
    skills.unwatchThread(threadId);
  };
  const serverRequests = new ServerRequests();
  const turns = new TurnRunner({
    get config() {
      return live.current;
    },
    hub, threads, tools, serverRequests, log: log.child('turn'), skills,
  });
  const app: App = {
    get config() {
      return live.current;
    },
    liveConfig: live,
    startupWarnings: startupWarnings(config),
    log, hub, serverRequests, threads, turns, terminals: sessions, commandExecs: new CommandExecs(),
    fileSearch: new FileSearchService((method, params) => hub.broadcast(method, params)),
    skills,
  };
  const rpcLog = log.child('rpc');
  const dispatcher = new Dispatcher({ app, handlers: HANDLERS, serverRequests: app.serverRequests, log: rpcLog });
  const ingress = new Ingress(
    (conn, text) => dispatcher.handle(conn, text),
    (conn, text) => dispatcher.refuse(conn, text),
  );
  const accept: AcceptChannel = (channel) => {
    const conn = new Connection(channel);
    app.hub.add(conn);
    rpcLog.debug('connection opened', { conn: conn.id, transport: channel.transport, peer: channel.label });
    return {
      onMessage: (text) => ingress.push(conn, text),
      onClose: () => {
        conn.closed = true;
        ingress.drop(conn);
        app.hub.remove(conn);
        threads.connectionClosed(conn);
        app.commandExecs.connectionClosed(conn);
        rpcLog.debug('connection closed', { conn: conn.id });
      },
    };
  };
  return { app, accept };
}

function startupWarnings(config: LoadedConfig): ConfigWarningNotification[] {
  const warnings: ConfigWarningNotification[] = [];
  if (config.startupError) warnings.push(configWarningParams(config.startupError));
  if (config.disabledProjects.length) warnings.push(disabledProjectsWarning(config.disabledProjects));
  return warnings;
}

import type { McpServer } from '../config/index.ts';
import type { McpServerStatus } from '../protocol/index.ts';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `mcpServerStatus/list` for configured servers that are not running: every one (disabled ones
 * too) by name, with no tools or resources, which is what the reference reports for a server that
 * fails to start or cannot be reached. Its auth status is what can be known without asking the
 * server: a bearer token configured, else `unsupported` (the reference's answer when OAuth
 * discovery gets no answer).
 */
export function mcpServerStatuses(servers: Readonly<Record<string, McpServer>>, env: Env): McpServerStatus[] {
  return Object.values(servers)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((server) => ({ name: server.name, tools: {}, resources: [], resourceTemplates: [], authStatus: authStatus(server, env) }));
}

function authStatus(server: McpServer, env: Env): McpServerStatus['authStatus'] {
  const t = server.transport;
  if (t.type !== 'streamableHttp') return 'unsupported';
  const isAuthorization = (name: string) => name.toLowerCase() === 'authorization';
  const staticHeader = Object.keys(t.httpHeaders ?? {}).some(isAuthorization);
  const envHeader = Object.entries(t.envHttpHeaders ?? {}).some(([name, variable]) => isAuthorization(name) && Boolean(env[variable]?.trim()));
  return t.bearerTokenEnvVar !== undefined || staticHeader || envHeader ? 'bearerToken' : 'unsupported';
}

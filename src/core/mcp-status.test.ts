import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { McpServer, McpTransport } from '../config/index.ts';
import { mcpServerStatuses } from './mcp-status.ts';

const server = (name: string, transport: McpTransport, enabled = true): McpServer => ({ name, transport, enabled, required: false });
const http = (more: Partial<Extract<McpTransport, { type: 'streamableHttp' }>> = {}): McpTransport => ({ type: 'streamableHttp', url: 'http://127.0.0.1:9/mcp', ...more });
const stdio: McpTransport = { type: 'stdio', command: '/bin/false', args: [], envVars: [] };

test('every configured server by name, disabled ones too, with nothing listed', () => {
  const list = mcpServerStatuses({ zeta: server('zeta', stdio), alpha: server('alpha', stdio, false), web: server('web', http()) }, {});
  assert.deepEqual(list.map((s) => s.name), ['alpha', 'web', 'zeta']);
  assert.deepEqual(list[0], { name: 'alpha', tools: {}, resources: [], resourceTemplates: [], authStatus: 'unsupported' });
});

test('a bearer token variable or an Authorization header (any case) means bearerToken', () => {
  const status = (t: McpTransport, env: Record<string, string> = {}) => mcpServerStatuses({ s: server('s', t) }, env)[0]!.authStatus;
  assert.equal(status(http({ bearerTokenEnvVar: 'UNSET' })), 'bearerToken');
  assert.equal(status(http({ httpHeaders: { authorization: '' } })), 'bearerToken');
  assert.equal(status(http({ httpHeaders: { 'X-Other': '1' } })), 'unsupported');
  assert.equal(status(http({ envHttpHeaders: { Authorization: 'TOKEN' } }), { TOKEN: 'x' }), 'bearerToken');
  assert.equal(status(http({ envHttpHeaders: { Authorization: 'TOKEN' } }), { TOKEN: '' }), 'unsupported');
  assert.equal(status(http({ envHttpHeaders: { Authorization: 'TOKEN' } })), 'unsupported');
  assert.equal(status(stdio), 'unsupported');
});

// Granted permissions as later commands meet them: request_permissions, then real bwrap.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { resolveFeatures } from '../../src/config/features.ts';
import type { ResponseItem } from '../../src/model/index.ts';
import { isSandboxAvailable } from '../../src/sandbox/index.ts';
import { PermissionGrants } from '../../src/tools/permissions/grants.ts';
import type { ToolContext, ToolHandler } from '../../src/tools/registry.ts';
import { requestPermissionsHandler } from '../../src/tools/request-permissions.ts';
import { shellToolHandlers } from '../../src/tools/shell/index.ts';
import { testToolContext } from '../support/tool-context.ts';
import { scratch, workspaceOnly } from './helpers.ts';

const skip = process.platform !== 'linux'
  ? 'bubblewrap enforcement is Linux only'
  : !isSandboxAvailable() && 'bwrap is missing or cannot create namespaces here: install bubblewrap (apt-get install bubblewrap)';

const features = resolveFeatures({ features: { request_permissions_tool: true, request_permissions: true } }, {}).states;
const shell = shellToolHandlers({ env: () => ({ PATH: process.env.PATH }) });

let calls = 0;
async function call(handler: ToolHandler, name: string, args: unknown, ctx: ToolContext): Promise<string> {
  const out: ResponseItem = await handler({ callId: `call-${++calls}`, name, input: JSON.stringify(args), kind: 'function' }, ctx);
  assert.equal(out.type, 'function_call_output');
  return (out as { output: string }).output;
}

/** A turn under workspace-write (nothing writable but the workspace) whose user grants whatever is asked. */
function turn(cwd: string): ToolContext {
  return testToolContext({
    cwd,
    sandboxPolicy: workspaceOnly(),
    approvalPolicy: 'on-request',
    features,
    permissionGrants: new PermissionGrants(),
    ask: async (_method, params) => ({ kind: 'result', result: { permissions: params.permissions } }),
  });
}

const run = (ctx: ToolContext, script: string) => call(shell.shell!, 'shell', { command: ['sh', '-c', script] }, ctx);

describe('request_permissions under bubblewrap', { skip }, () => {
  test('a granted path becomes writable, and the network reachable, for the later commands of the turn only', async (t) => {
    const { ws, outside } = scratch(t);
    const ctx = turn(ws);
    // /proc is the command's own: its network namespace shows there.
    const probe = 'echo net=${CODEX_SANDBOX_NETWORK_DISABLED:-on} ifaces=$(tail -n +3 /proc/net/dev | grep -cv "^ *lo:")';

    assert.match(await run(ctx, `touch ${outside}/before`), /Read-only file system/);
    assert.ok(!existsSync(join(outside, 'before')));
    assert.match(await run(ctx, probe), /net=1 ifaces=0\\n"/);

    const granted = await call(requestPermissionsHandler, 'request_permissions', { permissions: { network: { enabled: true }, file_system: { write: [outside] } } }, ctx);
    assert.equal(granted, JSON.stringify({ permissions: { network: { enabled: true }, file_system: { read: null, write: [outside] }, macos: null } }));

    assert.match(await run(ctx, `touch ${outside}/after && echo wrote`), /"output":"wrote\\n"/);
    assert.ok(existsSync(join(outside, 'after')));
    const net = await run(ctx, probe);
    assert.match(net, /net=on ifaces=/);
    // The command shares the host's network: interfaces other than loopback are visible.
    if (hostHasInterfaces()) assert.doesNotMatch(net, /ifaces=0/);

    const nextTurn = turn(ws);
    assert.match(await run(nextTurn, `touch ${outside}/next`), /Read-only file system/);
    assert.ok(!existsSync(join(outside, 'next')));
  });

  test('inside a granted root, .git stays read-only as in any writable root', async (t) => {
    const { ws, outside } = scratch(t);
    mkdirSync(join(outside, '.git'));
    const ctx = turn(ws);
    await call(requestPermissionsHandler, 'request_permissions', { permissions: { file_system: { write: [outside] } } }, ctx);
    assert.match(await run(ctx, `touch ${outside}/.git/hook`), /Read-only file system/);
    assert.match(await run(ctx, `touch ${outside}/ok && echo wrote`), /"output":"wrote\\n"/);
  });
});

const hostHasInterfaces = () => readFileSync('/proc/net/dev', 'utf8').split('\n').slice(2).some((line) => line.includes(':') && !/^\s*lo:/.test(line));

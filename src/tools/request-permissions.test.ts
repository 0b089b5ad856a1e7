import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testToolContext } from '../../test/support/tool-context.ts';
import { resolveFeatures } from '../config/features.ts';
import type { ClientAnswer } from '../core/client-requests.ts';
import { PermissionGrants } from './permissions/grants.ts';
import type { ToolContext } from './registry.ts';
import { requestPermissionsHandler } from './request-permissions.ts';

const enabled = resolveFeatures({ features: { request_permissions_tool: true } }, {}).states;

function context(answer: ClientAnswer, asked: unknown[], overrides: Partial<ToolContext> = {}): ToolContext {
  return testToolContext({
    cwd: '/nonexistent-cwd',
    features: enabled,
    permissionGrants: new PermissionGrants(),
    ask: async (method, params, opts) => {
      asked.push([method, params, opts.flag]);
      return answer;
    },
    ...overrides,
  });
}

const call = (args: unknown) => ({ callId: 'c1', name: 'request_permissions', input: typeof args === 'string' ? args : JSON.stringify(args), kind: 'function' as const });
const outputOf = async (args: unknown, ctx: ToolContext) => {
  const out = await requestPermissionsHandler(call(args), ctx);
  assert.equal(out.type, 'function_call_output');
  return (out as { output: string }).output;
};

test('the user is asked for the normalized request; the grant within it is recorded for the turn and told to the model', async () => {
  const asked: unknown[] = [];
  const ctx = context({ kind: 'result', result: { permissions: { network: { enabled: true }, fileSystem: { write: ['/nonexistent-cwd/out'] } } } }, asked);
  const output = await outputOf({ reason: 'need net', permissions: { network: { enabled: true }, file_system: { write: ['out', 'elsewhere'] } } }, ctx);
  assert.deepEqual(asked, [
    [
      'item/permissions/requestApproval',
      {
        itemId: 'c1',
        reason: 'need net',
        permissions: { network: { enabled: true }, fileSystem: { read: null, write: ['/nonexistent-cwd/out', '/nonexistent-cwd/elsewhere'] }, macos: null },
      },
      'waitingOnApproval',
    ],
  ]);
  assert.equal(output, '{"permissions":{"network":{"enabled":true},"file_system":{"read":null,"write":["/nonexistent-cwd/out"]},"macos":null}}');
  assert.deepEqual(ctx.permissionGrants.current, { network: { enabled: true }, fileSystem: { read: null, write: ['/nonexistent-cwd/out'] }, macos: null });
});

test('an error answer grants nothing and records nothing', async () => {
  const ctx = context({ kind: 'error', error: { code: -32000, message: 'nope' } }, []);
  assert.equal(await outputOf({ permissions: { network: { enabled: true } } }, ctx), '{"permissions":{"network":null,"file_system":null,"macos":null}}');
  assert.equal(ctx.permissionGrants.current, null);
});

test('requests for nothing and bad arguments are answered without asking', async () => {
  const asked: unknown[] = [];
  const ctx = context({ kind: 'result', result: {} }, asked);
  assert.equal(await outputOf({ permissions: { network: {}, file_system: {} } }, ctx), 'request_permissions requires at least one permission');
  assert.equal(await outputOf({ reason: 'x' }, ctx), 'failed to parse function arguments: missing field `permissions` at line 1 column 14');
  assert.deepEqual(asked, []);
});

test('without the feature the tool does not exist', async () => {
  const ctx = context({ kind: 'result', result: {} }, [], { features: resolveFeatures({}, {}).states });
  assert.equal(await outputOf({ permissions: { network: { enabled: true } } }, ctx), 'unsupported call: request_permissions');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configToml } from './config-schema.ts';
import { FROM_VALUE } from './schema.ts';
import { parseToml } from './toml.ts';

const check = (toml: string) => configToml.check(parseToml(toml), []);

test('well-typed documents pass, unknown keys included', () => {
  const doc = `
model = "m"
approval_policy = { reject = { sandbox_approval = true, rules = false, mcp_elicitations = true } }
unknown_top = 3
[model_providers.mock]
name = "mock"
base_url = "http://127.0.0.1:1/v1"
wire_api = "responses"
request_max_retries = 0
unknown_key = 1
[mcp_servers.a]
command = "node"
args = ["x.js"]
startup_timeout_sec = 20
[mcp_servers.b]
url = "http://h/mcp"
bearer_token_env_var = "T"
[profiles.p]
model = "o3"
features = { undo = true }
`;
  assert.equal(check(doc), undefined);
});

// Each detail is the reference's own wording for the same document (codex-cli 0.113.0).
test('type errors are worded like the reference and carry the key path', () => {
  const cases: [string, (string | number)[], string][] = [
    ['approval_policy = "sometimes"', ['approval_policy'], 'unknown variant `sometimes`, expected one of `untrusted`, `on-failure`, `on-request`, `reject`, `never`'],
    ['[model_providers.mock]\nname="m"\nbase_url = 3', ['model_providers', 'mock', 'base_url'], 'invalid type: integer `3`, expected a string'],
    ['[model_providers.m]\nbase_url="http://x"', ['model_providers', 'm'], 'missing field `name`'],
    ['[model_providers.m]\nname="m"\nwire_api="bogus"', ['model_providers', 'm', 'wire_api'], 'unknown variant `bogus`, expected `responses`'],
    ['[model_providers.m]\nname="m"\nrequest_max_retries=-1', ['model_providers', 'm', 'request_max_retries'], 'invalid value: integer `-1`, expected u64'],
    ['model_context_window="big"', ['model_context_window'], 'invalid type: string "big", expected i64'],
    ['model_reasoning_effort="extreme"', ['model_reasoning_effort'], 'unknown variant `extreme`, expected one of `none`, `minimal`, `low`, `medium`, `high`, `xhigh`'],
    ['model_verbosity="x"', ['model_verbosity'], 'unknown variant `x`, expected one of `low`, `medium`, `high`'],
    ['sandbox_mode="yolo"', ['sandbox_mode'], 'unknown variant `yolo`, expected one of `read-only`, `workspace-write`, `danger-full-access`'],
    ['[sandbox_workspace_write]\nnetwork_access="yes"', ['sandbox_workspace_write', 'network_access'], 'invalid type: string "yes", expected a boolean'],
    ['[shell_environment_policy]\ninherit="some"', ['shell_environment_policy', 'inherit'], 'unknown variant `some`, expected one of `core`, `all`, `none`'],
    ['[mcp_servers.x]\nargs=["a"]', ['mcp_servers', 'x'], 'invalid transport'],
    ['[mcp_servers.x]\ncommand="a"\nurl="http://x"', ['mcp_servers', 'x'], 'url is not supported for stdio'],
    ['[profiles.p]\nmodel=3', ['profiles', 'p', 'model'], 'invalid type: integer `3`, expected a string'],
    ['check_for_update_on_startup="no"', ['check_for_update_on_startup'], 'invalid type: string "no", expected a boolean'],
    ['[features]\nshell_tool="no"', ['features', 'shell_tool'], 'invalid type: string "no", expected a boolean'],
    ['approval_policy={reject={rules=true}}', ['approval_policy', 'reject'], 'missing field `sandbox_approval`'],
    ['model_providers=3', ['model_providers'], 'invalid type: integer `3`, expected a map'],
    ['[tools]\nweb_search = true', ['tools', 'web_search'], 'invalid type: boolean `true`, expected struct WebSearchToolConfig'],
  ];
  for (const [toml, path, detail] of cases) assert.deepEqual(check(toml), { path, detail }, toml);
});

// Observed on the reference: a file and a write word a value of the wrong kind differently.
test('an enum given a value of the wrong kind', () => {
  assert.deepEqual(check('approval_policy = 5'), { path: ['approval_policy'], detail: 'wanted string or table' });
  assert.deepEqual(check('sandbox_mode = true'), { path: ['sandbox_mode'], detail: 'wanted string or table' });
  const data = (doc: Record<string, unknown>) => configToml.check(doc, [], FROM_VALUE);
  assert.deepEqual(data({ approval_policy: 5 }), { path: ['approval_policy'], detail: 'invalid type: unit variant, expected string only' });
  assert.deepEqual(data({ model_reasoning_effort: {} }), { path: ['model_reasoning_effort'], detail: 'wanted exactly 1 element, found 0 elements' });
  assert.deepEqual(data({ approval_policy: { reject: { sandbox_approval: true } } }), { path: ['approval_policy'], detail: 'missing field `rules`' });
  assert.deepEqual(data({ features: { apps: 'yes' } }), { path: ['features'], detail: 'invalid type: string "yes", expected a boolean' });
  assert.deepEqual(data({ sandbox_workspace_write: { writable_roots: ['/a', 'rel'] } }), {
    path: ['sandbox_workspace_write', 'writable_roots'],
    detail: 'AbsolutePathBuf deserialized without a base path',
  });
  // Checked as data, keys are visited in sorted order.
  assert.deepEqual(data({ tools: { web_search: true, view_image: 5 } }), { path: ['tools', 'view_image'], detail: 'invalid type: integer `5`, expected a boolean' });
});

test('wire_api = "chat" gets a pointed message', () => {
  assert.match(check('[model_providers.m]\nname="m"\nwire_api="chat"')!.detail, /^`wire_api = "chat"` is no longer supported\.\nHow to fix/);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FEATURES, type FeatureName, type FeatureStates } from '../../config/index.ts';
import type { SandboxPolicy } from '../../protocol/index.ts';
import { toolName, toolSpecsFor, type JsonSchema, type ModelToolTraits, type ToolOfferContext, type ToolSpec } from './index.ts';

const DEFAULTS = Object.fromEntries(FEATURES.map((f) => [f.name, f.defaultEnabled])) as FeatureStates;
const PLAIN: ModelToolTraits = { shellType: 'shell', applyPatchTool: null, inputModalities: ['text', 'image'] };

function names(traits: Partial<ModelToolTraits> = {}, features: Partial<Record<FeatureName, boolean>> = {}, rest: Partial<ToolOfferContext> = {}): string[] {
  const ctx: ToolOfferContext = {
    traits: { ...PLAIN, ...traits },
    features: { ...DEFAULTS, ...features },
    sandboxPolicy: { type: 'dangerFullAccess' },
    mcpTools: null,
    dynamicTools: [],
    ...rest,
  };
  return toolSpecsFor(ctx).map(toolName);
}

const TAIL = ['update_plan', 'request_user_input', 'web_search', 'view_image'];

test('unified exec offers exec_command and write_stdin whatever the model', () => {
  assert.deepEqual(names(), ['exec_command', 'write_stdin', ...TAIL]);
  assert.deepEqual(names({ shellType: 'shell_command' }), ['exec_command', 'write_stdin', ...TAIL]);
});

test("without unified exec the model's own command tool is offered", () => {
  assert.deepEqual(names({}, { unified_exec: false }), ['shell', ...TAIL]);
  assert.deepEqual(names({ shellType: 'shell_command' }, { unified_exec: false }), ['shell_command', ...TAIL]);
});

test('shell_tool off removes every command tool', () => {
  assert.deepEqual(names({}, { shell_tool: false }), TAIL);
  assert.deepEqual(names({}, { shell_tool: false, unified_exec: false }), TAIL);
});

test("apply_patch comes from the model's catalogue entry, or the freeform feature", () => {
  const withPatch = ['exec_command', 'write_stdin', 'update_plan', 'request_user_input', 'apply_patch', 'web_search', 'view_image'];
  assert.deepEqual(names({}, { apply_patch_freeform: true }), withPatch);
  assert.deepEqual(names({ applyPatchTool: 'freeform' }, { apply_patch_freeform: false }), withPatch);
  const spec = (traits: Partial<ModelToolTraits>) =>
    toolSpecsFor({ traits: { ...PLAIN, ...traits }, features: DEFAULTS, sandboxPolicy: { type: 'dangerFullAccess' }, mcpTools: null, dynamicTools: [] }).find(
      (t) => toolName(t) === 'apply_patch',
    );
  assert.equal(spec({ applyPatchTool: 'freeform' })?.type, 'custom');
  assert.equal(spec({ applyPatchTool: 'function' })?.type, 'function');
});

test('web search: disabled, cached, or live without a sandbox', () => {
  const webSearch = (mode: ToolOfferContext['webSearch'], sandboxPolicy: SandboxPolicy, features: Partial<Record<FeatureName, boolean>> = {}) =>
    toolSpecsFor({ traits: PLAIN, features: { ...DEFAULTS, ...features }, sandboxPolicy, mcpTools: null, dynamicTools: [], webSearch: mode }).find(
      (t): t is Extract<ToolSpec, { type: 'web_search' }> => t.type === 'web_search',
    );
  const readOnly: SandboxPolicy = { type: 'readOnly' };
  assert.equal(webSearch('disabled', { type: 'dangerFullAccess' }), undefined);
  assert.deepEqual(webSearch(undefined, readOnly), { type: 'web_search', external_web_access: false });
  assert.deepEqual(webSearch(undefined, { type: 'dangerFullAccess' }), { type: 'web_search', external_web_access: true });
  assert.deepEqual(webSearch('cached', { type: 'dangerFullAccess' }), { type: 'web_search', external_web_access: true });
  assert.deepEqual(webSearch('live', { type: 'workspaceWrite' }), { type: 'web_search', external_web_access: true });
  assert.deepEqual(webSearch(undefined, { type: 'externalSandbox', networkAccess: 'enabled' }), { type: 'web_search', external_web_access: false });
  assert.deepEqual(webSearch(undefined, readOnly, { web_search_request: true }), { type: 'web_search', external_web_access: true });
  assert.deepEqual(webSearch(undefined, readOnly, { web_search_request: true, web_search_cached: true }), { type: 'web_search', external_web_access: false });
});

test('view_image needs a model that takes images', () => {
  assert.deepEqual(names({ inputModalities: ['text'] }), ['exec_command', 'write_stdin', 'update_plan', 'request_user_input', 'web_search']);
});

test('MCP: resource tools with any enabled server, its tools sorted, then dynamic tools in order', () => {
  const schema = { type: 'object', properties: { text: { type: 'string' } } };
  const got = names({}, {}, {
    mcpTools: [
      { name: 'mcp__zed__echo', inputSchema: schema },
      { name: 'mcp__alpha__echo', inputSchema: schema },
      { name: 'mcp__bad__tool', inputSchema: { type: 'null' } },
    ],
    dynamicTools: [
      { name: 'zeta', description: 'z', inputSchema: { type: 'object' } },
      { name: 'alpha', description: 'a', inputSchema: { type: 'object' } },
    ],
  });
  assert.deepEqual(got, [
    'exec_command', 'write_stdin', 'list_mcp_resources', 'list_mcp_resource_templates', 'read_mcp_resource',
    ...TAIL, 'mcp__alpha__echo', 'mcp__zed__echo', 'zeta', 'alpha',
  ]);
  assert.deepEqual(names({}, {}, { mcpTools: [] }), ['exec_command', 'write_stdin', 'list_mcp_resources', 'list_mcp_resource_templates', 'read_mcp_resource', ...TAIL]);
});

test('request_permissions is offered with its feature, after request_user_input and before apply_patch', () => {
  assert.ok(!names({}, { request_permissions: true }).includes('request_permissions'));
  const offered = names({}, { request_permissions_tool: true, apply_patch_freeform: true });
  assert.deepEqual(offered.slice(offered.indexOf('request_user_input'), offered.indexOf('apply_patch') + 1), ['request_user_input', 'request_permissions', 'apply_patch']);
});

test('request_user_input says where it is available', () => {
  const description = (on: boolean) =>
    (toolSpecsFor({ traits: PLAIN, features: { ...DEFAULTS, default_mode_request_user_input: on }, sandboxPolicy: { type: 'dangerFullAccess' }, mcpTools: null, dynamicTools: [] }).find(
      (t) => toolName(t) === 'request_user_input',
    ) as { description: string }).description;
  assert.match(description(false), /Plan mode only/);
  assert.match(description(true), /Default and Plan modes/);
});

/** The reference's parameter schemas with descriptions replaced by "D": names, types, required and key order are facts. */
const SKELETONS: Record<string, unknown> = {
  exec_command: { type: 'object', properties: { cmd: { type: 'string', description: 'D' }, justification: { type: 'string', description: 'D' }, login: { type: 'boolean', description: 'D' }, max_output_tokens: { type: 'number', description: 'D' }, prefix_rule: { type: 'array', items: { type: 'string' }, description: 'D' }, sandbox_permissions: { type: 'string', description: 'D' }, shell: { type: 'string', description: 'D' }, tty: { type: 'boolean', description: 'D' }, workdir: { type: 'string', description: 'D' }, yield_time_ms: { type: 'number', description: 'D' } }, required: ['cmd'], additionalProperties: false },
  write_stdin: { type: 'object', properties: { chars: { type: 'string', description: 'D' }, max_output_tokens: { type: 'number', description: 'D' }, session_id: { type: 'number', description: 'D' }, yield_time_ms: { type: 'number', description: 'D' } }, required: ['session_id'], additionalProperties: false },
  shell: { type: 'object', properties: { command: { type: 'array', items: { type: 'string' }, description: 'D' }, justification: { type: 'string', description: 'D' }, prefix_rule: { type: 'array', items: { type: 'string' }, description: 'D' }, sandbox_permissions: { type: 'string', description: 'D' }, timeout_ms: { type: 'number', description: 'D' }, workdir: { type: 'string', description: 'D' } }, required: ['command'], additionalProperties: false },
  shell_command: { type: 'object', properties: { command: { type: 'string', description: 'D' }, justification: { type: 'string', description: 'D' }, login: { type: 'boolean', description: 'D' }, prefix_rule: { type: 'array', items: { type: 'string' }, description: 'D' }, sandbox_permissions: { type: 'string', description: 'D' }, timeout_ms: { type: 'number', description: 'D' }, workdir: { type: 'string', description: 'D' } }, required: ['command'], additionalProperties: false },
  update_plan: { type: 'object', properties: { explanation: { type: 'string' }, plan: { type: 'array', items: { type: 'object', properties: { status: { type: 'string', description: 'D' }, step: { type: 'string' } }, required: ['step', 'status'], additionalProperties: false }, description: 'D' } }, required: ['plan'], additionalProperties: false },
  request_user_input: { type: 'object', properties: { questions: { type: 'array', items: { type: 'object', properties: { header: { type: 'string', description: 'D' }, id: { type: 'string', description: 'D' }, options: { type: 'array', items: { type: 'object', properties: { description: { type: 'string', description: 'D' }, label: { type: 'string', description: 'D' } }, required: ['label', 'description'], additionalProperties: false }, description: 'D' }, question: { type: 'string', description: 'D' } }, required: ['id', 'header', 'question', 'options'], additionalProperties: false }, description: 'D' } }, required: ['questions'], additionalProperties: false },
  view_image: { type: 'object', properties: { path: { type: 'string', description: 'D' } }, required: ['path'], additionalProperties: false },
  list_mcp_resources: { type: 'object', properties: { cursor: { type: 'string', description: 'D' }, server: { type: 'string', description: 'D' } }, additionalProperties: false },
  list_mcp_resource_templates: { type: 'object', properties: { cursor: { type: 'string', description: 'D' }, server: { type: 'string', description: 'D' } }, additionalProperties: false },
  read_mcp_resource: { type: 'object', properties: { server: { type: 'string', description: 'D' }, uri: { type: 'string', description: 'D' } }, required: ['server', 'uri'], additionalProperties: false },
  request_permissions: { type: 'object', properties: { permissions: { type: 'object', properties: { file_system: { type: 'object', properties: { read: { type: 'array', items: { type: 'string' }, description: 'D' }, write: { type: 'array', items: { type: 'string' }, description: 'D' } }, additionalProperties: false }, macos: { type: 'object', properties: { accessibility: { type: 'boolean', description: 'D' }, automations: { type: 'array', items: { type: 'string' }, description: 'D' }, calendar: { type: 'boolean', description: 'D' }, preferences: { type: 'string', description: 'D' } }, additionalProperties: false }, network: { type: 'object', properties: { enabled: { type: 'boolean', description: 'D' } }, additionalProperties: false } }, additionalProperties: false }, reason: { type: 'string', description: 'D' } }, required: ['permissions'], additionalProperties: false },
};

const masked = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(masked)
    : typeof value === 'object' && value !== null
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'description' && typeof v === 'string' ? 'D' : masked(v)]))
      : value;

test("built-in tools take the reference's parameters, in its key order", () => {
  const offered = [
    ...toolSpecsFor({ traits: PLAIN, features: DEFAULTS, sandboxPolicy: { type: 'dangerFullAccess' }, mcpTools: [], dynamicTools: [] }),
    ...toolSpecsFor({ traits: PLAIN, features: { ...DEFAULTS, unified_exec: false }, sandboxPolicy: { type: 'dangerFullAccess' }, mcpTools: null, dynamicTools: [] }),
    ...toolSpecsFor({ traits: { ...PLAIN, shellType: 'shell_command' }, features: { ...DEFAULTS, unified_exec: false }, sandboxPolicy: { type: 'dangerFullAccess' }, mcpTools: null, dynamicTools: [] }),

    ...toolSpecsFor({ traits: PLAIN, features: { ...DEFAULTS, request_permissions_tool: true }, sandboxPolicy: { type: 'dangerFullAccess' }, mcpTools: null, dynamicTools: [] }),
  ];
  for (const [name, skeleton] of Object.entries(SKELETONS)) {
    const spec = offered.find((t) => toolName(t) === name);
    assert.ok(spec?.type === 'function', name);
    assert.equal(JSON.stringify(masked(spec.parameters)), JSON.stringify(skeleton), name);
  }
});

test('with request_permissions the command tools take additional_permissions, shaped like the request_permissions profile', () => {
  const profile = (SKELETONS.request_permissions as { properties: { permissions: unknown } }).properties.permissions;
  const withProfile = (name: string) => {
    const skeleton = SKELETONS[name] as { properties: Record<string, unknown> };
    return { ...skeleton, properties: { additional_permissions: profile, ...skeleton.properties } };
  };
  const commandTool = (name: string, on: boolean) => {
    const traits: ModelToolTraits = { ...PLAIN, shellType: name === 'shell_command' ? 'shell_command' : 'shell' };
    const features = { ...DEFAULTS, unified_exec: name === 'exec_command', request_permissions: on };
    const spec = toolSpecsFor({ traits, features, sandboxPolicy: { type: 'dangerFullAccess' }, mcpTools: null, dynamicTools: [] }).find((t) => toolName(t) === name);
    assert.ok(spec?.type === 'function', name);
    return spec;
  };
  for (const name of ['exec_command', 'shell', 'shell_command']) {
    assert.equal(JSON.stringify(masked(commandTool(name, true).parameters)), JSON.stringify(withProfile(name)), name);
    assert.equal(JSON.stringify(masked(commandTool(name, false).parameters)), JSON.stringify(SKELETONS[name]), name);
    const described = (on: boolean) => {
      const param = (commandTool(name, on).parameters as { properties: Record<string, JsonSchema> }).properties.sandbox_permissions;
      return param && 'description' in param ? (param.description ?? '') : '';
    };
    assert.match(described(true), /"with_additional_permissions"/);
    assert.doesNotMatch(described(false), /with_additional_permissions/);
  }
});

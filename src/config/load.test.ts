import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, configWarningParams } from './errors.ts';
import { loadConfig, loadStartupConfig, reloadConfig, type LoadOptions } from './load.ts';

function home(toml?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'weft-config-'));
  if (toml !== undefined) writeFileSync(join(dir, 'config.toml'), toml);
  return dir;
}

const options = (codexHome: string, more: Partial<LoadOptions> = {}): LoadOptions => ({
  codexHome,
  env: {},
  systemFile: join(codexHome, 'no-system-config.toml'),
  ...more,
});

const MOCK = `model = "mock-model"
model_provider = "mock"
approval_policy = "never"
[model_providers.mock]
name = "mock"
base_url = "http://127.0.0.1:9/v1"
wire_api = "responses"
request_max_retries = 0
`;

test('a missing file is an empty layer and defaults apply', async () => {
  const dir = home();
  const config = await loadConfig(options(dir));
  assert.equal(config.file, join(dir, 'config.toml'));
  assert.deepEqual(config.raw, {});
  assert.deepEqual(
    config.layers.map((l) => l.name.type),
    ['user', 'system'],
  );
  assert.equal(config.settings.modelProvider.id, 'openai');
  assert.equal(config.settings.model, undefined);
  assert.equal(config.settings.checkForUpdateOnStartup, true);
  assert.equal(config.settings.features.shell_tool, true);
});

test('layers: session flags over the user file over the system file', async () => {
  const dir = home(MOCK);
  writeFileSync(join(dir, 'system.toml'), 'model = "system"\nmodel_reasoning_effort = "low"\n');
  const config = await loadConfig(
    options(dir, { systemFile: join(dir, 'system.toml'), overrides: ['model="cli"'], enable: ['undo'], disable: ['shell_tool'] }),
  );
  assert.deepEqual(config.layers[0], {
    name: { type: 'sessionFlags' },
    config: { model: 'cli', features: { undo: true, shell_tool: false } },
    version: config.layers[0]!.version,
  });
  assert.deepEqual(config.layers.slice(1).map((l) => l.name), [
    { type: 'user', file: join(dir, 'config.toml') },
    { type: 'system', file: join(dir, 'system.toml') },
  ]);
  assert.equal(config.raw['model'], 'cli');
  assert.equal(config.settings.model, 'cli');
  assert.equal(config.settings.modelReasoningEffort, 'low');
  assert.equal(config.settings.modelProvider.baseUrl, 'http://127.0.0.1:9/v1');
  assert.equal(config.settings.modelProvider.requestMaxRetries, 0);
  assert.equal(config.settings.modelProvider.streamMaxRetries, 5);
  assert.equal(config.settings.features.undo, true);
  assert.equal(config.settings.features.shell_tool, false);
});

// Observed on the reference: -c applies to the top level, and the profile is resolved afterwards.
test("the active profile's keys win, even over -c top-level keys", async () => {
  const dir = home(`profile = "p"\n${MOCK}[profiles.p]\nmodel = "profile-model"\napproval_policy = "on-request"\n[profiles.q]\nmodel = "q-model"\n`);
  const p = await loadConfig(options(dir, { overrides: ['model=cli'] }));
  assert.equal(p.settings.model, 'profile-model');
  assert.equal(p.settings.approvalPolicy, 'on-request');
  const q = await loadConfig(options(dir, { overrides: ['profile=q'] }));
  assert.equal(q.settings.model, 'q-model');
  assert.equal(q.settings.approvalPolicy, 'never');
  await assert.rejects(loadConfig(options(dir, { overrides: ['profile=nope'] })), {
    message: '-c/--config: config profile `nope` not found (in `profile`)',
  });
});

test('a TOML syntax error names file, line and column', async () => {
  const dir = home('model = "o3"\nfoo = \n');
  await assert.rejects(loadConfig(options(dir)), (err: ConfigError) => {
    assert.equal(err.file, join(dir, 'config.toml'));
    assert.equal(err.line, 2);
    assert.equal(err.column, 7);
    assert.equal(err.message, `${join(dir, 'config.toml')}:2:7: invalid value`);
    return true;
  });
});

test('a wrongly typed key names file, position, key and what was expected', async () => {
  const dir = home('model = "o3"\napproval_policy = 5\n');
  await assert.rejects(loadConfig(options(dir)), {
    message: `${join(dir, 'config.toml')}:2:19: wanted string or table (in \`approval_policy\`)`,
  });
  const nested = home('[model_providers.mock]\nname = "m"\nbase_url = 3\n');
  await assert.rejects(loadConfig(options(nested)), (err: ConfigError) => {
    assert.deepEqual([err.line, err.column, err.key], [3, 12, 'model_providers.mock.base_url']);
    return true;
  });
});

test('a wrongly typed -c value is blamed on the command line', async () => {
  const dir = home(MOCK);
  await assert.rejects(loadConfig(options(dir, { overrides: ['model_providers.mock.request_max_retries="x"'] })), (err: ConfigError) => {
    assert.equal(err.file, undefined);
    assert.equal(err.message, '-c/--config: invalid type: string "x", expected u64 (in `model_providers.mock.request_max_retries`)');
    return true;
  });
});

test('an unknown model provider is an error at the key that names it', async () => {
  const dir = home('model_provider = "nope"\n');
  await assert.rejects(loadConfig(options(dir)), { message: `${join(dir, 'config.toml')}:1:18: Model provider \`nope\` not found (in \`model_provider\`)` });
});

test('built-in provider ids cannot be redefined', async () => {
  const dir = home('[model_providers.openai]\nname = "mine"\nbase_url = "http://x"\n');
  const config = await loadConfig(options(dir, { env: { OPENAI_BASE_URL: 'http://proxy/v1' } }));
  assert.equal(config.settings.modelProviders['openai']!.name, 'OpenAI');
  assert.equal(config.settings.modelProviders['openai']!.baseUrl, 'http://proxy/v1');
});

test('start-up falls back to defaults plus -c when the file is unusable, as the reference does', async () => {
  const dir = home('model = "o3"\napproval_policy = 5\n');
  const config = await loadStartupConfig(options(dir, { overrides: ['model=cli'] }));
  assert.equal(config.settings.model, 'cli');
  assert.equal(config.settings.approvalPolicy, undefined);
  assert.deepEqual(config.layers.map((l) => l.name.type), ['sessionFlags']);
  assert.ok(config.startupError);
  assert.deepEqual(configWarningParams(config.startupError), {
    summary: 'Invalid configuration; using defaults.',
    details: `${join(dir, 'config.toml')}:2:19: wanted string or table`,
    path: join(dir, 'config.toml'),
    range: { start: { line: 2, column: 19 }, end: { line: 2, column: 19 } },
  });
});

test('start-up still fails when the command line itself is wrong', async () => {
  const dir = home('approval_policy = 5\n');
  await assert.rejects(loadStartupConfig(options(dir, { overrides: ['approval_policy=5'] })), /-c\/--config: wanted string or table/);
  await assert.rejects(loadStartupConfig(options(dir, { enable: ['bogus'] })), /Unknown feature flag: bogus/);
  await assert.rejects(loadStartupConfig(options(dir, { overrides: ['model'] })), /missing '='/);
});

test('MCP servers and policies come out typed with defaults', async () => {
  const dir = home(`[mcp_servers.echo]
command = "node"
args = ["echo.mjs"]
startup_timeout_sec = 20
[mcp_servers.web]
url = "http://h/mcp"
enabled = false
[shell_environment_policy]
inherit = "core"
`);
  const { settings } = await loadConfig(options(dir));
  assert.deepEqual(settings.mcpServers['echo']!.transport, {
    type: 'stdio',
    command: 'node',
    args: ['echo.mjs'],
    env: undefined,
    envVars: [],
    cwd: undefined,
  });
  assert.equal(settings.mcpServers['echo']!.startupTimeoutMs, 20_000);
  assert.equal(settings.mcpServers['web']!.enabled, false);
  assert.equal(settings.mcpServers['web']!.transport.type, 'streamableHttp');
  assert.deepEqual(settings.shellEnvironmentPolicy, {
    inherit: 'core',
    ignoreDefaultExcludes: true,
    exclude: [],
    set: {},
    includeOnly: [],
    useProfile: false,
  });
  assert.deepEqual(settings.sandboxWorkspaceWrite, {
    writableRoots: [],
    networkAccess: false,
    excludeTmpdirEnvVar: false,
    excludeSlashTmp: false,
  });
});

test('a reload reads the file as it is now and keeps the command-line overrides', async () => {
  const dir = home('[features]\nundo = false\n');
  const config = await loadConfig(options(dir, { overrides: ['features.memories=true'], disable: ['shell_tool'] }));
  writeFileSync(join(dir, 'config.toml'), '[features]\nundo = true\n');
  const reloaded = reloadConfig(config);
  assert.equal(config.settings.features.undo, false);
  assert.equal(reloaded.settings.features.undo, true);
  assert.equal(reloaded.settings.features.memories, true);
  assert.equal(reloaded.settings.features.shell_tool, false);
  writeFileSync(join(dir, 'config.toml'), 'profile = "nope"\n');
  assert.throws(() => reloadConfig(config), (err) => err instanceof ConfigError && err.detail === 'config profile `nope` not found');
});

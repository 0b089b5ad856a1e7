import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { configToml, type ConfigToml, type TomlTable } from '../../config/index.ts';
import { resolveSettings } from '../../config/settings.ts';
import type { ResponseItem } from '../../model/index.ts';
import type { CollaborationMode, SandboxPolicy, UserInput } from '../../protocol/index.ts';
import { toolName, type ToolSpec } from '../../tools/specs/index.ts';
import { modeContext } from './collaboration-mode.ts';
import { buildRequest, initialContextItems, loadUserInstructions, settingsUpdateItems, userInputItems, type TurnContext } from './index.ts';

/**
 * Every shared conformance scenario's first model request, built the way the engine builds it
 * (initial context from the thread/start settings, the update to the first turn's settings, the
 * input), compared with the golden in what the runner compares: model, stream, tool names, and
 * the input's types and roles.
 */
const shared = new URL('../../../../shared/conformance/', import.meta.url).pathname;

interface Step {
  send?: { method: string; params: Record<string, unknown> };
}
interface Scenario {
  config?: TomlTable;
  files?: Record<string, string>;
  steps: Step[];
}

const BASE_CONFIG = {
  model: 'mock-model',
  model_provider: 'mock',
  approval_policy: 'never',
  sandbox_mode: 'danger-full-access',
  check_for_update_on_startup: false,
  features: { remote_models: false },
  model_providers: { mock: { name: 'mock', base_url: 'http://127.0.0.1:1/v1', wire_api: 'responses', request_max_retries: 0, stream_max_retries: 0 } },
};

function merge(base: TomlTable, over: TomlTable): TomlTable {
  const out: TomlTable = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = typeof v === 'object' && !Array.isArray(v) && typeof b === 'object' && !Array.isArray(b) ? merge(b as TomlTable, v as TomlTable) : v;
  }
  return out;
}

const SANDBOX: Record<string, SandboxPolicy> = {
  'danger-full-access': { type: 'dangerFullAccess' },
  'read-only': { type: 'readOnly' },
  'workspace-write': { type: 'workspaceWrite' },
};

/** The fixture MCP server's one tool, as the MCP client would list it for each enabled server. */
const ECHO_SCHEMA = { type: 'object', properties: { text: { type: 'string', description: 'text to send back' } }, required: ['text'] };

async function firstRequest(scenario: Scenario, cwd: string, codexHome: string) {
  const raw = merge(BASE_CONFIG as TomlTable, scenario.config ?? {});
  assert.equal(configToml.check(raw, []), undefined);
  const { settings } = resolveSettings(raw as ConfigToml, {});
  const params = (method: string) => scenario.steps.find((s) => s.send?.method === method)!.send!.params;
  const threadParams = params('thread/start');
  const turnParams = params('turn/start');
  const servers = Object.values(settings.mcpServers).filter((s) => s.enabled);
  const thread: TurnContext = {
    model: settings.model!,
    provider: settings.modelProvider,
    cwd,
    approvalPolicy: settings.approvalPolicy!,
    sandboxPolicy: SANDBOX[settings.sandboxMode!]!,
    effort: settings.modelReasoningEffort ?? null,
    summary: settings.modelReasoningSummary ?? null,
    verbosity: settings.modelVerbosity ?? null,
    serviceTier: null,
    baseInstructions: null,
    developerInstructions: settings.developerInstructions ?? null,
    userInstructions: await loadUserInstructions(cwd, codexHome),
    skills: [],
    personality: null,
    collaborationMode: 'default',
    collaborationInstructions: null,
    outputSchema: null,
    features: settings.features,
    shellEnvironmentPolicy: settings.shellEnvironmentPolicy,
    webSearch: settings.webSearch,
    dynamicTools: (threadParams.dynamicTools as TurnContext['dynamicTools']) ?? [],
    mcpTools: servers.length ? servers.map((s) => ({ name: `mcp__${s.name}__echo`, inputSchema: ECHO_SCHEMA })) : null,
    shell: { name: 'bash', path: '/bin/bash' },
  };
  const mode = (turnParams.collaborationMode as CollaborationMode | undefined) ?? null;
  const turn: TurnContext = { ...thread, ...modeContext(mode, settings.features.default_mode_request_user_input) };
  const history: ResponseItem[] = [
    ...initialContextItems(thread),
    ...settingsUpdateItems(thread, turn, { announceModel: false }),
    ...(await userInputItems(turnParams.input as UserInput[], { cwd })),
  ];
  return buildRequest(turn, history, { promptCacheKey: 'thread' });
}

const reduced = (item: ResponseItem) => ({ type: item.type, ...('role' in item ? { role: item.role } : {}) });

test('the first model request of every conformance scenario has the golden shape', { skip: !existsSync(shared) && 'no ../shared/conformance' }, async (t) => {
  for (const file of readdirSync(join(shared, 'golden')).sort()) {
    const golden = JSON.parse(readFileSync(join(shared, 'golden', file), 'utf8'));
    const expected = golden.model_requests?.find((r: { path: string }) => r.path === '/v1/responses');
    if (!expected) continue;
    await t.test(file, async () => {
      const scenario: Scenario = JSON.parse(readFileSync(join(shared, 'scenarios', file), 'utf8'));
      const root = mkdtempSync(join(tmpdir(), 'weft-prompt-'));
      try {
        const cwd = join(root, 'work');
        const codexHome = join(root, 'codex-home');
        for (const [rel, content] of Object.entries(scenario.files ?? {})) {
          mkdirSync(dirname(join(cwd, rel)), { recursive: true });
          writeFileSync(join(cwd, rel), content);
        }
        mkdirSync(codexHome, { recursive: true });
        const request = await firstRequest(scenario, cwd, codexHome);
        assert.deepEqual(
          { model: request.model, stream: true, tools: (request.tools as ToolSpec[]).map(toolName), input: request.input.map(reduced) },
          { model: expected.model, stream: expected.stream, tools: expected.tools, input: expected.input },
        );
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});

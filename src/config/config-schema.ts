import { bool, enumOf, enumShapeIssue, f64, FROM_TEXT, i64, invalidType, map, seq, str, struct, u64, usize, variantList } from './schema.ts';
import type { CheckMode, Infer, Issue, Schema } from './schema.ts';
import { isAbsolute } from 'node:path';
import type { KeyPath } from './tree.ts';

/**
 * The keys of config.toml that Weft reads, with the reference's names, types and enum values
 * (ConfigReadResponse's `Config` and codex-rs/core/src/config at 0.113.0). Other keys pass
 * through untouched.
 */

export const reasoningEffort = enumOf(['none', 'minimal', 'low', 'medium', 'high', 'xhigh']);
export const reasoningSummary = enumOf(['auto', 'concise', 'detailed', 'none']);
export const verbosity = enumOf(['low', 'medium', 'high']);
export const sandboxMode = enumOf(['read-only', 'workspace-write', 'danger-full-access']);
export const webSearchMode = enumOf(['disabled', 'cached', 'live']);
export const serviceTier = enumOf(['fast', 'flex']);

/**
 * A path the reference resolves against the directory of the file that sets it. Checked as data (a
 * write, config/read), a relative path has no such directory and is refused, as there.
 */
export const pathString: Schema<string> = {
  expected: 'path string',
  check(value, path, mode = FROM_TEXT) {
    if (typeof value !== 'string') return invalidType(value, 'path string', path);
    if (mode.fromValue && !isAbsolute(value)) return { path, detail: 'AbsolutePathBuf deserialized without a base path' };
    return undefined;
  },
};

const rejectConfig = struct(
  'RejectConfig',
  { sandbox_approval: bool, rules: bool, mcp_elicitations: bool },
  { required: ['sandbox_approval', 'rules', 'mcp_elicitations'] },
);
const APPROVAL_MODES = ['untrusted', 'on-failure', 'on-request', 'never'] as const;
export type AskForApproval = (typeof APPROVAL_MODES)[number] | { reject: Infer<typeof rejectConfig> };

/** A plain mode, or `{ reject = { … } }` which auto-rejects the chosen kinds of prompt. */
const APPROVAL_EXPECTED = variantList(['untrusted', 'on-failure', 'on-request', 'reject', 'never']);
const APPROVAL_VARIANTS = ['untrusted', 'on-failure', 'on-request', 'reject', 'never'];
export const approvalPolicy: Schema<AskForApproval> = {
  expected: APPROVAL_EXPECTED,
  check(value, path, mode = FROM_TEXT) {
    if (typeof value === 'string') {
      if ((APPROVAL_MODES as readonly string[]).includes(value)) return undefined;
      if (value === 'reject') return { path, detail: `invalid type: unit variant, expected ${mode.fromValue ? 'newtype' : 'struct'} variant` };
      return { path, detail: `unknown variant \`${value}\`, expected ${APPROVAL_EXPECTED}` };
    }
    const isTable = typeof value === 'object' && value !== null && !Array.isArray(value);
    const keys = isTable ? Object.keys(value) : [];
    if (!isTable || keys.length !== 1 || keys[0] !== 'reject') return enumShapeIssue(value, APPROVAL_VARIANTS, path, mode);
    // Checked as data, a problem inside `reject` is reported at the policy itself.
    return rejectConfig.check((value as Record<string, unknown>)['reject'], mode.fromValue ? path : [...path, 'reject'], mode);
  },
};

const WIRE_API_CHAT =
  '`wire_api = "chat"` is no longer supported.\nHow to fix: set `wire_api = "responses"` in your provider config.\nMore info: https://github.com/openai/codex/discussions/7782';

/** Only the Responses API is spoken; "chat" was removed upstream and gets a pointed message. */
const wireApi: Schema<'responses'> = {
  expected: '`responses`',
  check(value, path) {
    if (value === 'responses') return undefined;
    if (value === 'chat') return { path, detail: WIRE_API_CHAT };
    if (typeof value !== 'string') return invalidType(value, '`responses`', path);
    return { path, detail: `unknown variant \`${value}\`, expected \`responses\`` };
  },
};

export const modelProviderToml = struct(
  'ModelProviderInfo',
  {
    name: str,
    base_url: str,
    env_key: str,
    env_key_instructions: str,
    experimental_bearer_token: str,
    wire_api: wireApi,
    query_params: map(str),
    http_headers: map(str),
    env_http_headers: map(str),
    request_max_retries: u64,
    stream_max_retries: u64,
    stream_idle_timeout_ms: u64,
    requires_openai_auth: bool,
  },
  { required: ['name'] },
);

const mcpServerFields = {
  command: str,
  args: seq(str),
  env: map(str),
  env_vars: seq(str),
  cwd: str,
  url: str,
  bearer_token: str,
  bearer_token_env_var: str,
  http_headers: map(str),
  env_http_headers: map(str),
  startup_timeout_sec: f64,
  startup_timeout_ms: u64,
  tool_timeout_sec: f64,
  enabled: bool,
  required: bool,
  enabled_tools: seq(str),
  disabled_tools: seq(str),
  scopes: seq(str),
  oauth_resource: str,
};
type McpServerShape = { [K in keyof typeof mcpServerFields]?: Infer<(typeof mcpServerFields)[K]> };

export const mcpServerToml = struct('McpServerConfig', mcpServerFields, { refine: checkMcpTransport });

// The transport is chosen by `command` (stdio) or `url` (streamable HTTP); fields of the other
// transport are refused rather than silently ignored.
function checkMcpTransport(server: McpServerShape, path: KeyPath, mode: CheckMode): Issue | undefined {
  const misplaced = (transport: string, fields: readonly string[]) => {
    const field = fields.find((f) => Object.hasOwn(server, f));
    return field ? { path, detail: `${field} is not supported for ${transport}` } : undefined;
  };
  for (const key of ['startup_timeout_sec', 'tool_timeout_sec'] as const) {
    const secs = server[key];
    if (secs !== undefined && !(secs >= 0 && Number.isFinite(secs))) {
      if (mode.fromValue) return { path, detail: 'cannot convert float seconds to Duration: value is negative' };
      return { path: [...path, key], detail: `invalid duration: ${secs} seconds` };
    }
  }
  if (server.command !== undefined) {
    return misplaced('stdio', ['url', 'bearer_token_env_var', 'bearer_token', 'http_headers', 'env_http_headers', 'oauth_resource']);
  }
  if (server.url !== undefined) return misplaced('streamable_http', ['args', 'env', 'env_vars', 'cwd', 'bearer_token']);
  return { path, detail: 'invalid transport' };
}

export const sandboxWorkspaceWriteToml = struct('SandboxWorkspaceWrite', {
  writable_roots: seq(pathString),
  network_access: bool,
  exclude_tmpdir_env_var: bool,
  exclude_slash_tmp: bool,
});

export const shellEnvironmentPolicyToml = struct('ShellEnvironmentPolicyToml', {
  inherit: enumOf(['core', 'all', 'none']),
  ignore_default_excludes: bool,
  exclude: seq(str),
  set: map(str),
  include_only: seq(str),
  experimental_use_profile: bool,
});

const toolsToml = struct('ToolsToml', {
  view_image: bool,
  web_search: struct('WebSearchToolConfig', {
    context_size: enumOf(['low', 'medium', 'high']),
    allowed_domains: seq(str),
    location: struct('WebSearchLocation', { country: str, region: str, city: str, timezone: str }),
  }),
});

const analyticsToml = struct('AnalyticsConfigToml', { enabled: bool });

/** Paths a profile may set as well as the top level. */
const PATH_KEYS = {
  model_instructions_file: pathString,
  experimental_compact_prompt_file: pathString,
  js_repl_node_path: pathString,
  js_repl_node_module_dirs: seq(pathString),
  zsh_path: pathString,
  model_catalog_json: pathString,
};

/** Keys a profile may set; the selected profile's values win over the top level's. */
export const profileToml = struct('ConfigProfile', {
  model: str,
  model_provider: str,
  approval_policy: approvalPolicy,
  sandbox_mode: sandboxMode,
  model_reasoning_effort: reasoningEffort,
  model_reasoning_summary: reasoningSummary,
  model_verbosity: verbosity,
  service_tier: serviceTier,
  web_search: webSearchMode,
  chatgpt_base_url: str,
  oss_provider: str,
  tools: toolsToml,
  tools_web_search: bool,
  tools_view_image: bool,
  analytics: analyticsToml,
  features: map(bool, { flattened: 'FeaturesToml' }),
  include_apply_patch_tool: bool,
  experimental_use_freeform_apply_patch: bool,
  experimental_use_unified_exec_tool: bool,
  ...PATH_KEYS,
});

export const configToml = struct('ConfigToml', {
  model: str,
  review_model: str,
  model_provider: str,
  model_providers: map(modelProviderToml),
  model_context_window: i64,
  model_auto_compact_token_limit: i64,
  tool_output_token_limit: usize,
  model_reasoning_effort: reasoningEffort,
  model_reasoning_summary: reasoningSummary,
  model_verbosity: verbosity,
  service_tier: serviceTier,
  web_search: webSearchMode,
  approval_policy: approvalPolicy,
  sandbox_mode: sandboxMode,
  sandbox_workspace_write: sandboxWorkspaceWriteToml,
  shell_environment_policy: shellEnvironmentPolicyToml,
  mcp_servers: map(mcpServerToml),
  profile: str,
  profiles: map(profileToml),
  features: map(bool, { flattened: 'FeaturesToml' }),
  instructions: str,
  developer_instructions: str,
  compact_prompt: str,
  forced_chatgpt_workspace_id: str,
  forced_login_method: enumOf(['chatgpt', 'api']),
  chatgpt_base_url: str,
  plugins: map(struct('PluginConfig', { enabled: bool })),
  check_for_update_on_startup: bool,
  analytics: analyticsToml,
  tools: toolsToml,
  experimental_use_freeform_apply_patch: bool,
  experimental_use_unified_exec_tool: bool,
  ...PATH_KEYS,
  experimental_instructions_file: pathString,
  log_dir: pathString,
  sqlite_home: pathString,
  skills: struct('SkillsConfig', { config: seq(struct('SkillConfig', { path: pathString, name: str, enabled: bool })) }),
  projects: map(struct('ProjectConfig', { trust_level: enumOf(['trusted', 'untrusted']) })),
  project_root_markers: seq(str),
  personality: enumOf(['none', 'friendly', 'pragmatic']),
  notify: seq(str),
  history: struct('History', { persistence: enumOf(['save-all', 'none']), max_bytes: usize }),
  file_opener: enumOf(['vscode', 'vscode-insiders', 'windsurf', 'cursor', 'none']),
  apps: map(
    struct('AppConfig', {
      enabled: bool,
      destructive_enabled: bool,
      open_world_enabled: bool,
      default_tools_enabled: bool,
      default_tools_approval_mode: enumOf(['auto', 'prompt', 'approve']),
    }),
    { flattened: 'AppsConfig' },
  ),
});

export type ConfigToml = Infer<typeof configToml>;
export type ProfileToml = Infer<typeof profileToml>;
export type ModelProviderToml = Infer<typeof modelProviderToml>;
export type McpServerToml = Infer<typeof mcpServerToml>;

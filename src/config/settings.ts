import type {
  AskForApproval,
  ConfigToml,
  McpServerToml,
  ProfileToml,
  reasoningEffort,
  reasoningSummary,
  sandboxMode,
  serviceTier,
  verbosity,
  webSearchMode,
} from './config-schema.ts';
import { resolveFeatures, type FeatureStates } from './features.ts';
import { builtInModelProviders, modelProviderFromToml, type ModelProvider } from './providers.ts';
import type { Infer } from './schema.ts';

export type ReasoningEffort = Infer<typeof reasoningEffort>;
export type ReasoningSummary = Infer<typeof reasoningSummary>;
export type Verbosity = Infer<typeof verbosity>;
export type SandboxMode = Infer<typeof sandboxMode>;
export type ServiceTier = Infer<typeof serviceTier>;
export type WebSearchMode = Infer<typeof webSearchMode>;
/** `[tools.web_search]`: options of the provider's search tool. */
export type WebSearchOptions = NonNullable<NonNullable<ConfigToml['tools']>['web_search']>;

export type McpTransport =
  | { type: 'stdio'; command: string; args: string[]; env?: Record<string, string>; envVars: string[]; cwd?: string }
  | {
      type: 'streamableHttp';
      url: string;
      bearerTokenEnvVar?: string;
      httpHeaders?: Record<string, string>;
      envHttpHeaders?: Record<string, string>;
    };

export interface McpServer {
  name: string;
  transport: McpTransport;
  enabled: boolean;
  required: boolean;
  /** Unset means the MCP client's default. */
  startupTimeoutMs?: number;
  toolTimeoutMs?: number;
  enabledTools?: string[];
  disabledTools?: string[];
  scopes?: string[];
  oauthResource?: string;
}

/**
 * The configuration as the server uses it: the active profile applied over the top level,
 * defaults filled where the reference has fixed ones. Settings whose default depends on context
 * (approval policy and sandbox mode follow the project's trust; the model follows the provider's
 * catalogue) stay undefined when not configured.
 */
export interface Settings {
  profile?: string;
  model?: string;
  reviewModel?: string;
  modelProvider: ModelProvider;
  /** Built-in and configured providers by id. */
  modelProviders: Readonly<Record<string, ModelProvider>>;
  modelContextWindow?: number;
  modelAutoCompactTokenLimit?: number;
  /** Replaces the model's budget for tool outputs kept in its history, in tokens. */
  toolOutputTokenLimit?: number;
  modelReasoningEffort?: ReasoningEffort;
  modelReasoningSummary?: ReasoningSummary;
  modelVerbosity?: Verbosity;
  serviceTier?: ServiceTier;
  webSearch?: WebSearchMode;
  /** The profile's `tools.web_search` over the top level's, field by field. */
  webSearchOptions?: WebSearchOptions;
  approvalPolicy?: AskForApproval;
  sandboxMode?: SandboxMode;
  /** Relative `writableRoots` are kept as written. */
  sandboxWorkspaceWrite: { writableRoots: string[]; networkAccess: boolean; excludeTmpdirEnvVar: boolean; excludeSlashTmp: boolean };
  shellEnvironmentPolicy: {
    inherit: 'core' | 'all' | 'none';
    ignoreDefaultExcludes: boolean;
    exclude: string[];
    set: Record<string, string>;
    includeOnly: string[];
    useProfile: boolean;
  };
  mcpServers: Readonly<Record<string, McpServer>>;
  /** `[plugins."<name>@<marketplace>"]`: whether each configured plugin is enabled. */
  plugins: Readonly<Record<string, { enabled: boolean }>>;
  features: FeatureStates;
  /** Where ChatGPT's backend (usage, apps) is; unset means the reference's default. */
  chatgptBaseUrl?: string;
  instructions?: string;
  developerInstructions?: string;
  compactPrompt?: string;
  checkForUpdateOnStartup: boolean;
}

/** A setting that names something that does not exist; `key` is where it was set. */
export class UnresolvedReference extends Error {
  constructor(
    message: string,
    readonly key: string[],
  ) {
    super(message);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function resolveSettings(toml: ConfigToml, env: Env): { settings: Settings; warnings: string[] } {
  const profileName = toml.profile;
  const profiles = toml.profiles ?? {};
  if (profileName !== undefined && !Object.hasOwn(profiles, profileName)) {
    throw new UnresolvedReference(`config profile \`${profileName}\` not found`, ['profile']);
  }
  const profile: ProfileToml = profileName !== undefined ? profiles[profileName]! : {};
  const pick = <K extends keyof ProfileToml & keyof ConfigToml>(key: K) => profile[key] ?? toml[key];

  const modelProviders = builtInModelProviders(env);
  for (const [id, provider] of Object.entries(toml.model_providers ?? {})) {
    if (!Object.hasOwn(modelProviders, id)) modelProviders[id] = modelProviderFromToml(id, provider);
  }
  const providerId = pick('model_provider') ?? 'openai';
  const modelProvider = Object.hasOwn(modelProviders, providerId) ? modelProviders[providerId] : undefined;
  if (!modelProvider) {
    const key = profile.model_provider !== undefined ? ['profiles', profileName!, 'model_provider'] : ['model_provider'];
    throw new UnresolvedReference(`Model provider \`${providerId}\` not found`, key);
  }

  const { states: features, warnings } = resolveFeatures(toml, profile);
  const sww = toml.sandbox_workspace_write ?? {};
  const sep = toml.shell_environment_policy ?? {};
  const settings: Settings = {
    profile: profileName,
    model: pick('model'),
    reviewModel: toml.review_model,
    modelProvider,
    modelProviders,
    modelContextWindow: toml.model_context_window,
    modelAutoCompactTokenLimit: toml.model_auto_compact_token_limit,
    toolOutputTokenLimit: toml.tool_output_token_limit,
    modelReasoningEffort: pick('model_reasoning_effort'),
    modelReasoningSummary: pick('model_reasoning_summary'),
    modelVerbosity: pick('model_verbosity'),
    serviceTier: pick('service_tier'),
    webSearch: pick('web_search'),
    webSearchOptions: webSearchOptions(toml.tools?.web_search, profile.tools?.web_search),
    approvalPolicy: pick('approval_policy'),
    sandboxMode: pick('sandbox_mode'),
    sandboxWorkspaceWrite: {
      writableRoots: sww.writable_roots ?? [],
      networkAccess: sww.network_access ?? false,
      excludeTmpdirEnvVar: sww.exclude_tmpdir_env_var ?? false,
      excludeSlashTmp: sww.exclude_slash_tmp ?? false,
    },
    shellEnvironmentPolicy: {
      inherit: sep.inherit ?? 'all',
      ignoreDefaultExcludes: sep.ignore_default_excludes ?? true,
      exclude: sep.exclude ?? [],
      set: sep.set ?? {},
      includeOnly: sep.include_only ?? [],
      useProfile: sep.experimental_use_profile ?? false,
    },
    mcpServers: Object.fromEntries(Object.entries(toml.mcp_servers ?? {}).map(([name, s]) => [name, mcpServer(name, s)])),
    plugins: Object.fromEntries(Object.entries(toml.plugins ?? {}).map(([id, p]) => [id, { enabled: p.enabled ?? true }])),
    features,
    chatgptBaseUrl: pick('chatgpt_base_url'),
    instructions: toml.instructions,
    developerInstructions: toml.developer_instructions,
    compactPrompt: toml.compact_prompt,
    checkForUpdateOnStartup: toml.check_for_update_on_startup ?? true,
  };
  return { settings, warnings };
}

function webSearchOptions(base: WebSearchOptions | undefined, profile: WebSearchOptions | undefined): WebSearchOptions | undefined {
  if (!base || !profile) return profile ?? base;
  const location = base.location && profile.location ? { ...base.location, ...profile.location } : (profile.location ?? base.location);
  return { ...base, ...profile, ...(location ? { location } : {}) };
}

function mcpServer(name: string, s: McpServerToml): McpServer {
  // The schema guarantees one of `command` / `url`.
  const transport: McpTransport =
    s.command !== undefined
      ? { type: 'stdio', command: s.command, args: s.args ?? [], env: s.env, envVars: s.env_vars ?? [], cwd: s.cwd }
      : {
          type: 'streamableHttp',
          url: s.url!,
          bearerTokenEnvVar: s.bearer_token_env_var,
          httpHeaders: s.http_headers,
          envHttpHeaders: s.env_http_headers,
        };
  return {
    name,
    transport,
    enabled: s.enabled ?? true,
    required: s.required ?? false,
    // Seconds win over the older millisecond spelling when both are given.
    startupTimeoutMs: s.startup_timeout_sec !== undefined ? s.startup_timeout_sec * 1000 : s.startup_timeout_ms,
    toolTimeoutMs: s.tool_timeout_sec !== undefined ? s.tool_timeout_sec * 1000 : undefined,
    enabledTools: s.enabled_tools,
    disabledTools: s.disabled_tools,
    scopes: s.scopes,
    oauthResource: s.oauth_resource,
  };
}

/**
 * The feature flags of codex-cli 0.113.0 as its app-server reports them on Linux
 * (`experimentalFeature/list`, recorded in conformance/golden/lists.json): wire data, in the
 * reference's order. A few defaults and stages differ on Windows and macOS upstream; Weft
 * reports the Linux answer everywhere.
 */
export type FeatureStage = 'beta' | 'underDevelopment' | 'stable' | 'deprecated' | 'removed';

const TABLE = [
  ['undo', 'stable', false],
  ['shell_tool', 'stable', true],
  ['unified_exec', 'stable', true],
  ['shell_zsh_fork', 'underDevelopment', false],
  ['shell_snapshot', 'stable', true],
  ['js_repl', 'beta', false],
  ['js_repl_tools_only', 'underDevelopment', false],
  ['web_search_request', 'deprecated', false],
  ['web_search_cached', 'deprecated', false],
  ['search_tool', 'removed', false],
  ['codex_git_commit', 'underDevelopment', false],
  ['runtime_metrics', 'underDevelopment', false],
  ['sqlite', 'removed', true],
  ['memories', 'underDevelopment', false],
  ['child_agents_md', 'underDevelopment', false],
  ['image_detail_original', 'underDevelopment', false],
  ['apply_patch_freeform', 'underDevelopment', false],
  ['request_permissions', 'underDevelopment', false],
  ['request_permissions_tool', 'underDevelopment', false],
  ['use_linux_sandbox_bwrap', 'beta', false],
  ['request_rule', 'removed', false],
  ['experimental_windows_sandbox', 'removed', false],
  ['elevated_windows_sandbox', 'removed', false],
  ['remote_models', 'removed', false],
  ['powershell_utf8', 'underDevelopment', false],
  ['enable_request_compression', 'stable', true],
  ['multi_agent', 'beta', false],
  ['apps', 'beta', false],
  ['plugins', 'underDevelopment', false],
  ['image_generation', 'underDevelopment', false],
  ['apps_mcp_gateway', 'underDevelopment', false],
  ['skill_mcp_dependency_install', 'stable', true],
  ['skill_env_var_dependency_prompt', 'underDevelopment', false],
  ['steer', 'removed', true],
  ['default_mode_request_user_input', 'underDevelopment', false],
  ['guardian_approval', 'beta', false],
  ['collaboration_modes', 'removed', true],
  ['tool_call_mcp_elicitation', 'underDevelopment', false],
  ['personality', 'stable', true],
  ['artifact', 'underDevelopment', false],
  ['fast_mode', 'stable', true],
  ['voice_transcription', 'underDevelopment', false],
  ['realtime_conversation', 'underDevelopment', false],
  ['prevent_idle_sleep', 'beta', false],
  ['responses_websockets', 'underDevelopment', false],
  ['responses_websockets_v2', 'underDevelopment', false],
] as const satisfies readonly (readonly [string, FeatureStage, boolean])[];

export type FeatureName = (typeof TABLE)[number][0];

/** What clients show for beta features; the reference reports null for every other stage. */
export interface FeatureCopy {
  displayName: string;
  description: string;
  announcement: string;
}

const COPY: Partial<Record<FeatureName, FeatureCopy>> = {
  js_repl: {
    displayName: 'JavaScript REPL',
    description:
      'Enable a persistent Node-backed JavaScript REPL for interactive website debugging and other inline JavaScript execution capabilities. Requires Node >= v22.22.0 installed.',
    announcement:
      'NEW: JavaScript REPL is now available in /experimental. Enable it, then start a new chat or restart Codex to use it.',
  },
  use_linux_sandbox_bwrap: {
    displayName: 'Bubblewrap sandbox',
    description: 'Try the new linux sandbox based on bubblewrap.',
    announcement:
      'NEW: Linux bubblewrap sandbox offers stronger filesystem and network controls than Landlock alone, including keeping .git and .codex read-only inside writable workspaces. Enable it in /experimental and restart Codex to try it.',
  },
  multi_agent: {
    displayName: 'Multi-agents',
    description: 'Ask Codex to spawn multiple agents to parallelize the work and win in efficiency.',
    announcement: 'NEW: Multi-agents can now be spawned by Codex. Enable in /experimental and restart Codex!',
  },
  apps: {
    displayName: 'Apps',
    description: 'Use a connected ChatGPT App using "$". Install Apps via /apps command. Restart Codex after enabling.',
    announcement: 'NEW: Use ChatGPT Apps (Connectors) in Codex via $ mentions. Enable in /experimental and restart Codex!',
  },
  guardian_approval: {
    displayName: 'Automatic approval review',
    description:
      'Dispatch `on-request` approval prompts (for e.g. sandbox escapes or blocked network access) to a carefully-prompted security reviewer subagent rather than blocking the agent on your input.',
    // The reference sends an empty string here, not null.
    announcement: '',
  },
  prevent_idle_sleep: {
    displayName: 'Prevent sleep while running',
    description: 'Keep your computer awake while Codex is running a thread.',
    announcement: 'NEW: Prevent sleep while running is now available in /experimental.',
  },
};

export interface FeatureSpec {
  name: FeatureName;
  stage: FeatureStage;
  defaultEnabled: boolean;
  copy?: FeatureCopy;
}

export const FEATURES: readonly FeatureSpec[] = TABLE.map(([name, stage, defaultEnabled]) => {
  const copy = COPY[name];
  return copy ? { name, stage, defaultEnabled, copy } : { name, stage, defaultEnabled };
});

/** Older spellings still accepted in `[features]` and by --enable/--disable. */
export const FEATURE_ALIASES: Readonly<Record<string, FeatureName>> = {
  collab: 'multi_agent',
  connectors: 'apps',
  memory_tool: 'memories',
  web_search: 'web_search_request',
  include_apply_patch_tool: 'apply_patch_freeform',
  experimental_use_freeform_apply_patch: 'apply_patch_freeform',
  experimental_use_unified_exec_tool: 'unified_exec',
  enable_experimental_windows_sandbox: 'experimental_windows_sandbox',
};

/**
 * `config/read`, config writes, config requirements and external agent config import. `Config` and
 * `ProfileV2` keep the snake_case keys of config.toml.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Default, Dict, Experimental, Json, Nullable, Opt, StrEnum, Tagged, i64, u16 } from '../schema-kit.ts';
import {
  AbsolutePathBuf,
  AskForApproval,
  ForcedLoginMethod,
  ReasoningEffort,
  ReasoningSummary,
  SandboxMode,
  ServiceTier,
  Verbosity,
  WebSearchMode,
  WebSearchToolConfig,
} from './shared.ts';

export const ConfigReadParams = Type.Object({
  includeLayers: Type.Optional(Type.Boolean({ default: false })),
  cwd: Opt(Type.String()),
}, { $id: 'ConfigReadParams' });
export type ConfigReadParams = Static<typeof ConfigReadParams>;

export const ExternalAgentConfigDetectParams = Type.Object({
  includeHome: Type.Optional(Type.Boolean({ serdeSeqDefault: true })),
  cwds: Opt(Type.Array(Type.String({ serdeExpected: 'path string' }))),
}, { $id: 'ExternalAgentConfigDetectParams' });
export type ExternalAgentConfigDetectParams = Static<typeof ExternalAgentConfigDetectParams>;

export const ExternalAgentConfigMigrationItemType = StrEnum(['AGENTS_MD', 'CONFIG', 'SKILLS', 'MCP_SERVER_CONFIG'], {
  $id: 'ExternalAgentConfigMigrationItemType',
});
export type ExternalAgentConfigMigrationItemType = Static<typeof ExternalAgentConfigMigrationItemType>;

export const ExternalAgentConfigMigrationItem = Type.Object({
  itemType: ExternalAgentConfigMigrationItemType,
  description: Type.String(),
  cwd: Opt(Type.String({ serdeExpected: 'path string' })),
}, { $id: 'ExternalAgentConfigMigrationItem' });
export type ExternalAgentConfigMigrationItem = Static<typeof ExternalAgentConfigMigrationItem>;

export const ExternalAgentConfigImportParams = Type.Object({
  migrationItems: Type.Array(ExternalAgentConfigMigrationItem),
}, { $id: 'ExternalAgentConfigImportParams' });
export type ExternalAgentConfigImportParams = Static<typeof ExternalAgentConfigImportParams>;

export const MergeStrategy = StrEnum(['replace', 'upsert'], { $id: 'MergeStrategy' });
export type MergeStrategy = Static<typeof MergeStrategy>;

export const ConfigValueWriteParams = Type.Object({
  keyPath: Type.String(),
  value: Json(),
  mergeStrategy: MergeStrategy,
  filePath: Opt(Type.String()),
  expectedVersion: Opt(Type.String()),
}, { $id: 'ConfigValueWriteParams' });
export type ConfigValueWriteParams = Static<typeof ConfigValueWriteParams>;

export const ConfigEdit = Type.Object({
  keyPath: Type.String(),
  value: Json(),
  mergeStrategy: MergeStrategy,
}, { $id: 'ConfigEdit' });
export type ConfigEdit = Static<typeof ConfigEdit>;

export const ConfigBatchWriteParams = Type.Object({
  edits: Type.Array(ConfigEdit),
  filePath: Opt(Type.String()),
  expectedVersion: Opt(Type.String()),
  reloadUserConfig: Type.Optional(Type.Boolean({ serdeSeqDefault: true })),
}, { $id: 'ConfigBatchWriteParams' });
export type ConfigBatchWriteParams = Static<typeof ConfigBatchWriteParams>;

export const AnalyticsConfig = Type.Object(
  { enabled: Opt(Type.Boolean()) },
  { $id: 'AnalyticsConfig', additionalProperties: true },
);
export type AnalyticsConfig = Static<typeof AnalyticsConfig>;

export const AppToolApproval = StrEnum(['auto', 'prompt', 'approve'], { $id: 'AppToolApproval' });
export type AppToolApproval = Static<typeof AppToolApproval>;

export const AppToolsConfig = Type.Object({}, { $id: 'AppToolsConfig' });
export type AppToolsConfig = Static<typeof AppToolsConfig>;

export const AppConfig = Type.Object({
  default_tools_approval_mode: Opt(AppToolApproval),
  default_tools_enabled: Opt(Type.Boolean()),
  destructive_enabled: Opt(Type.Boolean()),
  enabled: Type.Optional(Type.Boolean({ default: true })),
  open_world_enabled: Opt(Type.Boolean()),
  tools: Opt(AppToolsConfig),
}, { $id: 'AppConfig' });
export type AppConfig = Static<typeof AppConfig>;

export const AppToolConfig = Type.Object({
  approval_mode: Opt(AppToolApproval),
  enabled: Opt(Type.Boolean()),
}, { $id: 'AppToolConfig' });
export type AppToolConfig = Static<typeof AppToolConfig>;

export const AppsDefaultConfig = Type.Object({
  enabled: Type.Optional(Type.Boolean({ default: true })),
  destructive_enabled: Type.Optional(Type.Boolean({ default: true })),
  open_world_enabled: Type.Optional(Type.Boolean({ default: true })),
}, { $id: 'AppsDefaultConfig' });
export type AppsDefaultConfig = Static<typeof AppsDefaultConfig>;

export const AppsConfig = Type.Object({
  _default: Type.Optional(Nullable(AppsDefaultConfig, { default: null })),
}, { $id: 'AppsConfig' });
export type AppsConfig = Static<typeof AppsConfig>;

export const SandboxWorkspaceWrite = Type.Object({
  writable_roots: Type.Optional(Type.Array(Type.String(), { default: [] })),
  network_access: Type.Optional(Type.Boolean({ default: false })),
  exclude_tmpdir_env_var: Type.Optional(Type.Boolean({ default: false })),
  exclude_slash_tmp: Type.Optional(Type.Boolean({ default: false })),
}, { $id: 'SandboxWorkspaceWrite' });
export type SandboxWorkspaceWrite = Static<typeof SandboxWorkspaceWrite>;

export const ToolsV2 = Type.Object({
  web_search: Opt(WebSearchToolConfig),
  view_image: Opt(Type.Boolean()),
}, { $id: 'ToolsV2' });
export type ToolsV2 = Static<typeof ToolsV2>;

export const ProfileV2 = Type.Object({
  model: Opt(Type.String()),
  model_provider: Opt(Type.String()),
  approval_policy: Opt(AskForApproval),
  service_tier: Opt(ServiceTier),
  model_reasoning_effort: Opt(ReasoningEffort),
  model_reasoning_summary: Opt(ReasoningSummary),
  model_verbosity: Opt(Verbosity),
  web_search: Opt(WebSearchMode),
  tools: Opt(ToolsV2),
  chatgpt_base_url: Opt(Type.String()),
}, { $id: 'ProfileV2', additionalProperties: true });
export type ProfileV2 = Static<typeof ProfileV2>;

export const Config = Type.Object({
  model: Opt(Type.String()),
  review_model: Opt(Type.String()),
  model_context_window: Opt(i64()),
  model_auto_compact_token_limit: Opt(i64()),
  model_provider: Opt(Type.String()),
  approval_policy: Opt(AskForApproval),
  sandbox_mode: Opt(SandboxMode),
  sandbox_workspace_write: Opt(SandboxWorkspaceWrite),
  forced_chatgpt_workspace_id: Opt(Type.String()),
  forced_login_method: Opt(ForcedLoginMethod),
  web_search: Opt(WebSearchMode),
  tools: Opt(ToolsV2),
  profile: Opt(Type.String()),
  profiles: Type.Optional(Default(Dict(ProfileV2), {})),
  instructions: Opt(Type.String()),
  developer_instructions: Opt(Type.String()),
  compact_prompt: Opt(Type.String()),
  model_reasoning_effort: Opt(ReasoningEffort),
  model_reasoning_summary: Opt(ReasoningSummary),
  model_verbosity: Opt(Verbosity),
  service_tier: Opt(ServiceTier),
  analytics: Opt(AnalyticsConfig),
  apps: Experimental('config/read.apps', Type.Optional(Nullable(AppsConfig, { default: null }))),
}, { $id: 'Config', additionalProperties: true });
export type Config = Static<typeof Config>;

export const ConfigLayerSource = Tagged(
  'type',
  {
    mdm: { domain: Type.String(), key: Type.String() },
    system: { file: AbsolutePathBuf },
    user: { file: AbsolutePathBuf },
    project: { dotCodexFolder: AbsolutePathBuf },
    sessionFlags: {},
    legacyManagedConfigTomlFromFile: { file: AbsolutePathBuf },
    legacyManagedConfigTomlFromMdm: {},
  },
  { $id: 'ConfigLayerSource' },
);
export type ConfigLayerSource = Static<typeof ConfigLayerSource>;

export const ConfigLayer = Type.Object({
  name: ConfigLayerSource,
  version: Type.String(),
  config: Json(),
  disabledReason: Opt(Type.String()),
}, { $id: 'ConfigLayer' });
export type ConfigLayer = Static<typeof ConfigLayer>;

export const ConfigLayerMetadata = Type.Object({
  name: ConfigLayerSource,
  version: Type.String(),
}, { $id: 'ConfigLayerMetadata' });
export type ConfigLayerMetadata = Static<typeof ConfigLayerMetadata>;

export const ConfigReadResponse = Type.Object({
  config: Config,
  origins: Dict(ConfigLayerMetadata),
  layers: Opt(Type.Array(ConfigLayer)),
}, { $id: 'ConfigReadResponse' });
export type ConfigReadResponse = Static<typeof ConfigReadResponse>;

export const ExternalAgentConfigDetectResponse = Type.Object({
  items: Type.Array(ExternalAgentConfigMigrationItem),
}, { $id: 'ExternalAgentConfigDetectResponse' });
export type ExternalAgentConfigDetectResponse = Static<typeof ExternalAgentConfigDetectResponse>;

export const ExternalAgentConfigImportResponse = Type.Object({}, { $id: 'ExternalAgentConfigImportResponse' });
export type ExternalAgentConfigImportResponse = Static<typeof ExternalAgentConfigImportResponse>;

export const OverriddenMetadata = Type.Object({
  message: Type.String(),
  overridingLayer: ConfigLayerMetadata,
  effectiveValue: Json(),
}, { $id: 'OverriddenMetadata' });
export type OverriddenMetadata = Static<typeof OverriddenMetadata>;

export const WriteStatus = StrEnum(['ok', 'okOverridden'], { $id: 'WriteStatus' });
export type WriteStatus = Static<typeof WriteStatus>;

export const ConfigWriteResponse = Type.Object({
  status: WriteStatus,
  version: Type.String(),
  filePath: AbsolutePathBuf,
  overriddenMetadata: Opt(OverriddenMetadata),
}, { $id: 'ConfigWriteResponse' });
export type ConfigWriteResponse = Static<typeof ConfigWriteResponse>;

export const ResidencyRequirement = StrEnum(['us'], { $id: 'ResidencyRequirement' });
export type ResidencyRequirement = Static<typeof ResidencyRequirement>;

export const NetworkRequirements = Type.Object({
  enabled: Opt(Type.Boolean()),
  httpPort: Opt(u16()),
  socksPort: Opt(u16()),
  allowUpstreamProxy: Opt(Type.Boolean()),
  dangerouslyAllowNonLoopbackProxy: Opt(Type.Boolean()),
  dangerouslyAllowAllUnixSockets: Opt(Type.Boolean()),
  allowedDomains: Opt(Type.Array(Type.String())),
  deniedDomains: Opt(Type.Array(Type.String())),
  allowUnixSockets: Opt(Type.Array(Type.String())),
  allowLocalBinding: Opt(Type.Boolean()),
}, { $id: 'NetworkRequirements' });
export type NetworkRequirements = Static<typeof NetworkRequirements>;

export const ConfigRequirements = Type.Object({
  allowedApprovalPolicies: Opt(Type.Array(AskForApproval)),
  allowedSandboxModes: Opt(Type.Array(SandboxMode)),
  allowedWebSearchModes: Opt(Type.Array(WebSearchMode)),
  featureRequirements: Opt(Dict(Type.Boolean())),
  enforceResidency: Opt(ResidencyRequirement),
  network: Experimental('configRequirements/read.network', Opt(NetworkRequirements)),
}, { $id: 'ConfigRequirements' });
export type ConfigRequirements = Static<typeof ConfigRequirements>;

export const ConfigRequirementsReadResponse = Type.Object({
  requirements: Opt(ConfigRequirements),
}, { $id: 'ConfigRequirementsReadResponse' });
export type ConfigRequirementsReadResponse = Static<typeof ConfigRequirementsReadResponse>;

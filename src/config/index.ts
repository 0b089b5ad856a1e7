export { resolveCodexHome } from './codex-home.ts';
export { configToml } from './config-schema.ts';
export type { AskForApproval, ConfigToml, McpServerToml, ModelProviderToml, ProfileToml } from './config-schema.ts';
export { ConfigError, configWarningParams, disabledProjectsWarning, locatedMessage } from './errors.ts';
export type { ConfigErrorSite, ConfigWarningParams } from './errors.ts';
export { FEATURE_ALIASES, FEATURES } from './feature-table.ts';
export type { FeatureCopy, FeatureName, FeatureSpec, FeatureStage } from './feature-table.ts';
export { featureForKey, isKnownFeatureKey } from './features.ts';
export type { FeatureStates } from './features.ts';
export { LiveConfig } from './live.ts';
export { loadConfig, loadConfigSync, loadStartupConfig, reloadConfig, readLayerStack, SYSTEM_CONFIG_FILE } from './load.ts';
export type { ConfigLayer, LayerName, LayerStack, LoadedConfig, LoadOptions } from './load.ts';
export { readConfig } from './read.ts';
export { ConfigWriteError, writeConfig } from './write.ts';
export type { ConfigEditRequest, ConfigWriteErrorCode, ConfigWriteRequest } from './write.ts';
export { locateKey } from './locate.ts';
export { featureToggleOverrides, overridesLayer, parseOverride } from './overrides.ts';
export { settingsWithOverrides } from './request-overrides.ts';
export type { ConfigOverride } from './overrides.ts';
export type { ModelProvider } from './providers.ts';
export type { Issue } from './schema.ts';
export type {
  McpServer,
  McpTransport,
  ReasoningEffort,
  ReasoningSummary,
  SandboxMode,
  ServiceTier,
  Settings,
  Verbosity,
  WebSearchMode,
  WebSearchOptions,
} from './settings.ts';
export { parseToml, parseTomlValue, TomlSyntaxError } from './toml.ts';
export { canonicalJson, isTable, mergeTables, valueAt, versionOf } from './tree.ts';
export type { KeyPath, TomlTable, TomlValue } from './tree.ts';
export { DEFAULT_ROOT_MARKERS, projectDirs } from './project.ts';

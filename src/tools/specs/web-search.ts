import type { FeatureStates, WebSearchMode } from '../../config/index.ts';
import type { SandboxPolicy } from '../../protocol/index.ts';
import type { WebSearchToolSpec } from './types.ts';

/**
 * The configured mode: `web_search` in config.toml, else the legacy feature flags (cached wins
 * over live), else cached.
 */
export function configuredWebSearchMode(configured: WebSearchMode | undefined, features: FeatureStates): WebSearchMode {
  if (configured) return configured;
  if (features.web_search_cached) return 'cached';
  if (features.web_search_request) return 'live';
  return 'cached';
}

/** Without a sandbox nothing is gained by keeping searches to the cache, so any enabled mode goes live. */
export function webSearchTool(mode: WebSearchMode, sandbox: SandboxPolicy): WebSearchToolSpec | null {
  if (mode === 'disabled') return null;
  const live = mode === 'live' || sandbox.type === 'dangerFullAccess';
  return { type: 'web_search', external_web_access: live };
}

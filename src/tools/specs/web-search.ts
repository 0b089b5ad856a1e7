import type { FeatureStates, WebSearchMode, WebSearchOptions } from '../../config/index.ts';
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

/**
 * Without a sandbox nothing is gained by keeping searches to the cache, so any enabled mode goes
 * live. `[tools.web_search]` adds the domain filter, the user's location and the context size,
 * each only when configured.
 */
export function webSearchTool(mode: WebSearchMode, sandbox: SandboxPolicy, options: WebSearchOptions = {}): WebSearchToolSpec | null {
  if (mode === 'disabled') return null;
  const spec: WebSearchToolSpec = { type: 'web_search', external_web_access: mode === 'live' || sandbox.type === 'dangerFullAccess' };
  if (options.allowed_domains) spec.filters = { allowed_domains: options.allowed_domains };
  if (options.location) spec.user_location = { type: 'approximate', ...locationFields(options.location) };
  if (options.context_size) spec.search_context_size = options.context_size;
  return spec;
}

/** The location's fields in the reference's order, absent ones left out. */
function locationFields(location: NonNullable<WebSearchOptions['location']>) {
  const out: { country?: string; region?: string; city?: string; timezone?: string } = {};
  for (const key of ['country', 'region', 'city', 'timezone'] as const) {
    const value = location[key];
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

import { FEATURE_ALIASES, FEATURES, type FeatureName } from './feature-table.ts';

export type FeatureStates = Readonly<Record<FeatureName, boolean>>;

const CANONICAL = new Set<string>(FEATURES.map((f) => f.name));

export function featureForKey(key: string): FeatureName | undefined {
  return CANONICAL.has(key) ? (key as FeatureName) : Object.hasOwn(FEATURE_ALIASES, key) ? FEATURE_ALIASES[key] : undefined;
}

export function isKnownFeatureKey(key: string): boolean {
  return featureForKey(key) !== undefined;
}

/** The feature-related keys of the top level or of a profile. */
export interface FeatureSource {
  features?: Record<string, boolean>;
  include_apply_patch_tool?: boolean;
  experimental_use_freeform_apply_patch?: boolean;
  experimental_use_unified_exec_tool?: boolean;
}

export interface ResolvedFeatures {
  states: FeatureStates;
  /** Things worth a warning log: unknown keys, dropped combinations. */
  warnings: string[];
}

/**
 * Effective flags, in the reference's order: defaults, top-level legacy booleans, `[features]`,
 * then the same two from the active profile, then dependency fixes. Within a `[features]` table
 * keys apply in sorted order (the reference reads it into a sorted map), so `collab = true` and
 * `multi_agent = false` together leave multi_agent off whatever their order in the file.
 */
export function resolveFeatures(top: FeatureSource, profile: FeatureSource): ResolvedFeatures {
  const states = Object.fromEntries(FEATURES.map((f) => [f.name, f.defaultEnabled])) as Record<FeatureName, boolean>;
  const warnings: string[] = [];
  const apply = (source: FeatureSource, legacyApplyPatchTool: boolean) => {
    if (legacyApplyPatchTool && source.include_apply_patch_tool !== undefined) {
      states.apply_patch_freeform = source.include_apply_patch_tool;
    }
    if (source.experimental_use_freeform_apply_patch !== undefined) {
      states.apply_patch_freeform = source.experimental_use_freeform_apply_patch;
    }
    if (source.experimental_use_unified_exec_tool !== undefined) {
      states.unified_exec = source.experimental_use_unified_exec_tool;
    }
    for (const key of Object.keys(source.features ?? {}).sort()) {
      const feature = featureForKey(key);
      if (feature) states[feature] = source.features![key]!;
      else warnings.push(`unknown feature key in config: ${key}`);
    }
  };
  // Only a profile's `include_apply_patch_tool` counts; at the top level the reference ignores it.
  apply(top, false);
  apply(profile, true);
  if (states.js_repl_tools_only && !states.js_repl) {
    states.js_repl_tools_only = false;
    warnings.push('js_repl_tools_only is ignored because js_repl is disabled');
  }
  return { states, warnings };
}

import { FEATURES, type FeatureStates } from '../config/index.ts';
import type { ExperimentalFeature } from '../protocol/index.ts';

/** Every feature flag in the reference's order, with its effective state under `states`. */
export function experimentalFeatures(states: FeatureStates): ExperimentalFeature[] {
  return FEATURES.map((f) => ({
    name: f.name,
    stage: f.stage,
    displayName: f.copy?.displayName ?? null,
    description: f.copy?.description ?? null,
    announcement: f.copy?.announcement ?? null,
    enabled: states[f.name],
    defaultEnabled: f.defaultEnabled,
  }));
}

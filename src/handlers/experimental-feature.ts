import { experimentalFeatures } from '../core/experimental-features.ts';
import type { ExperimentalFeatureListParams, ExperimentalFeatureListResponse } from '../protocol/index.ts';
import { paginate } from '../util/paginate.ts';
import { latestSettings } from './latest-config.ts';
import type { AppHandler } from './types.ts';

const list: AppHandler<ExperimentalFeatureListParams, ExperimentalFeatureListResponse> = (params, { app }) =>
  paginate(experimentalFeatures(latestSettings(app).features), params.cursor, params.limit, 'feature flags');

export const experimentalFeatureHandlers = { 'experimentalFeature/list': list };

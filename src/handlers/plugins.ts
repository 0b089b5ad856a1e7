import { homedir } from 'node:os';
import { listMarketplaces } from '../core/plugins/marketplace.ts';
import type { PluginListParams, PluginListResponse } from '../protocol/index.ts';
import { latestSettings } from './latest-config.ts';
import type { AppHandler } from './types.ts';

/** Local marketplaces only; with the `plugins` feature off (the default) there are none. */
const list: AppHandler<PluginListParams, PluginListResponse> = (params, { app }) => {
  const settings = latestSettings(app);
  if (!settings.features.plugins) return { marketplaces: [] };
  return {
    marketplaces: listMarketplaces({ home: homedir(), codexHome: app.config.codexHome, cwds: params.cwds ?? [], configured: settings.plugins }),
  };
};

export const pluginHandlers = { 'plugin/list': list };

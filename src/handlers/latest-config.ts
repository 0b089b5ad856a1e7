import type { App } from '../app.ts';
import { ConfigError, reloadConfig, type Settings } from '../config/index.ts';
import { RpcError } from '../rpc/errors.ts';

/**
 * The settings as the files say now. The reference's list methods re-read the configuration at
 * every call (a `config/value/write` shows at once) and fail when it has become unusable.
 */
export function latestSettings(app: App): Settings {
  try {
    return reloadConfig(app.config).settings;
  } catch (err) {
    if (err instanceof ConfigError) throw RpcError.internal(`failed to reload config: ${err.message}`);
    throw err;
  }
}

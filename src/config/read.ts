import { resolve } from 'node:path';
import type { ConfigReadResponse } from '../protocol/index.ts';
import { configToml } from './config-schema.ts';
import { ConfigError } from './errors.ts';
import { readLayerStack, type LoadOptions } from './load.ts';
import { FROM_VALUE } from './schema.ts';
import { configOrigins, configView, layerView } from './view.ts';
import { describeIssue } from './write.ts';

/**
 * config/read: the configuration as it is on disk now (not as the server started with it), the
 * layer each value comes from, and optionally the layers themselves. Without `cwd` no project
 * layers take part; with it, those of that directory do.
 */
export function readConfig(options: LoadOptions, params: { cwd?: string | null; includeLayers?: boolean }): ConfigReadResponse {
  let stack;
  try {
    stack = readLayerStack({ ...options, projectCwd: params.cwd == null ? undefined : resolve(params.cwd) });
  } catch (err) {
    if (err instanceof ConfigError) throw new Error(`failed to read configuration layers: ${err.message}`);
    throw err;
  }
  const issue = configToml.check(stack.merged, [], FROM_VALUE);
  if (issue) throw new Error(`invalid configuration: ${describeIssue(issue)}`);
  return {
    config: configView(stack.merged),
    origins: configOrigins(stack.layers),
    ...(params.includeLayers ? { layers: stack.layers.map(layerView) } : {}),
  };
}

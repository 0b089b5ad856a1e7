import { isAbsolute } from 'node:path';
import type { SkillsConfigWriteParams, SkillsConfigWriteResponse, SkillsListParams, SkillsListResponse } from '../protocol/index.ts';
import { RpcError } from '../rpc/errors.ts';
import { cacheKey } from '../skills/service.ts';
import type { AppHandler } from './types.ts';

/**
 * One entry per requested cwd (the server's own without any), in request order. Extra roots are
 * taken only for requested cwds and must be absolute.
 */
const list: AppHandler<SkillsListParams, Promise<SkillsListResponse>> = async (params, { app }) => {
  const cwds = params.cwds?.length ? params.cwds : [app.skills.serverCwd];
  const requested = new Set(cwds.map(cacheKey));
  const extraRoots = new Map<string, string[]>();
  for (const entry of params.perCwdExtraUserRoots ?? []) {
    const key = cacheKey(entry.cwd);
    if (!requested.has(key)) continue;
    for (const root of entry.extraUserRoots) {
      if (!isAbsolute(root)) throw RpcError.badRequest(`skills/list perCwdExtraUserRoots extraUserRoots paths must be absolute: ${root}`);
    }
    extraRoots.set(key, [...(extraRoots.get(key) ?? []), ...entry.extraUserRoots]);
  }
  const data = [];
  for (const cwd of cwds) {
    data.push(await app.skills.list(cwd, { forceReload: params.forceReload ?? false, extraUserRoots: extraRoots.get(cacheKey(cwd)) }));
  }
  return { data };
};

/** Records the choice in config.toml; the answer echoes it. */
const configWrite: AppHandler<SkillsConfigWriteParams, Promise<SkillsConfigWriteResponse>> = async (params, { app }) => {
  try {
    await app.skills.setEnabled(params.path, params.enabled);
  } catch (err) {
    throw RpcError.internal(`failed to update skill settings: ${(err as Error).message}`);
  }
  return { effectiveEnabled: params.enabled };
};

export const skillsHandlers = {
  'skills/list': list,
  'skills/config/write': configWrite,
};

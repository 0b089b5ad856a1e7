import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { nullable, seq, str, struct, type Infer } from '../../config/schema.ts';
import type { PluginInterface } from '../../protocol/index.ts';
import { resolveDotSlash } from './relative-path.ts';

export const PLUGIN_MANIFEST = '.codex-plugin/plugin.json';

const optStr = nullable(str);

const rawInterface = struct('PluginManifestInterface', {
  displayName: optStr,
  shortDescription: optStr,
  longDescription: optStr,
  developerName: optStr,
  category: optStr,
  capabilities: seq(str),
  websiteUrl: optStr,
  websiteURL: optStr,
  privacyPolicyUrl: optStr,
  privacyPolicyURL: optStr,
  termsOfServiceUrl: optStr,
  termsOfServiceURL: optStr,
  defaultPrompt: optStr,
  brandColor: optStr,
  composerIcon: optStr,
  logo: optStr,
  screenshots: seq(str),
});

const rawManifest = struct('PluginManifest', {
  name: str,
  version: optStr,
  description: optStr,
  skills: optStr,
  mcpServers: optStr,
  apps: optStr,
  interface: nullable(rawInterface),
});

type RawInterface = Infer<typeof rawInterface>;

/**
 * What a plugin's `.codex-plugin/plugin.json` says about how to show it, as the reference reads
 * it: null when the file is missing or does not decode, or when its interface sets nothing. Asset
 * paths that are not `./`-relative inside the plugin are dropped.
 */
export function pluginInterface(pluginRoot: string): PluginInterface | null {
  const file = join(pluginRoot, PLUGIN_MANIFEST);
  let manifest: unknown;
  try {
    if (!statSync(file).isFile()) return null;
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (rawManifest.check(manifest, [])) return null;
  const raw = (manifest as { interface?: RawInterface | null }).interface;
  return raw ? interfaceView(pluginRoot, raw) : null;
}

function interfaceView(root: string, raw: RawInterface): PluginInterface | null {
  const asset = (path: string | null | undefined) => {
    if (path == null || path === '') return null;
    const resolved = resolveDotSlash(root, path);
    return resolved.ok ? resolved.path : null;
  };
  const view: PluginInterface = {
    displayName: raw.displayName ?? null,
    shortDescription: raw.shortDescription ?? null,
    longDescription: raw.longDescription ?? null,
    developerName: raw.developerName ?? null,
    category: raw.category ?? null,
    capabilities: raw.capabilities ?? [],
    websiteUrl: raw.websiteUrl ?? raw.websiteURL ?? null,
    privacyPolicyUrl: raw.privacyPolicyUrl ?? raw.privacyPolicyURL ?? null,
    termsOfServiceUrl: raw.termsOfServiceUrl ?? raw.termsOfServiceURL ?? null,
    defaultPrompt: raw.defaultPrompt ?? null,
    brandColor: raw.brandColor ?? null,
    composerIcon: asset(raw.composerIcon),
    logo: asset(raw.logo),
    screenshots: (raw.screenshots ?? []).map(asset).filter((p): p is string => p !== null),
  };
  const empty = Object.values(view).every((v) => v === null || (Array.isArray(v) && v.length === 0));
  return empty ? null : view;
}

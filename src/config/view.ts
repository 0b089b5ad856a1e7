import type { Config, ConfigLayer as WireLayer, ConfigLayerMetadata } from '../protocol/index.ts';
import type { ConfigLayer } from './load.ts';
import { getKey, isTable, type TomlTable, type TomlValue } from './tree.ts';

/**
 * How `config/read` shows a configuration: the known keys of the protocol's `Config` always
 * present (null when unset, the reference's defaults filled in inside the tables it knows), every
 * other key passed through as written.
 */

type Json = TomlValue | null | { [key: string]: Json } | Json[];
type JsonObject = { [key: string]: Json };

const TOP_LEVEL = [
  'model',
  'review_model',
  'model_context_window',
  'model_auto_compact_token_limit',
  'model_provider',
  'approval_policy',
  'sandbox_mode',
  'sandbox_workspace_write',
  'forced_chatgpt_workspace_id',
  'forced_login_method',
  'web_search',
  'tools',
  'profile',
  'profiles',
  'instructions',
  'developer_instructions',
  'compact_prompt',
  'model_reasoning_effort',
  'model_reasoning_summary',
  'model_verbosity',
  'service_tier',
  'analytics',
  'apps',
];

const PROFILE_KEYS = [
  'model',
  'model_provider',
  'approval_policy',
  'service_tier',
  'model_reasoning_effort',
  'model_reasoning_summary',
  'model_verbosity',
  'web_search',
  'tools',
  'chatgpt_base_url',
];

const SHAPES: Record<string, (value: TomlValue) => Json> = {
  sandbox_workspace_write: (v) =>
    table(v, (t) => ({
      writable_roots: t['writable_roots'] ?? [],
      network_access: t['network_access'] ?? false,
      exclude_tmpdir_env_var: t['exclude_tmpdir_env_var'] ?? false,
      exclude_slash_tmp: t['exclude_slash_tmp'] ?? false,
    })),
  tools: (v) => table(v, toolsView),
  profiles: (v) => table(v, (t) => mapValues(t, (p) => table(p, profileView))),
  analytics: (v) => table(v, (t) => ({ enabled: t['enabled'] ?? null, ...rest(t, ['enabled']) })),
  apps: (v) => table(v, appsView),
};

export function configView(effective: TomlTable): Config {
  const out: JsonObject = {};
  for (const key of TOP_LEVEL) {
    const value = getKey(effective, key);
    out[key] = value === undefined ? null : (SHAPES[key]?.(value) ?? value);
  }
  out['profiles'] ??= {};
  Object.assign(out, rest(effective, TOP_LEVEL));
  return out as Config;
}

function toolsView(t: TomlTable): Json {
  const search = t['web_search'];
  return {
    web_search:
      search === undefined
        ? null
        : table(search, (w) => ({
            context_size: w['context_size'] ?? null,
            allowed_domains: w['allowed_domains'] ?? null,
            location: w['location'] === undefined ? null : table(w['location'], (l) => pick(l, ['country', 'region', 'city', 'timezone'])),
          })),
    view_image: t['view_image'] ?? null,
  };
}

function profileView(t: TomlTable): Json {
  const out: JsonObject = pick(t, PROFILE_KEYS);
  if (isTable(t['tools'])) out['tools'] = toolsView(t['tools']);
  return { ...out, ...rest(t, PROFILE_KEYS) };
}

function appsView(t: TomlTable): Json {
  const d = t['_default'];
  const out: JsonObject = {
    _default:
      d === undefined
        ? null
        : table(d, (x) => ({
            enabled: x['enabled'] ?? true,
            destructive_enabled: x['destructive_enabled'] ?? true,
            open_world_enabled: x['open_world_enabled'] ?? true,
          })),
  };
  for (const [id, app] of Object.entries(rest(t, ['_default']))) {
    out[id] = table(app as TomlValue, (a) => ({
      enabled: a['enabled'] ?? true,
      ...pick(a, ['destructive_enabled', 'open_world_enabled', 'default_tools_approval_mode', 'default_tools_enabled', 'tools']),
    }));
  }
  return out;
}

/** A checked document has tables where these are applied; anything else is shown as it is. */
function table(value: TomlValue, shape: (t: TomlTable) => Json): Json {
  return isTable(value) ? shape(value) : value;
}

function pick(t: TomlTable, keys: readonly string[]): JsonObject {
  return Object.fromEntries(keys.map((k) => [k, getKey(t, k) ?? null]));
}

function rest(t: TomlTable, known: readonly string[]): TomlTable {
  return Object.fromEntries(Object.entries(t).filter(([k]) => !known.includes(k)));
}

function mapValues(t: TomlTable, f: (v: TomlValue) => Json): JsonObject {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, f(v)]));
}

/** Where each set value comes from: for every leaf (array elements by index), the highest layer setting it. */
export function configOrigins(layers: readonly ConfigLayer[]): Record<string, ConfigLayerMetadata> {
  const out: Record<string, ConfigLayerMetadata> = {};
  const applied = layers.filter((l) => !l.disabledReason).reverse();
  for (const layer of applied) {
    const meta = layerMetadata(layer);
    const record = (value: TomlValue, path: string[]) => {
      if (isTable(value)) for (const [k, v] of Object.entries(value)) record(v, [...path, k]);
      else if (Array.isArray(value)) value.forEach((v, i) => record(v, [...path, String(i)]));
      else out[path.join('.')] = meta;
    };
    record(layer.config, []);
  }
  return out;
}

export function layerMetadata(layer: ConfigLayer): ConfigLayerMetadata {
  return { name: layer.name, version: layer.version };
}

export function layerView(layer: ConfigLayer): WireLayer {
  return { ...layerMetadata(layer), config: layer.config, ...(layer.disabledReason ? { disabledReason: layer.disabledReason } : {}) };
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configOrigins, configView } from './view.ts';
import type { ConfigLayer } from './load.ts';

// Shapes observed on the reference's config/read.
test('known tables get their defaults and fields, unknown keys pass through', () => {
  const view = configView({
    sandbox_workspace_write: { network_access: true },
    tools: { foo: 1, view_image: true },
    profiles: { p: { model: 'm', unknown: 3, tools: { bar: 1 } } },
    analytics: { enabled: true, extra: 2 },
    apps: { myapp: { weird: 1 } },
    custom: { deep: 1 },
  }) as Record<string, unknown>;
  assert.equal(view['model'], null);
  assert.deepEqual(view['sandbox_workspace_write'], { writable_roots: [], network_access: true, exclude_tmpdir_env_var: false, exclude_slash_tmp: false });
  assert.deepEqual(view['tools'], { web_search: null, view_image: true });
  assert.deepEqual((view['profiles'] as Record<string, Record<string, unknown>>)['p']!['tools'], { web_search: null, view_image: null });
  assert.equal((view['profiles'] as Record<string, Record<string, unknown>>)['p']!['unknown'], 3);
  assert.deepEqual(view['analytics'], { enabled: true, extra: 2 });
  assert.deepEqual(view['apps'], {
    _default: null,
    myapp: { enabled: true, destructive_enabled: null, open_world_enabled: null, default_tools_approval_mode: null, default_tools_enabled: null, tools: null },
  });
  assert.deepEqual(view['custom'], { deep: 1 });
  assert.deepEqual(configView({})['profiles'], {});
});

test('origins: every leaf, array elements by index, the highest applied layer winning', () => {
  const layer = (type: 'user' | 'sessionFlags', config: object, disabledReason?: string): ConfigLayer =>
    ({ name: type === 'user' ? { type, file: '/c.toml' } : { type }, config, version: type, ...(disabledReason ? { disabledReason } : {}) }) as ConfigLayer;
  const origins = configOrigins([
    layer('sessionFlags', { model: 'b', arr: [9] }),
    { ...layer('user', { model: 'ignored' }, 'not trusted') },
    layer('user', { model: 'a', arr: [1, [2, 3]], empty: {}, none: [] }),
  ]);
  assert.deepEqual(Object.fromEntries(Object.entries(origins).map(([k, v]) => [k, v.version])), {
    model: 'sessionFlags',
    'arr.0': 'sessionFlags',
    'arr.1.0': 'user',
    'arr.1.1': 'user',
  });
});

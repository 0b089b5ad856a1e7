import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FEATURES } from './feature-table.ts';
import { resolveFeatures } from './features.ts';

const enabled = (states: Record<string, boolean>) => Object.keys(states).filter((k) => states[k]);

// Every expectation here was observed with `experimentalFeature/list` on codex-cli 0.113.0.
test('defaults', () => {
  assert.equal(FEATURES.length, 46);
  assert.deepEqual(enabled(resolveFeatures({}, {}).states), [
    'shell_tool',
    'unified_exec',
    'shell_snapshot',
    'sqlite',
    'enable_request_compression',
    'skill_mcp_dependency_install',
    'steer',
    'collaboration_modes',
    'personality',
    'fast_mode',
  ]);
});

test('legacy names in [features] set the canonical feature', () => {
  const { states } = resolveFeatures(
    { features: { collab: true, connectors: true, memory_tool: true, web_search: true, experimental_use_freeform_apply_patch: true } },
    {},
  );
  for (const name of ['multi_agent', 'apps', 'memories', 'web_search_request', 'apply_patch_freeform'] as const) {
    assert.equal(states[name], true, name);
  }
});

test('keys apply in sorted order, not file order', () => {
  assert.equal(resolveFeatures({ features: { multi_agent: false, collab: true } }, {}).states.multi_agent, false);
  assert.equal(resolveFeatures({ features: { collab: true, multi_agent: false } }, {}).states.multi_agent, false);
});

test('top-level legacy booleans; include_apply_patch_tool only counts in a profile', () => {
  const top = resolveFeatures({ experimental_use_unified_exec_tool: false, include_apply_patch_tool: true }, {}).states;
  assert.equal(top.unified_exec, false);
  assert.equal(top.apply_patch_freeform, false);
  assert.equal(resolveFeatures({}, { include_apply_patch_tool: true }).states.apply_patch_freeform, true);
});

test('the profile wins over the top level', () => {
  const { states } = resolveFeatures({ features: { undo: true } }, { features: { undo: false, multi_agent: true } });
  assert.equal(states.undo, false);
  assert.equal(states.multi_agent, true);
});

test('js_repl_tools_only needs js_repl; unknown keys are reported, not fatal', () => {
  const alone = resolveFeatures({ features: { js_repl_tools_only: true, bogus: true } }, {});
  assert.equal(alone.states.js_repl_tools_only, false);
  assert.equal(alone.warnings.length, 2);
  assert.match(alone.warnings[0]!, /unknown feature key in config: bogus/);
  assert.equal(resolveFeatures({ features: { js_repl: true, js_repl_tools_only: true } }, {}).states.js_repl_tools_only, true);
});

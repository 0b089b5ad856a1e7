import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locateKey } from './locate.ts';

const SOURCE = [
  'model = "o3"', //                                   1
  'approval_policy = 5', //                            2
  '# [model_providers.fake] in a comment', //          3
  'notes = """', //                                    4
  '[model_providers.inside_string]', //                5
  'name = "x"', //                                     6
  '"""', //                                            7
  '[model_providers.mock]', //                         8
  'name = "m"', //                                     9
  '  base_url =   3', //                              10
  '[mcp_servers."my.server"]', //                     11
  'args = ["a", { nested = 1 }]', //                  12
  'env = { A = "1", "B.C" = { d = 2 } }', //         13
  'sandbox_workspace_write.network_access = "yes"', // 14
].join('\n');

test('finds a value after its key, like the reference positions', () => {
  assert.deepEqual(locateKey(SOURCE, ['approval_policy']), { line: 2, column: 19 });
  assert.deepEqual(locateKey(SOURCE, ['model_providers', 'mock', 'base_url']), { line: 10, column: 16 });
});

test('a table is found at its header', () => {
  assert.deepEqual(locateKey(SOURCE, ['model_providers', 'mock']), { line: 8, column: 1 });
  assert.deepEqual(locateKey(SOURCE, ['mcp_servers', 'my.server']), { line: 11, column: 1 });
});

test('comments and multi-line strings are skipped', () => {
  assert.deepEqual(locateKey(SOURCE, ['model_providers', 'inside_string']), undefined);
  assert.deepEqual(locateKey(SOURCE, ['model_providers', 'fake']), undefined);
});

test('inline tables and dotted keys are followed', () => {
  assert.deepEqual(locateKey(SOURCE, ['mcp_servers', 'my.server', 'env', 'B.C', 'd']), { line: 13, column: 32 });
  assert.deepEqual(locateKey(SOURCE, ['mcp_servers', 'my.server', 'env', 'A']), { line: 13, column: 13 });
  assert.deepEqual(locateKey(SOURCE, ['mcp_servers', 'my.server', 'sandbox_workspace_write', 'network_access']), { line: 14, column: 42 });
});

test('unknown deeper keys fall back to the nearest enclosing one', () => {
  assert.deepEqual(locateKey(SOURCE, ['mcp_servers', 'my.server', 'args', 1, 'nested']), { line: 12, column: 8 });
  assert.deepEqual(locateKey(SOURCE, ['nowhere']), undefined);
});

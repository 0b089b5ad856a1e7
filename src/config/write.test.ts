import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyEdit, ConfigWriteError, tomlFromJson, writeConfig } from './write.ts';
import type { TomlTable } from './tree.ts';

function home(toml?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'weft-write-'));
  if (toml !== undefined) writeFileSync(join(dir, 'config.toml'), toml);
  return dir;
}
const options = (codexHome: string, overrides: string[] = []) => ({ codexHome, env: {}, systemFile: join(codexHome, 'none.toml'), overrides });
const edit = (keyPath: string, value: unknown, mergeStrategy: 'replace' | 'upsert' = 'replace') => ({ keyPath, value, mergeStrategy });
const refused = (code: string, message: string | RegExp) => (err: unknown) => {
  assert.ok(err instanceof ConfigWriteError);
  assert.equal(err.code, code);
  if (typeof message === 'string') assert.equal(err.message, message);
  else assert.match(err.message, message);
  return true;
};

// The behaviours below were observed on the reference server.

test('edits on data: upsert merges tables, a value below the first key gives way to a table, not at the first key', () => {
  const doc: TomlTable = { features: { a: true }, model: 'x' };
  applyEdit(doc, ['features'], { b: false }, 'upsert');
  assert.deepEqual(doc['features'], { a: true, b: false });
  applyEdit(doc, ['features'], { c: true }, 'replace');
  assert.deepEqual(doc['features'], { c: true });
  applyEdit(doc, ['model', 'a', 'b'], 1, 'replace');
  assert.deepEqual(doc['model'], { a: { b: 1 } });
  const flat: TomlTable = { model: 'x' };
  assert.throws(() => applyEdit(flat, ['model', 'sub'], 1, 'replace'), refused('configValidationError', 'cannot set value on non-table parent'));
  applyEdit(flat, ['gone'], undefined, 'replace');
  assert.throws(() => applyEdit(flat, ['no', 'parent'], undefined, 'replace'), refused('configPathNotFound', 'Path not found'));
});

test('JSON values without a TOML counterpart are refused', () => {
  assert.throws(() => tomlFromJson({ a: [1, null] }), refused('configValidationError', 'invalid value: invalid type: null, expected any valid TOML value'));
  assert.throws(() => tomlFromJson(2 ** 63), refused('configValidationError', 'invalid value: u64 value was too large'));
  assert.deepEqual(tomlFromJson({ a: [1, 'b', { c: 2.5 }] }), { a: [1, 'b', { c: 2.5 }] });
});

test('a write checks the result, reports an override, and writes through a symlinked file', () => {
  const dir = home();
  const real = join(dir, 'real.toml');
  writeFileSync(real, 'model = "a" # mine\n');
  symlinkSync(real, join(dir, 'config.toml'));
  const result = writeConfig(options(dir, ['model_verbosity=high']), { edits: [edit('model', 'b'), edit('model_verbosity', 'low')] });
  assert.equal(result.status, 'okOverridden');
  assert.deepEqual(result.overriddenMetadata, {
    message: 'Overridden by session flags',
    overridingLayer: { name: { type: 'sessionFlags' }, version: result.overriddenMetadata!.overridingLayer.version },
    effectiveValue: 'high',
  });
  assert.equal(readFileSync(real, 'utf8'), 'model = "b" # mine\nmodel_verbosity = "low"\n');
  assert.throws(
    () => writeConfig(options(dir), { edits: [edit('approval_policy', 'sometimes')] }),
    refused('configValidationError', /^Invalid configuration: unknown variant `sometimes`, .*\nin `approval_policy`\n$/s),
  );
  assert.throws(() => writeConfig(options(dir), { edits: [edit('', 1)] }), refused('configValidationError', 'keyPath must not be empty'));
  assert.throws(
    () => writeConfig(options(dir), { edits: [edit('model', 'c')], filePath: join(dir, 'other.toml') }),
    refused('configLayerReadonly', 'Only writes to the user config are allowed'),
  );
  assert.equal(readFileSync(real, 'utf8'), 'model = "b" # mine\nmodel_verbosity = "low"\n');
});

test('a file that does not parse is a failure of the load, not of the edit', () => {
  const dir = home('model = \n');
  assert.throws(() => writeConfig(options(dir), { edits: [edit('model', 'b')] }), /^Error: failed to load configuration: .*config\.toml:1:/);
});

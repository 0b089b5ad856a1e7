import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from './errors.ts';
import { featureToggleOverrides, overridesLayer, parseOverride } from './overrides.ts';

// Expected values below were observed on codex-cli 0.113.0 (`config/read` with includeLayers).
test('values parse as TOML, else are literal strings with outer quotes removed', () => {
  const cases: [string, unknown][] = [
    ['model="o3"', 'o3'],
    ['model=o3', 'o3'],
    ['n=42', 42],
    ['f=1.5', 1.5],
    ['b=true', true],
    ['h=[1,"a"]', [1, 'a']],
    ['q={a=1}', { a: 1 }],
    ['z=hello world', 'hello world'],
    ['a="abc', 'abc'],
    [`b='x y'z'`, "x y'z"],
    ['j="a"b', 'a"b'],
    ['i=', ''],
    ['e=1979-05-27', '1979-05-27'],
  ];
  for (const [raw, value] of cases) assert.deepEqual(parseOverride(raw).value, value, raw);
});

test('the key is trimmed as a whole and split on every dot', () => {
  assert.deepEqual(parseOverride(' c . d = 4 '), { path: ['c ', ' d'], value: 4 });
  assert.deepEqual(parseOverride('model_providers.x={base_url="http://h"}'), {
    path: ['model_providers', 'x'],
    value: { base_url: 'http://h' },
  });
  assert.deepEqual(parseOverride('a=b=c').value, 'b=c');
});

test('a missing = or an empty key is refused with the reference wording', () => {
  assert.throws(() => parseOverride('model'), (err: ConfigError) => err.detail === "Invalid override (missing '='): model");
  assert.throws(() => parseOverride('=3'), (err: ConfigError) => err.detail === 'Empty key in override: =3');
});

test('overrides build one layer, later ones winning and replacing scalars in their way', () => {
  const layer = overridesLayer(
    ['model=a', 'x.y=[1,2]', 'model=b', 'sandbox_workspace_write.network_access=true', 's=1', 's.t=2'].map(parseOverride),
  );
  assert.deepEqual(layer, { model: 'b', x: { y: [1, 2] }, sandbox_workspace_write: { network_access: true }, s: { t: 2 } });
});

test('--enable/--disable become features overrides, disables last; unknown names refused', () => {
  assert.deepEqual(featureToggleOverrides(['undo', 'collab'], ['shell_tool']), [
    { path: ['features', 'undo'], value: true },
    { path: ['features', 'collab'], value: true },
    { path: ['features', 'shell_tool'], value: false },
  ]);
  assert.throws(() => featureToggleOverrides(['bogus_feature'], []), /Unknown feature flag: bogus_feature/);
});

test('a __proto__ key stays an own property', () => {
  const layer = overridesLayer([parseOverride('__proto__.polluted=1')]);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.deepEqual(Object.keys(layer), ['__proto__']);
});

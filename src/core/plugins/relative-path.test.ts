import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveDotSlash } from './relative-path.ts';

test('paths must start with ./ and stay below the root', () => {
  assert.deepEqual(resolveDotSlash('/r', './a/b.png'), { ok: true, path: '/r/a/b.png' });
  assert.deepEqual(resolveDotSlash('/r', './a//./b'), { ok: true, path: '/r/a/b' });
  assert.deepEqual(resolveDotSlash('/r', 'a.png'), { ok: false, why: 'prefix' });
  assert.deepEqual(resolveDotSlash('/r', '/abs.png'), { ok: false, why: 'prefix' });
  assert.deepEqual(resolveDotSlash('/r', './'), { ok: false, why: 'empty' });
  assert.deepEqual(resolveDotSlash('/r', './../up.png'), { ok: false, why: 'escapes' });
  assert.deepEqual(resolveDotSlash('/r', './a/../../b'), { ok: false, why: 'escapes' });
  assert.deepEqual(resolveDotSlash('/r', './/etc'), { ok: false, why: 'escapes' });
});

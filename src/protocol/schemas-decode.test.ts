import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode } from './decode.ts';
import { CORPUS } from './decode-corpus.ts';
import { CLIENT_REQUESTS } from './methods.ts';

// The corpus records how the reference binary answered malformed params. Our schemas must carry
// every serde fact needed to give the same answers (field order, path strings, tags, defaults…).
test('our params schemas decode the reference corpus like the reference', () => {
  const specs = new Map(CLIENT_REQUESTS.map((s) => [s.method, s]));
  const wrong: string[] = [];
  for (const [method, params, expected] of CORPUS) {
    const schema = specs.get(method)?.params;
    assert.ok(schema, method);
    const result = decode(schema, JSON.parse(params));
    const got = result.ok ? null : result.message;
    if (got !== expected) wrong.push(`${method} ${params}\n  expected: ${expected}\n  got:      ${got}`);
  }
  assert.deepEqual(wrong, []);
});

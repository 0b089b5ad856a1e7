import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeFloat, encodeKey, encodeString, encodeValue } from './encode.ts';

// Each expectation is what the reference wrote into config.toml for the same value.

test('strings take the simplest form that can hold them', () => {
  const cases: [string, string][] = [
    ['a"b', `'a"b'`],
    ["it's", `"it's"`],
    ['multi\nline', '"""\nmulti\nline"""'],
    ['tab\there', '"tab\\there"'],
    ['ctrl\u0001x', '"ctrl\\u0001x"'],
    ['back\\slash', "'back\\slash'"],
    ["back\\slash'q", "'''back\\slash'q'''"],
    ["back\\ '''x", `"back\\\\ '''x"`],
    ["ends'", `"ends'"`],
    ['cr\r\n', '"""\ncr\\r\n"""'],
    ['del\u007f', '"del\\u007F"'],
    ['', '""'],
    ["back\\\nnl'", "'''\nback\\\nnl''''"],
    ['u\u2028x', '"u\u2028x"'],
    ['quote" back\\ nl\n tab\t uni é', "'''\nquote\" back\\ nl\n tab\t uni é'''"],
  ];
  for (const [value, expected] of cases) assert.equal(encodeString(value), expected, JSON.stringify(value));
});

test('keys are bare when they can be', () => {
  const cases: [string, string][] = [
    ['bare-key_1', 'bare-key_1'],
    ['with space', '"with space"'],
    ['dot.ted', '"dot.ted"'],
    ['quo"te', `'quo"te'`],
    ['back\\slash', "'back\\slash'"],
    ['', '""'],
    ['é', '"é"'],
    ['/tmp/some path', '"/tmp/some path"'],
  ];
  for (const [key, expected] of cases) assert.equal(encodeKey(key), expected, key);
});

test('floats are written out without exponents', () => {
  assert.equal(encodeFloat(1e-7), '0.0000001');
  assert.equal(encodeFloat(1e21), '1000000000000000000000.0');
  assert.equal(encodeFloat(0.1), '0.1');
  assert.equal(encodeFloat(-2.5), '-2.5');
  assert.equal(encodeFloat(123456789.125), '123456789.125');
  assert.equal(encodeFloat(5e-324), `0.${'0'.repeat(323)}5`);
  assert.equal(encodeFloat(1e300), `1${'0'.repeat(300)}.0`);
});

test('arrays and tables inside values are inline, tables with sorted keys', () => {
  assert.equal(encodeValue([1, 'two', { three: 3 }]), '[1, "two", { three = 3 }]');
  assert.equal(encodeValue({ b: [], a: {} }), '{ a = {}, b = [] }');
  assert.equal(encodeValue(12345678901234), '12345678901234');
  assert.equal(encodeValue(1.5), '1.5');
  assert.equal(encodeValue(2 ** 64), '18446744073709552000.0');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { permissionProfileDecoder } from '../../../src/tools/permissions/args.ts';
import { parseArgs, type ArgsSpec } from '../../../src/tools/shell/args.ts';

const EXEC: ArgsSpec = {
  struct: 'ExecCommandArgs',
  fields: {
    cmd: { kind: 'string', required: true },
    tty: { kind: 'bool' },
    login: { kind: 'bool' },
    yield_time_ms: { kind: 'u64' },
    max_output_tokens: { kind: 'usize' },
    sandbox_permissions: { kind: 'sandboxPermissions' },
    additional_permissions: { decode: permissionProfileDecoder((path) => `/abs/${path}`) },
  },
};
const WRITE: ArgsSpec = { struct: 'WriteStdinArgs', fields: { session_id: { kind: 'i32', required: true } } };

// Every message below is what the reference answered the same arguments with.
const CASES: [ArgsSpec, string, string][] = [
  [EXEC, '{}', 'missing field `cmd` at line 1 column 2'],
  [EXEC, '{"cmd":"echo err >&2; sleep 0.05; echo out","yield_time_ms":"abc"}', 'invalid type: string "abc", expected u64 at line 1 column 65'],
  [EXEC, '{"cmd":"echo hi","yield_time_ms":-5}', 'invalid value: integer `-5`, expected u64 at line 1 column 35'],
  [EXEC, '{bad json', 'key must be a string at line 1 column 2'],
  [EXEC, '{"cmd":null}', 'invalid type: null, expected a string at line 1 column 11'],
  [EXEC, '"x"', 'invalid type: string "x", expected struct ExecCommandArgs at line 1 column 3'],
  [EXEC, '{"cmd":"a","cmd":"b"}', 'duplicate field `cmd` at line 1 column 16'],
  [EXEC, '{"cmd":"a"} x', 'trailing characters at line 1 column 13'],
  [EXEC, '{"cmd":"a",}', 'trailing comma at line 1 column 12'],
  [EXEC, '{"cmd":"a","yield_time_ms":1.5}', 'invalid type: floating point `1.5`, expected u64 at line 1 column 30'],
  [EXEC, '{"cmd":"a","yield_time_ms":5.0}', 'invalid type: floating point `5.0`, expected u64 at line 1 column 30'],
  [EXEC, '{"cmd":"a","login":"yes"}', 'invalid type: string "yes", expected a boolean at line 1 column 24'],
  [EXEC, '{"cmd":"a","tty":1}', 'invalid type: integer `1`, expected a boolean at line 1 column 18'],
  [EXEC, '{"cmd":["a"]}', 'invalid type: sequence, expected a string at line 1 column 7'],
  [EXEC, '{"cmd":"a","sandbox_permissions":"nope"}', 'unknown variant `nope`, expected one of `use_default`, `require_escalated`, `with_additional_permissions` at line 1 column 39'],
  [EXEC, '{"cmd":"a","max_output_tokens":-1}', 'invalid value: integer `-1`, expected usize at line 1 column 33'],
  [EXEC, '', 'EOF while parsing a value at line 1 column 0'],
  [EXEC, '{"cmd":"a" "x":1}', 'expected `,` or `}` at line 1 column 12'],
  [EXEC, '{"cmd":tru}', 'expected ident at line 1 column 11'],
  [EXEC, '{"cmd":"a\\q"}', 'invalid escape at line 1 column 11'],
  [EXEC, '{"cmd": "echo v10", "sandbox_permissions": "with_additional_permissions", "additional_permissions": {"network": {"enabled": "yes"}}}', 'invalid type: string "yes", expected a boolean at line 1 column 129'],
  [EXEC, '{"cmd": "echo v12", "sandbox_permissions": "with_additional_permissions", "additional_permissions": "x"}', 'invalid type: string "x", expected struct PermissionProfile at line 1 column 103'],
  [EXEC, '{"cmd": "echo v16", "sandbox_permissions": "bogus", "additional_permissions": {"network": {"enabled": true}}}', 'unknown variant `bogus`, expected one of `use_default`, `require_escalated`, `with_additional_permissions` at line 1 column 50'],
  [EXEC, '{"cmd": "echo v17", "sandbox_permissions": "with_additional_permissions", "additional_permissions": {"file_system": {"write": 5}}}', 'invalid type: integer `5`, expected a sequence at line 1 column 127'],
  [EXEC, '{"cmd": "echo v18", "sandbox_permissions": "with_additional_permissions", "additional_permissions": {"file_system": {"write": [5]}}}', 'invalid type: integer `5`, expected path string at line 1 column 128'],
  [WRITE, '{"chars":"x"}', 'missing field `session_id` at line 1 column 13'],
  [WRITE, '{"session_id":"7"}', 'invalid type: string "7", expected i32 at line 1 column 17'],
  [WRITE, '{"session_id":3000000000}', 'invalid value: integer `3000000000`, expected i32 at line 1 column 24'],
];

test('bad arguments get serde_json words and positions', () => {
  for (const [spec, text, message] of CASES) {
    assert.deepEqual(parseArgs(text, spec), { ok: false, message: `failed to parse function arguments: ${message}` }, text);
  }
});

test('good arguments come back as given; unknown fields and nulls in optional ones are fine', () => {
  assert.deepEqual(parseArgs('{"cmd":"ls","tty":true,"extra":[1],"login":null}', EXEC), { ok: true, value: { cmd: 'ls', tty: true, login: null } });
  assert.deepEqual(parseArgs('{"session_id":42}', WRITE), { ok: true, value: { session_id: 42 } });
});

test('additional_permissions is read as a permission profile; null is none', () => {
  const parsed = parseArgs('{"cmd":"ls","additional_permissions":{"file_system":{"write":["out"]},"bogus":1}}', EXEC);
  assert.deepEqual(parsed, { ok: true, value: { cmd: 'ls', additional_permissions: { network: null, fileSystem: { read: null, write: ['/abs/out'] }, macos: null } } });
  assert.deepEqual(parseArgs('{"cmd":"ls","additional_permissions":null}', EXEC), { ok: true, value: { cmd: 'ls', additional_permissions: null } });
});

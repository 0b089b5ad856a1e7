/**
 * decode.ts against the reference: every expected message below was produced by the real
 * `codex app-server` 0.113.0 (the text after `Invalid request: `; OK = the params decoded).
 * Schemas come from the reference JSON Schema bundle (see decode-fixture.ts), so these tests do not
 * depend on our own protocol schemas.
 *
 * Run: node --import tsx --test src/protocol/decode.test.ts
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { createDecoder, decode, MISSING_PARAMS_MESSAGE, UNIT_PARAMS_SCHEMA } from './decode.ts';
import { CORPUS } from './decode-corpus.ts';
import { loadReferenceSchemas } from './decode-fixture.ts';
import { floatText, rustDebugString } from './decode-format.ts';

const reference = loadReferenceSchemas();
const options = { resolveRef: reference.resolveRef };

/** The params schema of a client request method, as the reference bundle declares it. */
const paramsSchemas = new Map<string, object>();
for (const variant of (reference.definitions.ClientRequest as { oneOf: Array<{ properties: Record<string, any> }> }).oneOf) {
  paramsSchemas.set(variant.properties.method.enum[0], variant.properties.params);
}
function paramsSchema(method: string): object {
  const schema = paramsSchemas.get(method);
  assert.ok(schema, `unknown method ${method}`);
  return schema;
}

/** The message decode gives for `params` (JSON text, sent as is to the reference), or OK. */
function decodeParams(method: string, params: string): string {
  const result = decode(paramsSchema(method), JSON.parse(params), options);
  return result.ok ? OK : result.message;
}

const OK = 'OK';

// [method, params exactly as sent, what the reference answered]
const VERIFIED: ReadonlyArray<readonly [string, string, string]> = [
  // facts from the brief
  ['thread/start', '{"cwd":42}', 'invalid type: integer `42`, expected a string'],
  ['thread/start', '{"cwd":42,"model":5}', 'invalid type: integer `42`, expected a string'],
  ['thread/start', '{"model":5,"cwd":42}', 'invalid type: integer `5`, expected a string'],
  ['turn/start', '{"input":[{"type":"text","text":"x"}]}', 'missing field `threadId`'],
  ['turn/start', '{"input":[{"type":"bogus"}]}', 'unknown variant `bogus`, expected one of `text`, `image`, `localImage`, `skill`, `mention`'],
  ['turn/start', '{"threadId":"x","input":[{"type":"text"}]}', 'missing field `text`'],
  ['thread/loaded/list', '{"limit":-1}', 'invalid value: integer `-1`, expected u32'],
  ['thread/list', '{"limit":1.5}', 'invalid type: floating point `1.5`, expected u32'],
  ['thread/list', '{"limit":"3"}', 'invalid type: string "3", expected u32'],
  ['thread/start', '{"approvalPolicy":"bogus"}', 'unknown variant `bogus`, expected one of `untrusted`, `on-failure`, `on-request`, `reject`, `never`'],
  ['thread/start', '{"approvalPolicy":{"x":1}}', 'unknown variant `x`, expected one of `untrusted`, `on-failure`, `on-request`, `reject`, `never`'],
  ['thread/start', '[]', 'invalid length 0, expected struct ThreadStartParams with 16 elements'],
  ['thread/read', '{"threadId":null}', 'invalid type: null, expected a string'],
  ['thread/start', '{"cwd":null,"model":null,"approvalPolicy":null,"serviceTier":null}', OK],
  ['thread/start', '{}', OK],
  // structs
  ['turn/start', '{}', 'missing field `threadId`'],
  ['turn/start', '{"input":5}', 'invalid type: integer `5`, expected a sequence'],
  ['turn/start', '{"input":{}}', 'invalid type: map, expected a sequence'],
  ['thread/read', '"x"', 'invalid type: string "x", expected struct ThreadReadParams'],
  ['thread/read', '5', 'invalid type: integer `5`, expected struct ThreadReadParams'],
  ['thread/read', 'true', 'invalid type: boolean `true`, expected struct ThreadReadParams'],
  ['thread/read', '{"threadId":"x","includeTurns":"yes"}', 'invalid type: string "yes", expected a boolean'],
  ['thread/read', '{"includeTurns":true}', 'missing field `threadId`'],
  ['thread/read', '{"threadId":"x","unknownField":{"anything":[1,2]}}', OK], // decodes; fails later in the handler
  ['initialize', '{"clientInfo":{"name":"x"}}', 'missing field `version`'],
  ['initialize', '{"capabilities":null}', 'missing field `clientInfo`'],
  ['initialize', '{"clientInfo":{"name":"x","version":"1"},"capabilities":{"experimentalApi":"yes"}}', 'invalid type: string "yes", expected a boolean'],
  ['initialize', '{"clientInfo":{"name":"x","version":"1"},"capabilities":{"optOutNotificationMethods":[1]}}', 'invalid type: integer `1`, expected a string'],
  ['thread/name/set', '{"threadId":"x"}', 'missing field `name`'],
  ['thread/rollback', '{"threadId":"x","numTurns":-3}', 'invalid value: integer `-3`, expected u32'],
  ['thread/compact/start', '{}', 'missing field `threadId`'],
  ['model/list', '{"limit":true}', 'invalid type: boolean `true`, expected u32'],
  ['model/list', '{"cursor":5}', 'invalid type: integer `5`, expected a string'],
  ['config/read', '{"includeLayers":1}', 'invalid type: integer `1`, expected a boolean'],
  ['config/value/write', '{"keyPath":"model"}', 'missing field `value`'],
  ['config/value/write', '{"keyPath":"model","value":"x","mergeStrategy":"append"}', 'unknown variant `append`, expected `replace` or `upsert`'],
  ['config/batchWrite', '{"edits":[{"keyPath":"a"}]}', 'missing field `value`'],
  ['fuzzyFileSearch', '{"query":"x","roots":"/"}', 'invalid type: string "/", expected a sequence'],
  ['command/exec', '{"command":"ls"}', 'invalid type: string "ls", expected a sequence'],
  ['command/exec', '{"command":["true"],"env":{"A":5}}', 'invalid type: integer `5`, expected a string'],
  ['command/exec', '{"command":["true"],"env":[]}', 'invalid type: sequence, expected a map'],
  ['command/exec', '{"command":["true"],"env":{"A":null}}', OK],
  ['command/exec/resize', '{"processId":"p","size":{"rows":65536,"cols":1}}', 'invalid value: integer `65536`, expected u16'],
  ['command/exec/resize', '{"processId":"p","size":{"rows":1}}', 'missing field `cols`'],
  ['command/exec/write', '{"processId":5}', 'invalid type: integer `5`, expected a string'],
  ['collaborationMode/list', '{"a":1}', OK],
  ['collaborationMode/list', '[1]', 'invalid length 1, expected 0 elements in sequence'],
  ['collaborationMode/list', '"x"', 'invalid type: string "x", expected struct CollaborationModeListParams'],
  ['thread/start', '{"config":5}', 'invalid type: integer `5`, expected a map'],
  ['thread/start', '{"dynamicTools":[{"name":"t","description":"d"}]}', 'missing field `inputSchema`'],
  ['thread/start', '{"dynamicTools":[{"name":"t","description":"d","inputSchema":null}]}', OK], // decodes; fails later in the handler
  // array form of a struct
  ['thread/read', '[]', 'invalid length 0, expected struct ThreadReadParams with 2 elements'],
  ['thread/read', '["x",true,5]', 'invalid length 3, expected 2 elements in sequence'],
  ['thread/start', '["m"]', 'invalid length 1, expected struct ThreadStartParams with 16 elements'],
  ['thread/start', '["x","x"]', 'invalid length 3, expected struct ThreadStartParams with 16 elements'],
  ['thread/start', '[null,null,null,null,null,null,null,null,null,null,null,null,null,null]', OK],
  ['thread/start', '[null,null,null,null,null,null,null,null,null,null,null,null,null,null,false,false,1]', 'invalid length 17, expected 16 elements in sequence'],
  ['command/exec', '[[],"x"]', 'invalid length 5, expected struct CommandExecParams with 13 elements'],
  ['collaborationMode/list', '[]', OK],
  // numbers
  ['thread/list', '{"limit":4294967296}', 'invalid value: integer `4294967296`, expected u32'],
  ['thread/list', '{"limit":123456789012345680}', 'invalid value: integer `123456789012345680`, expected u32'],
  ['thread/list', '{"limit":-0}', 'invalid type: floating point `-0.0`, expected u32'],
  ['thread/list', '{"limit":1e100}', 'invalid type: floating point `1e+100`, expected u32'],
  ['thread/list', '{"limit":0.000001}', 'invalid type: floating point `1e-6`, expected u32'],
  ['thread/list', '{"limit":1.5e+300}', 'invalid type: floating point `1.5e+300`, expected u32'],
  ['thread/list', '{"limit":1e21}', 'invalid type: floating point `1e+21`, expected u32'],
  ['thread/list', '{"limit":-1.25e-7}', 'invalid type: floating point `-1.25e-7`, expected u32'],
  ['thread/list', '{"limit":18446744073709551616}', 'invalid type: floating point `1.8446744073709552e+19`, expected u32'],
  ['thread/list', '{"limit":4294967295}', OK],
  ['command/exec', '{"command":["true"],"timeoutMs":9223372036854776000}', 'invalid value: integer `9223372036854776000`, expected i64'],
  ['command/exec', '{"command":["true"],"timeoutMs":-9223372036854776000}', 'invalid type: floating point `-9.223372036854776e+18`, expected i64'],
  ['command/exec', '{"command":["true"],"outputBytesCap":-1}', 'invalid value: integer `-1`, expected usize'],
  ['command/exec', '{"command":["true"],"timeoutMs":"5"}', 'invalid type: string "5", expected i64'],
  // strings
  ['thread/list', '{"limit":"a\\"b\\\\c\\n\\u0001\\u00e9\\u00a0\\u0301\\ud83d\\ude00\'\\u200b\\u2028\\t\\u0000\\u007f"}', 'invalid type: string "a\\"b\\\\c\\n\\u{1}é\\u{a0}\\u{301}😀\'\\u{200b}\\u{2028}\\t\\0\\u{7f}", expected u32'],
  ['thread/list', '{"limit":""}', 'invalid type: string "", expected u32'],
  // externally tagged enums
  ['thread/start', '{"approvalPolicy":5}', 'invalid type: integer `5`, expected string or map'],
  ['thread/start', '{"approvalPolicy":null}', OK],
  ['thread/start', '{"approvalPolicy":"reject"}', 'invalid type: unit variant, expected struct variant'],
  ['thread/start', '{"approvalPolicy":{"reject":5}}', 'invalid type: integer `5`, expected struct variant'],
  ['thread/start', '{"approvalPolicy":{"reject":[]}}', 'invalid length 0, expected struct variant AskForApproval::Reject with 3 elements'],
  ['thread/start', '{"approvalPolicy":{"reject":[true,false]}}', 'invalid length 2, expected struct variant AskForApproval::Reject with 3 elements'],
  ['thread/start', '{"approvalPolicy":{"reject":{}}}', 'missing field `sandbox_approval`'],
  ['thread/start', '{"approvalPolicy":{"reject":{"mcp_elicitations":true,"rules":1}}}', 'invalid type: integer `1`, expected a boolean'],
  ['thread/start', '{"approvalPolicy":{"never":null}}', OK],
  ['thread/start', '{"approvalPolicy":{"never":{}}}', OK],
  ['thread/start', '{"approvalPolicy":{"never":1}}', 'invalid type: integer `1`, expected unit'],
  ['thread/start', '{"approvalPolicy":{}}', 'invalid value: map, expected map with a single key'],
  ['thread/start', '{"approvalPolicy":{"never":null,"untrusted":null}}', 'invalid value: map, expected map with a single key'],
  ['thread/start', '{"personality":"x"}', 'unknown variant `x`, expected one of `none`, `friendly`, `pragmatic`'],
  ['thread/start', '{"personality":[]}', 'invalid type: sequence, expected string or map'],
  ['thread/start', '{"serviceTier":"slow"}', 'unknown variant `slow`, expected `fast` or `flex`'],
  ['thread/start', '{"sandbox":"Read-Only"}', 'unknown variant `Read-Only`, expected one of `read-only`, `workspace-write`, `danger-full-access`'],
  ['turn/start', '{"threadId":"x","input":[],"summary":"short"}', 'unknown variant `short`, expected one of `auto`, `concise`, `detailed`, `none`'],
  ['turn/start', '{"threadId":"x","input":[],"effort":"max"}', 'unknown variant `max`, expected one of `none`, `minimal`, `low`, `medium`, `high`, `xhigh`'],
  ['turn/start', '{"threadId":"x","input":[],"collaborationMode":{"mode":"x","settings":{"model":"m"}}}', 'unknown variant `x`, expected one of `plan`, `code`, `custom`, `default`, `execute`, `pair_programming`'],
  ['turn/start', '{"threadId":"x","input":[],"collaborationMode":{"mode":"code","settings":{"model":"m"}}}', OK], // decodes; fails later in the handler
  ['review/start', '{"threadId":"x","target":{"type":"uncommittedChanges"},"delivery":"email"}', 'unknown variant `email`, expected `inline` or `detached`'],
  // internally tagged enums
  ['turn/start', '{"threadId":"x","input":[5]}', 'invalid type: integer `5`, expected internally tagged enum UserInput'],
  ['turn/start', '{"threadId":"x","input":[null]}', 'invalid type: null, expected internally tagged enum UserInput'],
  ['turn/start', '{"threadId":"x","input":["text"]}', 'invalid type: string "text", expected internally tagged enum UserInput'],
  ['turn/start', '{"threadId":"x","input":[{}]}', 'missing field `type`'],
  ['turn/start', '{"threadId":"x","input":[[]]}', 'missing field `type`'],
  ['turn/start', '{"threadId":"x","input":[["text"]]}', 'invalid length 0, expected struct variant UserInput::Text with 2 elements'],
  ['turn/start', '{"threadId":"x","input":[["text","hi",[],1]]}', 'invalid length 3, expected 2 elements in sequence'],
  ['turn/start', '{"threadId":"x","input":[{"type":true,"text":"x"}]}', 'invalid type: boolean `true`, expected variant identifier'],
  ['turn/start', '{"threadId":"x","input":[{"type":-1,"text":"x"}]}', 'invalid type: integer `-1`, expected variant identifier'],
  ['turn/start', '{"threadId":"x","input":[{"type":7,"text":"x"}]}', 'invalid value: integer `7`, expected variant index 0 <= i < 5'],
  ['turn/start', '{"threadId":"x","input":[{"type":0,"text":"x"}]}', OK], // decodes; fails later in the handler
  ['turn/start', '{"threadId":"x","input":[{"text":5,"type":"text"}]}', 'invalid type: integer `5`, expected a string'],
  ['turn/start', '{"threadId":"x","input":[{"type":"text","text":"x","text_elements":[{"byteRange":{"start":-1,"end":2}}]}]}', 'invalid value: integer `-1`, expected usize'],
  ['turn/start', '{"threadId":"x","input":[{"type":"image"}]}', 'missing field `url`'],
  ['turn/start', '{"threadId":"x","input":[{"type":"skill","path":"/p"}]}', 'missing field `name`'],
  ['turn/start', '{"threadId":"x","input":[],"sandboxPolicy":{"type":"readOnly","access":{"type":"partial"}}}', 'unknown variant `partial`, expected `restricted` or `fullAccess`'],
  ['turn/start', '{"threadId":"x","input":[],"sandboxPolicy":{"type":"workspaceWrite","writableRoots":["rel"]}}', 'AbsolutePathBuf deserialized without a base path'],
  ['review/start', '{"threadId":"x","target":["uncommittedChanges",1]}', 'invalid length 1, expected 0 elements in sequence'],
  ['review/start', '{"threadId":"x","target":{"type":"baseBranch"}}', 'missing field `branch`'],
  ['review/start', '{"threadId":"x","target":["baseBranch"]}', 'invalid length 0, expected struct variant ReviewTarget::BaseBranch with 1 element'],
  ['review/start', '{"threadId":"x","target":{"type":"commit","sha":"abc","title":7}}', 'invalid type: integer `7`, expected a string'],
  ['account/login/start', '{"type":"bogus"}', 'unknown variant `bogus`, expected one of `apiKey`, `chatgpt`, `chatgptAuthTokens`'],
  ['account/login/start', '{}', 'missing field `type`'],
  ['account/login/start', '["apiKey"]', 'invalid length 0, expected struct variant LoginAccountParams::ApiKey with 1 element'],
  ['account/login/start', '{"type":"apiKey"}', 'missing field `apiKey`'],
  ['account/login/start', '{"type":"chatgptAuthTokens","accessToken":"a"}', 'missing field `chatgptAccountId`'],
  // serde(other), newtype variants, untagged enums (thread/resume history)
  ['thread/resume', '{"threadId":"x","history":[{"type":"bogus","anything":1}]}', OK],
  ['thread/resume', '{"threadId":"x","history":[{"type":99}]}', OK],
  ['thread/resume', '{"threadId":"x","history":[["bogus",1,2]]}', 'invalid length 2, expected 0 elements in sequence'],
  ['thread/resume', '{"threadId":"x","history":[{"type":"message"}]}', 'missing field `role`'],
  ['thread/resume', '{"threadId":"x","history":[{"type":"reasoning","summary":[{"type":"x","text":"t"}]}]}', 'unknown variant `x`, expected `summary_text`'],
  ['thread/resume', '{"threadId":"x","history":[{"type":"local_shell_call","status":"completed","action":["exec"]}]}', 'invalid length 0, expected struct LocalShellExecAction with 5 elements'],
  ['thread/resume', '{"threadId":"x","history":[{"type":"web_search_call","action":42}]}', 'invalid type: integer `42`, expected internally tagged enum WebSearchAction'],
  ['thread/resume', '{"threadId":"x","history":[{"type":"web_search_call","action":{"type":"bogus"}}]}', OK],
  ['thread/resume', '{"threadId":"x","history":[{"type":"function_call_output","call_id":"c","output":"done"}]}', OK],
  ['thread/resume', '{"threadId":"x","history":[{"type":"function_call_output","call_id":"c","output":[{"type":"input_text","text":"t"}]}]}', OK],
  ['thread/resume', '{"threadId":"x","history":[{"type":"function_call_output","call_id":"c","output":{"body":"done"}}]}', 'data did not match any variant of untagged enum FunctionCallOutputBody'],
  ['thread/resume', '{"threadId":"x","history":[{"type":"function_call_output","call_id":"c","output":42}]}', 'data did not match any variant of untagged enum FunctionCallOutputBody'],
  // paths
  ['turn/start', '{"threadId":"x","input":[],"cwd":42}', 'invalid type: integer `42`, expected path string'],
  ['thread/fork', '{"threadId":"x","path":false}', 'invalid type: boolean `false`, expected path string'],
  ['skills/list', '{"cwds":[null]}', 'invalid type: null, expected path string'],
  ['plugin/list', '{"cwds":["relative/dir"]}', 'AbsolutePathBuf deserialized without a base path'],
  ['plugin/list', '{"cwds":["~"]}', 'AbsolutePathBuf deserialized without a base path'],
  ['plugin/list', '{"cwds":["/abs/../dir"]}', OK],
  ['plugin/list', '{"cwds":[5]}', 'invalid type: integer `5`, expected path string'],
  ['plugin/install', '{"marketplacePath":"x","pluginName":5}', 'AbsolutePathBuf deserialized without a base path'],
  // methods without params
  ['account/logout', '{}', OK],
  ['account/logout', 'null', OK],
  ['account/logout', '{"a":1}', 'invalid type: map, expected unit'],
  ['account/logout', '[]', 'invalid type: sequence, expected unit'],
  ['account/logout', '5', 'invalid type: integer `5`, expected unit'],
  ['account/logout', '"x"', 'invalid type: string "x", expected unit'],
  ['config/mcpServer/reload', '{"a":1}', 'invalid type: map, expected unit'],
];

describe('decode: messages verified against codex app-server 0.113.0', () => {
  for (const [method, params, expected] of VERIFIED) {
    test(`${method} ${params}`, () => {
      assert.equal(decodeParams(method, params), expected);
    });
  }
});

describe('decode: regression corpus from the differential run', () => {
  test(`${CORPUS.length} requests answered like the reference`, () => {
    const wrong: string[] = [];
    for (const [method, params, expected] of CORPUS) {
      const got = decodeParams(method, params);
      if (got !== (expected ?? OK)) wrong.push(`${method} ${params}\n  expected: ${expected ?? OK}\n  got:      ${got}`);
    }
    assert.deepEqual(wrong, []);
  });
});

describe('decode: result shape and robustness', () => {
  test('returns the input itself on success (no defaults applied)', () => {
    const value = { threadId: 'x' };
    const result = decode(paramsSchema('thread/read'), value, options);
    assert.deepEqual(result, { ok: true, value });
    assert.equal(result.ok && result.value, value);
  });

  test('createDecoder gives the same answers as decode', () => {
    const check = createDecoder(paramsSchema('turn/start'), options);
    assert.deepEqual(check({}), { ok: false, message: 'missing field `threadId`' });
    assert.equal(check({ threadId: 't', input: [] }).ok, true);
  });

  test('methods without params: absent, null and {} pass; anything else is not unit', () => {
    assert.equal(decode(UNIT_PARAMS_SCHEMA, undefined).ok, true);
    assert.equal(decode(UNIT_PARAMS_SCHEMA, null).ok, true);
    assert.equal(decode(UNIT_PARAMS_SCHEMA, {}).ok, true);
    assert.deepEqual(decode(UNIT_PARAMS_SCHEMA, { a: 1 }), { ok: false, message: 'invalid type: map, expected unit' });
    assert.equal(MISSING_PARAMS_MESSAGE, 'missing field `params`');
  });

  test('bigint values (lossless JSON parsers) are integers', () => {
    const limit = (n: bigint) => decode(paramsSchema('thread/list'), { limit: n }, options);
    assert.equal(limit(4294967295n).ok, true);
    assert.deepEqual(limit(4294967296n), { ok: false, message: 'invalid value: integer `4294967296`, expected u32' });
    assert.deepEqual(limit(-1n), { ok: false, message: 'invalid value: integer `-1`, expected u32' });
  });

  // JSON.parse keeps no lexeme: `5.0`/`1e16` become integers and digits beyond 2^53 are lost, so
  // for these texts we cannot answer like the reference (ours assumes the text String(n) gives).
  // Duplicate keys are fine: both keep the last value (verified).
  const IMPRECISE: Array<[string, string, string, string]> = [
    ['thread/list', '{"limit":5.0}', 'invalid type: floating point `5.0`, expected u32', OK],
    ['thread/list', '{"limit":1e16}', 'invalid type: floating point `1e+16`, expected u32', 'invalid value: integer `10000000000000000`, expected u32'],
    ['thread/list', '{"limit":123456789012345678}', 'invalid value: integer `123456789012345678`, expected u32', 'invalid value: integer `123456789012345680`, expected u32'],
    ['command/exec', '{"command":["true"],"timeoutMs":-9223372036854775808}', OK, 'invalid type: floating point `-9.223372036854776e+18`, expected i64'],
    // JS objects list integer-like keys first; the reference visits keys in text order.
    ['command/exec', '{"command":["true"],"env":{"b":5,"1":6}}', 'invalid type: integer `5`, expected a string', 'invalid type: integer `6`, expected a string'],
  ];
  for (const [method, params, reference, ours] of IMPRECISE) {
    test(`known imprecision: ${method} ${params} (reference: ${reference})`, () => {
      assert.equal(decodeParams(method, params), ours);
    });
  }

  test('never throws: unresolvable refs, odd schemas and odd values', () => {
    const odd: unknown[] = [undefined, null, 0, -0, NaN, Infinity, '', [], {}, [[[]]], () => 1, Symbol('s'), 10n];
    const schemas: object[] = [
      { $ref: '#/definitions/Nope' },
      { type: 'wat' },
      { anyOf: [] },
      { oneOf: [{ type: 'null' }] },
      { allOf: [{ properties: { a: { type: 'string' } }, required: ['a'] }, { properties: { b: { type: 'integer' } } }] },
      { type: 'object', properties: { self: { $ref: '#/definitions/ResponseItem' } } },
      ...[...paramsSchemas.values()],
    ];
    for (const schema of schemas) for (const value of odd) assert.doesNotThrow(() => decode(schema, value, options));
    assert.deepEqual(decode({ $ref: '#/definitions/Nope' }, 5, options), { ok: true, value: 5 });
  });

  test('recursive schemas compile (a struct that contains itself)', () => {
    const node: Record<string, unknown> = { title: 'Node', type: 'object', required: ['name'], properties: { name: { type: 'string' } } };
    (node.properties as Record<string, unknown>).children = { type: 'array', items: node };
    assert.deepEqual(decode(node, { name: 'a', children: [{ name: 'b', children: [{}] }] }), { ok: false, message: 'missing field `name`' });
  });
});

/**
 * The shapes our TypeBox schemas must have. Written the TypeBox way (inline, no $ref), with
 * properties and union members in Rust declaration order, `title` = Rust type name; each expected
 * message is one the reference gave (see VERIFIED).
 */
describe('decode: TypeBox-authored schemas', () => {
  const PathString = (opts = {}) => Type.String({ serdeExpected: 'path string', ...opts });
  const ByteRange = Type.Object({ start: Type.Integer({ format: 'uint', minimum: 0 }), end: Type.Integer({ format: 'uint', minimum: 0 }) }, { title: 'ByteRange' });
  const TextElement = Type.Object({ byteRange: ByteRange, placeholder: Type.Optional(Type.Union([Type.String(), Type.Null()])) }, { title: 'TextElement' });
  const UserInput = Type.Union(
    [
      Type.Object({ type: Type.Literal('text'), text: Type.String(), text_elements: Type.Optional(Type.Array(TextElement, { default: [] })) }),
      Type.Object({ type: Type.Literal('image'), url: Type.String() }),
      Type.Object({ type: Type.Literal('localImage'), path: PathString() }),
      Type.Object({ type: Type.Literal('skill'), name: Type.String(), path: PathString() }),
      Type.Object({ type: Type.Literal('mention'), name: Type.String(), path: PathString() }),
    ],
    { title: 'UserInput' },
  );
  // Members in declaration order, so no `serdeVariants` is needed.
  const AskForApproval = Type.Union(
    [
      Type.Literal('untrusted'),
      Type.Literal('on-failure'),
      Type.Literal('on-request'),
      Type.Object({ reject: Type.Object({ sandbox_approval: Type.Boolean(), rules: Type.Boolean(), mcp_elicitations: Type.Boolean() }) }, { additionalProperties: false }),
      Type.Literal('never'),
    ],
    { title: 'AskForApproval' },
  );
  const Nullable = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));
  const TurnStartish = Type.Object(
    {
      threadId: Type.String(),
      input: Type.Array(UserInput),
      cwd: Nullable(PathString()),
      approvalPolicy: Nullable(AskForApproval),
      env: Nullable(Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()]))),
      limit: Nullable(Type.Integer({ format: 'uint32', minimum: 0 })),
    },
    { title: 'TurnStartParams', $id: 'TurnStartParams' },
  );
  const cases: Array<[unknown, string]> = [
    [{}, 'missing field `threadId`'],
    [{ input: [{ type: 'bogus' }] }, 'unknown variant `bogus`, expected one of `text`, `image`, `localImage`, `skill`, `mention`'],
    [{ threadId: 'x', input: [{ type: 'text' }] }, 'missing field `text`'],
    [{ threadId: 'x', input: [5] }, 'invalid type: integer `5`, expected internally tagged enum UserInput'],
    [{ threadId: 'x', input: [['text']] }, 'invalid length 0, expected struct variant UserInput::Text with 2 elements'],
    [{ threadId: 'x', input: [{ type: 7, text: 'x' }] }, 'invalid value: integer `7`, expected variant index 0 <= i < 5'],
    [{ threadId: 'x', input: [{ type: 'text', text: 'x', text_elements: [{ byteRange: { start: -1, end: 2 } }] }] }, 'invalid value: integer `-1`, expected usize'],
    [{ threadId: 'x', input: [], cwd: 42 }, 'invalid type: integer `42`, expected path string'],
    [{ threadId: 'x', input: [], approvalPolicy: 'bogus' }, 'unknown variant `bogus`, expected one of `untrusted`, `on-failure`, `on-request`, `reject`, `never`'],
    [{ threadId: 'x', input: [], approvalPolicy: { reject: [] } }, 'invalid length 0, expected struct variant AskForApproval::Reject with 3 elements'],
    [{ threadId: 'x', input: [], approvalPolicy: 'reject' }, 'invalid type: unit variant, expected struct variant'],
    [{ threadId: 'x', input: [], approvalPolicy: { never: 1 } }, 'invalid type: integer `1`, expected unit'],
    [{ threadId: 'x', input: [], env: { A: 5 } }, 'invalid type: integer `5`, expected a string'],
    [{ threadId: 'x', input: [], env: [] }, 'invalid type: sequence, expected a map'],
    [{ threadId: 'x', input: [], limit: 1.5 }, 'invalid type: floating point `1.5`, expected u32'],
    ['x', 'invalid type: string "x", expected struct TurnStartParams'],
  ];
  for (const [value, expected] of cases) {
    test(`${JSON.stringify(value)} → ${expected}`, () => {
      assert.deepEqual(decode(TurnStartish, value), { ok: false, message: expected });
    });
  }
  test('valid values pass', () => {
    const value = { threadId: 'x', input: [{ type: 'text', text: 'hi' }, { type: 'image', url: 'u' }], cwd: null, approvalPolicy: { reject: { sandbox_approval: true, rules: false, mcp_elicitations: true } }, env: { A: null } };
    assert.equal(decode(TurnStartish, value).ok, true);
    assert.equal(decode(TurnStartish, { threadId: 'x', input: [], approvalPolicy: { never: {} } }).ok, true);
  });
  test('a union member order that differs from the declaration order is fixed with serdeVariants', () => {
    const schemarsStyle = {
      title: 'AskForApproval',
      serdeVariants: ['untrusted', 'on-failure', 'on-request', 'reject', 'never'],
      oneOf: [{ type: 'string', enum: ['untrusted', 'on-failure', 'on-request', 'never'] }, AskForApproval.anyOf[3]],
    };
    assert.deepEqual(decode(schemarsStyle, { x: 1 }), {
      ok: false,
      message: 'unknown variant `x`, expected one of `untrusted`, `on-failure`, `on-request`, `reject`, `never`',
    });
  });
});

// Keywords no 0.113.0 params type needs today; messages follow serde's formats (not binary-verified).
describe('decode: other custom keywords', () => {
  const Point = Type.Object({ x: Type.Integer({ format: 'int32' }), y: Type.Integer({ format: 'int32' }) }, { title: 'Point', serdeAliases: { xx: 'x' } });
  test('serdeAliases on a struct: the alias key fills the field', () => {
    assert.equal(decode(Point, { xx: 1, y: 2 }).ok, true);
    assert.deepEqual(decode(Point, { xx: 'a', y: 2 }), { ok: false, message: 'invalid type: string "a", expected i32' });
  });
  test('serdeDenyUnknownFields', () => {
    const strict = { ...Point, serdeDenyUnknownFields: true };
    assert.deepEqual(decode(strict, { x: 1, z: 2 }), { ok: false, message: 'unknown field `z`, expected `x` or `y`' });
  });
  test('serdeRepr forces an untagged reading of single-key objects', () => {
    const Either = Type.Union([Type.Object({ a: Type.String() }), Type.Object({ b: Type.String() })], { title: 'Either', serdeRepr: 'untagged' });
    assert.equal(decode(Either, { b: 'x' }).ok, true);
    assert.deepEqual(decode(Either, { c: 'x' }), { ok: false, message: 'data did not match any variant of untagged enum Either' });
  });
  test('serdeTag and serdeName', () => {
    const Shape = Type.Union(
      [Type.Object({ kind: Type.Literal('circle'), r: Type.Number() }, { serdeName: 'Round' }), Type.Object({ kind: Type.Literal('square'), side: Type.Number() })],
      { title: 'Shape', serdeTag: 'kind' },
    );
    assert.deepEqual(decode(Shape, ['circle']), { ok: false, message: 'invalid length 0, expected struct variant Shape::Round with 1 element' });
    assert.deepEqual(decode(Shape, { kind: 'square', side: 'x' }), { ok: false, message: 'invalid type: string "x", expected f64' });
  });
});

describe('decode-format', () => {
  test('floats print like serde_json 1.0.149', () => {
    const seen: Array<[number, string]> = [
      [1.5, '1.5'],
      [1e100, '1e+100'],
      [1, '1.0'],
      [-0, '-0.0'],
      [0.000001, '1e-6'],
      [0.00001, '0.00001'],
      [1e16, '1e+16'],
      [1e15, '1000000000000000.0'],
      [2 ** 64, '1.8446744073709552e+19'],
      [-(2 ** 63), '-9.223372036854776e+18'],
      [123.456, '123.456'],
    ];
    for (const [n, text] of seen) assert.equal(floatText(n), text, String(n));
  });
  test('strings print like Rust Debug', () => {
    assert.equal(rustDebugString('plain'), '"plain"');
    assert.equal(rustDebugString('a"b\\c\n\u0001é\u00a0\u0301😀\'\u200b\u2028\t\u0000\u007f'), '"a\\"b\\\\c\\n\\u{1}é\\u{a0}\\u{301}😀\'\\u{200b}\\u{2028}\\t\\0\\u{7f}"');
  });
});

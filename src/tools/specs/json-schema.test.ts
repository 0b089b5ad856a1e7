import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dynamicTool } from './dynamic-tool.ts';
import { UnsupportedSchemaError } from './json-schema.ts';
import { mcpTool } from './mcp-tool.ts';

// Expected values are what codex-cli 0.113.0 sent the model for the same client schemas.

test('dynamic tool schemas are brought into the offered subset', () => {
  const spec = dynamicTool({
    name: 'rich',
    description: 'r',
    inputSchema: {
      type: 'object',
      title: 'T',
      description: 'dropped on objects',
      properties: {
        i: { type: 'integer', minimum: 0, description: 'int' },
        e: { type: 'string', enum: ['x', 'y'] },
        n: { type: ['string', 'null'] },
        u: { type: ['null', 'integer'] },
        any: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        notype: { description: 'no type' },
        mn: { minimum: 1 },
        req: { required: ['x'] },
        obj: { type: 'object', description: 'odesc', properties: { z: { type: 'boolean' } }, required: ['z'], additionalProperties: { type: 'string' } },
        arr: { type: 'array', description: 'adesc', items: { type: 'integer' } },
        bare: { type: 'array' },
        closed: { type: 'object', additionalProperties: false },
      },
      required: ['i', 'zz'],
      additionalProperties: true,
    },
  });
  assert.equal(
    JSON.stringify(spec),
    JSON.stringify({
      type: 'function',
      name: 'rich',
      description: 'r',
      strict: false,
      parameters: {
        type: 'object',
        properties: {
          any: { type: 'string' },
          arr: { type: 'array', items: { type: 'number' }, description: 'adesc' },
          bare: { type: 'array', items: { type: 'string' } },
          closed: { type: 'object', properties: {}, additionalProperties: false },
          e: { type: 'string' },
          i: { type: 'number', description: 'int' },
          mn: { type: 'number' },
          n: { type: 'string' },
          notype: { type: 'string', description: 'no type' },
          obj: { type: 'object', properties: { z: { type: 'boolean' } }, required: ['z'], additionalProperties: { type: 'string' } },
          req: { type: 'object', properties: {}, required: ['x'] },
          u: { type: 'number' },
        },
        required: ['i', 'zz'],
        additionalProperties: true,
      },
    }),
  );
});

test('an empty dynamic schema becomes a string, an MCP one an object', () => {
  assert.deepEqual(dynamicTool({ name: 'a', description: '', inputSchema: {} }).parameters, { type: 'string' });
  assert.deepEqual(mcpTool({ name: 'mcp__s__t', inputSchema: { type: 'object' } }).parameters, { type: 'object', properties: {} });
});

test('MCP tools keep their schema without closing it', () => {
  const spec = mcpTool({
    name: 'mcp__echo__echo',
    description: 'Echo.',
    inputSchema: { type: 'object', properties: { text: { type: 'string', description: 'text to send back' } }, required: ['text'] },
  });
  assert.equal(
    JSON.stringify(spec),
    JSON.stringify({
      type: 'function',
      name: 'mcp__echo__echo',
      description: 'Echo.',
      strict: false,
      parameters: { type: 'object', properties: { text: { type: 'string', description: 'text to send back' } }, required: ['text'] },
    }),
  );
});

test('a null type cannot be offered, with the message thread/start reports', () => {
  assert.throws(
    () => dynamicTool({ name: 't', description: '', inputSchema: { type: 'object', properties: { n: { type: 'null' } } } }),
    (err: unknown) =>
      err instanceof UnsupportedSchemaError &&
      err.message === 'unknown variant `null`, expected one of `boolean`, `string`, `integer`, `number`, `array`, `object`',
  );
});

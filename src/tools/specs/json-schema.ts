import type { JsonSchema } from './types.ts';

/**
 * Client-supplied schemas (dynamic tools, MCP tools) brought into the subset the reference
 * offers models: every node gets a `type` (given, first supported of a type list, inferred from
 * its keywords, or "string"), `integer` becomes `number`, arrays get `items`, objects get
 * `properties`, and keywords outside the subset (enum, format, anyOf, descriptions of objects...)
 * are dropped, as the reference's schema type drops them.
 */

type Json = Record<string, unknown>;

const SUPPORTED = ['object', 'array', 'string', 'number', 'integer', 'boolean'];

export class UnsupportedSchemaError extends Error {}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOf(node: Json): string {
  if (typeof node.type === 'string') return node.type;
  if (Array.isArray(node.type)) {
    const first = node.type.find((t) => typeof t === 'string' && SUPPORTED.includes(t));
    if (first) return first as string;
  }
  const has = (...keys: string[]) => keys.some((k) => k in node);
  if (has('properties', 'required', 'additionalProperties')) return 'object';
  if (has('items', 'prefixItems')) return 'array';
  if (has('enum', 'const', 'format')) return 'string';
  if (has('minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf')) return 'number';
  return 'string';
}

/** Throws UnsupportedSchemaError for a type outside the subset (e.g. "null"). */
export function toApiSchema(value: unknown): JsonSchema {
  // A boolean schema accepts anything; the nearest the subset has is a string.
  if (!isObject(value)) return { type: 'string' };
  const type = typeOf(value);
  const description = typeof value.description === 'string' ? { description: value.description } : {};
  switch (type) {
    case 'string':
    case 'boolean':
      return { type, ...description };
    case 'number':
    case 'integer':
      return { type: 'number', ...description };
    case 'array':
      return { type: 'array', items: 'items' in value ? toApiSchema(value.items) : { type: 'string' }, ...description };
    case 'object':
      return objectSchema(value);
    default:
      // Worded as the reference's deserializer words it; thread/start reports it to the client.
      throw new UnsupportedSchemaError(
        `unknown variant \`${type}\`, expected one of \`boolean\`, \`string\`, \`integer\`, \`number\`, \`array\`, \`object\``,
      );
  }
}

function objectSchema(value: Json): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const given = isObject(value.properties) ? value.properties : {};
  for (const key of Object.keys(given).sort()) properties[key] = toApiSchema(given[key]);
  const schema: JsonSchema = { type: 'object', properties };
  if (Array.isArray(value.required)) schema.required = value.required.filter((r): r is string => typeof r === 'string');
  const extra = value.additionalProperties;
  if (typeof extra === 'boolean') schema.additionalProperties = extra;
  else if (isObject(extra)) schema.additionalProperties = toApiSchema(extra);
  return schema;
}

import { toApiSchema } from './json-schema.ts';
import { functionTool, type FunctionToolSpec } from './types.ts';

/** A tool an MCP server lists, under the name the model calls it by. */
export interface McpToolInfo {
  /** Fully qualified: `mcp__<server>__<tool>`, as the MCP client names it. */
  name: string;
  description?: string;
  inputSchema: unknown;
}

/**
 * MCP input schemas are objects even when they omit `properties`, so an empty map is put in
 * before the schema is brought into the offered subset. Throws UnsupportedSchemaError when the
 * schema cannot be offered; the tool is then left out.
 */
export function mcpTool(tool: McpToolInfo): FunctionToolSpec {
  const schema = typeof tool.inputSchema === 'object' && tool.inputSchema !== null ? { ...tool.inputSchema } : {};
  const withProperties = (schema as { properties?: unknown }).properties == null ? { ...schema, properties: {} } : schema;
  return functionTool(tool.name, tool.description ?? '', toApiSchema(withProperties));
}

import { closedObject, functionTool, string } from './types.ts';

export const LIST_MCP_RESOURCE_TEMPLATES = functionTool(
  'list_mcp_resource_templates',
  'List the resource templates MCP servers offer: parameterized URIs from which concrete resources can be read with read_mcp_resource.',
  closedObject({
    server: string('Name of the MCP server to ask. Without it, every configured server is listed (no paging then).'),
    cursor: string('The cursor from a previous list_mcp_resource_templates answer for the same server, to get the next page.'),
  }),
);

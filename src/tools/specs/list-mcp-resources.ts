import { closedObject, functionTool, string } from './types.ts';

export const LIST_MCP_RESOURCES = functionTool(
  'list_mcp_resources',
  'List the resources (files, records, schemas and other context) that MCP servers make available. When a server offers what you need, prefer its resources to a web search.',
  closedObject({
    server: string('Name of the MCP server to ask. Without it, every configured server is listed (no paging then).'),
    cursor: string('The cursor from a previous list_mcp_resources answer for the same server, to get the next page.'),
  }),
);

import { closedObject, functionTool, string } from './types.ts';

export const READ_MCP_RESOURCE = functionTool(
  'read_mcp_resource',
  'Read one resource from an MCP server, by server name and resource URI.',
  closedObject(
    {
      server: string('Name of the MCP server, exactly as list_mcp_resources reported it.'),
      uri: string('URI of the resource, as listed by list_mcp_resources or built from a template.'),
    },
    ['server', 'uri'],
  ),
);

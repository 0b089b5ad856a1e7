import { mcpServerStatuses } from '../core/mcp-status.ts';
import type { ListMcpServerStatusParams, ListMcpServerStatusResponse } from '../protocol/index.ts';
import { paginate } from '../util/paginate.ts';
import { latestSettings } from './latest-config.ts';
import type { AppHandler } from './types.ts';

const list: AppHandler<ListMcpServerStatusParams, ListMcpServerStatusResponse> = (params, { app }) =>
  paginate(mcpServerStatuses(latestSettings(app).mcpServers, app.config.source.env ?? process.env), params.cursor, params.limit, 'MCP servers');

export const mcpStatusHandlers = { 'mcpServerStatus/list': list };

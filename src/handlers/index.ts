import { accountHandlers } from './account.ts';
import { appHandlers } from './apps.ts';
import { collaborationModeHandlers } from './collaboration-mode.ts';
import { commandExecHandlers } from './command-exec.ts';
import { experimentalFeatureHandlers } from './experimental-feature.ts';
import { configHandlers } from './config.ts';
import { fuzzyFileSearchHandlers } from './fuzzy-file-search.ts';
import { initializeHandlers } from './initialize.ts';
import { mcpStatusHandlers } from './mcp-status.ts';
import { mockHandlers } from './mock.ts';
import { modelHandlers } from './model.ts';
import { pluginHandlers } from './plugins.ts';
import { skillsHandlers } from './skills.ts';
import { threadAdminHandlers } from './thread-admin.ts';
import { threadHandlers } from './thread.ts';
import { turnHandlers } from './turn.ts';
import type { AppHandler } from './types.ts';

/**
 * The routing table: method name → handler, assembled from one module per method family.
 * Methods of the protocol missing here are answered with a "not implemented" error by the
 * dispatcher, never with silence.
 */
export const HANDLERS: Readonly<Record<string, AppHandler | undefined>> = {
  ...initializeHandlers,
  ...accountHandlers,
  ...appHandlers,
  ...collaborationModeHandlers,
  ...commandExecHandlers,
  ...experimentalFeatureHandlers,
  ...configHandlers,
  ...fuzzyFileSearchHandlers,
  ...mcpStatusHandlers,
  ...mockHandlers,
  ...modelHandlers,
  ...pluginHandlers,
  ...skillsHandlers,
  ...threadHandlers,
  ...threadAdminHandlers,
  ...turnHandlers,
};

import { collaborationModeHandlers } from './collaboration-mode.ts';
import { commandExecHandlers } from './command-exec.ts';
import { fuzzyFileSearchHandlers } from './fuzzy-file-search.ts';
import { initializeHandlers } from './initialize.ts';
import { mockHandlers } from './mock.ts';
import { modelHandlers } from './model.ts';
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
  ...collaborationModeHandlers,
  ...commandExecHandlers,
  ...fuzzyFileSearchHandlers,
  ...mockHandlers,
  ...modelHandlers,
  ...skillsHandlers,
  ...threadHandlers,
  ...threadAdminHandlers,
  ...turnHandlers,
};

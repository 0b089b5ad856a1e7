import type { ThreadRecord } from '../store/types.ts';
import { PROTOCOL_CLI_VERSION } from '../version.ts';
import { uuidv7 } from '../util/uuid.ts';
import { rolloutPath } from './thread-view.ts';
import type { ThreadSettings } from './thread-settings.ts';

/** A fresh record for a thread created through the app server (source `vscode`, as the reference). */
export function newThreadRecord(codexHome: string, settings: ThreadSettings, fields: Partial<ThreadRecord> = {}): ThreadRecord {
  const created = new Date();
  const id = uuidv7(created.getTime());
  const at = Math.floor(created.getTime() / 1000);
  return {
    id,
    createdAt: at,
    updatedAt: at,
    cwd: settings.cwd,
    modelProvider: settings.modelProvider,
    source: 'vscode',
    cliVersion: PROTOCOL_CLI_VERSION,
    name: null,
    preview: '',
    gitInfo: null,
    agentNickname: null,
    agentRole: null,
    archived: false,
    path: rolloutPath(codexHome, id, created),
    forkedFromId: null,
    settings,
    ...fields,
  };
}

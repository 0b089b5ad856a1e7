/**
 * The engine's settings for an imported thread. The store keeps the engine's settings with every
 * thread, and the engine resumes a thread with the settings stored with it: for an imported
 * thread, those its rollout states (the last turn's model, policies, effort…, see
 * rollout/settings.ts), and the reference's defaults for what it does not state.
 */
import { defaultModel } from '../../core/models/index.ts';
import type { ThreadSettings } from '../../core/thread-settings.ts';
import type { SandboxPolicy } from '../../protocol/index.ts';
import type { RolloutSettings } from '../rollout/settings.ts';
import type { ThreadRecord } from '../types.ts';

const READ_ONLY: SandboxPolicy = { type: 'readOnly', access: { type: 'fullAccess' }, networkAccess: false };

/** `record` as `parseRollout` gives it, its settings a RolloutSettings. */
export function importedSettings(record: ThreadRecord): ThreadSettings {
  const s = record.settings as RolloutSettings;
  return {
    model: s.model ?? defaultModel(),
    modelProvider: record.modelProvider,
    serviceTier: null,
    cwd: s.cwd ?? record.cwd,
    approvalPolicy: s.approvalPolicy ?? 'on-request',
    sandboxPolicy: s.sandboxPolicy ?? READ_ONLY,
    effort: s.effort,
    summary: s.summary,
    personality: s.personality,
    // The reference's own system prompt, kept in the rollout so that a resumed thread goes on with it.
    baseInstructions: s.baseInstructions,
    developerInstructions: s.developerInstructions,
    dynamicTools: s.dynamicTools ?? [],
    // Not recorded: a client that wants it asks again, as on the reference's resume.
    persistExtendedHistory: false,
    collaborationMode: s.collaborationMode,
    configOverrides: null,
  };
}

import type { CollaborationMode, CollaborationModeListResponse } from '../protocol/index.ts';
import type { ThreadSettings } from './thread-settings.ts';

/**
 * The mode presets `collaborationMode/list` offers, as the reference lists them: a client picks
 * one and sends it back in turn/start `collaborationMode` with a model of its choice.
 */
export const COLLABORATION_MODE_PRESETS: CollaborationModeListResponse['data'] = [
  { name: 'Plan', mode: 'plan', model: null, reasoning_effort: 'medium' },
  { name: 'Default', mode: 'default', model: null, reasoning_effort: null },
];

/**
 * A thread's settings once a turn chose a mode: the mode carries its own model and reasoning
 * effort, which win over the turn's other overrides (an effort it leaves out means the model's
 * default). The mode lasts for later turns until another is chosen.
 */
export function withCollaborationMode(s: ThreadSettings, mode: CollaborationMode): ThreadSettings {
  return { ...s, collaborationMode: mode, model: mode.settings.model, effort: mode.settings.reasoning_effort ?? null };
}

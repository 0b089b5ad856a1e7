import { COLLABORATION_MODE_PRESETS } from '../core/collaboration-modes.ts';
import type { CollaborationModeListParams, CollaborationModeListResponse } from '../protocol/index.ts';
import type { AppHandler } from './types.ts';

const list: AppHandler<CollaborationModeListParams, CollaborationModeListResponse> = () => ({ data: COLLABORATION_MODE_PRESETS });

export const collaborationModeHandlers = { 'collaborationMode/list': list };

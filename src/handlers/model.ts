import { listModels } from '../core/models/index.ts';
import type { ModelListParams, ModelListResponse } from '../protocol/index.ts';
import type { AppHandler } from './types.ts';

const list: AppHandler<ModelListParams, ModelListResponse> = (params) => listModels(params);

export const modelHandlers = { 'model/list': list };

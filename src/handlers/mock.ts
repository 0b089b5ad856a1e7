import type { MockExperimentalMethodParams, MockExperimentalMethodResponse } from '../protocol/index.ts';
import type { AppHandler } from './types.ts';

/** The reference's fixed probe for experimental gating: echoes its value back. */
const experimentalMethod: AppHandler<MockExperimentalMethodParams, MockExperimentalMethodResponse> = (params) => ({
  echoed: params.value ?? null,
});

export const mockHandlers = { 'mock/experimentalMethod': experimentalMethod };

import { FEATURES, type FeatureStates } from '../../config/index.ts';
import type { TurnContext } from './turn-context.ts';

/** A turn context for tests: the reference's defaults, a fixed date, zone and shell. */
export function testContext(overrides: Partial<TurnContext> = {}): TurnContext {
  return {
    model: 'mock-model',
    provider: { id: 'mock', name: 'mock', wireApi: 'responses', requestMaxRetries: 0, streamMaxRetries: 0, streamIdleTimeoutMs: 1000, requiresOpenaiAuth: false },
    cwd: '/work/project',
    approvalPolicy: 'never',
    sandboxPolicy: { type: 'dangerFullAccess' },
    effort: null,
    summary: null,
    verbosity: null,
    serviceTier: null,
    baseInstructions: null,
    developerInstructions: null,
    userInstructions: null,
    skills: [],
    personality: null,
    collaborationMode: 'default',
    collaborationInstructions: null,
    outputSchema: null,
    shellEnvironmentPolicy: { inherit: 'all', ignoreDefaultExcludes: true, exclude: [], set: {}, includeOnly: [], useProfile: false },
    features: Object.fromEntries(FEATURES.map((f) => [f.name, f.defaultEnabled])) as FeatureStates,
    dynamicTools: [],
    mcpTools: null,
    shell: { name: 'bash', path: '/bin/bash' },
    currentDate: '2026-03-14',
    timezone: 'Europe/Paris',
    env: { TMPDIR: '/var/tmp/weft' },
    ...overrides,
  };
}

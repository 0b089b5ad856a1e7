/**
 * The conformance suite's scriptable Responses API mock (`../shared/conformance/mock-model.mjs`),
 * typed, plus a provider pointing at it.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ModelProvider } from '../../src/config/index.ts';
import { REPO_ROOT } from '../support/weft.ts';

export interface MockRequest {
  n: number;
  t: number;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface Mock {
  port: number;
  requests: MockRequest[];
  close(): Promise<void>;
}

/** One scripted answer; see the header of mock-model.mjs. */
export type MockEntry = Record<string, unknown>;

interface MockModule {
  startMock(options: { script?: MockEntry[]; fallback?: MockEntry }): Promise<Mock>;
}

export const MOCK_PATH = join(REPO_ROOT, '..', 'shared', 'conformance', 'mock-model.mjs');

export async function startMock(script: MockEntry[], fallback?: MockEntry): Promise<Mock> {
  const mod = (await import(pathToFileURL(MOCK_PATH).href)) as MockModule;
  return mod.startMock(fallback ? { script, fallback } : { script });
}

export function mockProvider(baseUrl: string, overrides: Partial<ModelProvider> = {}): ModelProvider {
  return {
    id: 'mock',
    name: 'mock',
    baseUrl,
    wireApi: 'responses',
    requestMaxRetries: 0,
    streamMaxRetries: 0,
    streamIdleTimeoutMs: 300_000,
    requiresOpenaiAuth: false,
    ...overrides,
  };
}

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './weft.ts';

/** One scripted model response (see the header of ../shared/conformance/mock-model.mjs). */
export type MockResponse = Record<string, unknown>;

export interface MockModel {
  url: string;
  requests: Array<{ n: number; method: string; url: string; headers: Record<string, string>; body: any }>;
  close(): Promise<void>;
}

/** The conformance suite's scriptable Responses API mock, on a loopback port. */
export async function startMockModel(script: MockResponse[] = [], fallback?: MockResponse): Promise<MockModel> {
  const mod = await import(pathToFileURL(join(REPO_ROOT, '..', 'shared', 'conformance', 'mock-model.mjs')).href);
  const mock = await mod.startMock({ script, ...(fallback ? { fallback } : {}) });
  return { url: `http://127.0.0.1:${mock.port}/v1`, requests: mock.requests, close: mock.close };
}

/**
 * The config.toml the conformance runner writes: the mock as the provider, no approvals, no
 * sandbox. `extra` holds top-level keys, so it goes before the tables.
 */
export function mockConfig(url: string, extra = ''): string {
  return `${extra}
model = "mock-model"
model_provider = "mock"
approval_policy = "never"
sandbox_mode = "danger-full-access"
check_for_update_on_startup = false

[features]
remote_models = false

[model_providers.mock]
name = "mock"
base_url = "${url}"
wire_api = "responses"
request_max_retries = 0
stream_max_retries = 0
`;
}

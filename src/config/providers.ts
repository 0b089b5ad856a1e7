import { PROTOCOL_CLI_VERSION } from '../version.ts';
import type { ModelProviderToml } from './config-schema.ts';

/** A model provider with the reference's defaults and caps applied. */
export interface ModelProvider {
  id: string;
  name: string;
  /** Unset means the OpenAI default, which depends on the kind of login. */
  baseUrl?: string;
  envKey?: string;
  envKeyInstructions?: string;
  experimentalBearerToken?: string;
  wireApi: 'responses';
  queryParams?: Record<string, string>;
  httpHeaders?: Record<string, string>;
  /** Header name → environment variable whose (non-blank) value to send. */
  envHttpHeaders?: Record<string, string>;
  requestMaxRetries: number;
  streamMaxRetries: number;
  streamIdleTimeoutMs: number;
  requiresOpenaiAuth: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

const DEFAULT_REQUEST_MAX_RETRIES = 4;
const DEFAULT_STREAM_MAX_RETRIES = 5;
const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 300_000;
/** Upper bound the reference puts on both retry settings, whatever the file says. */
const MAX_RETRIES = 100;

export function modelProviderFromToml(id: string, toml: ModelProviderToml): ModelProvider {
  return {
    id,
    name: toml.name,
    baseUrl: toml.base_url,
    envKey: toml.env_key,
    envKeyInstructions: toml.env_key_instructions,
    experimentalBearerToken: toml.experimental_bearer_token,
    wireApi: 'responses',
    queryParams: toml.query_params,
    httpHeaders: toml.http_headers,
    envHttpHeaders: toml.env_http_headers,
    requestMaxRetries: Math.min(toml.request_max_retries ?? DEFAULT_REQUEST_MAX_RETRIES, MAX_RETRIES),
    streamMaxRetries: Math.min(toml.stream_max_retries ?? DEFAULT_STREAM_MAX_RETRIES, MAX_RETRIES),
    streamIdleTimeoutMs: toml.stream_idle_timeout_ms ?? DEFAULT_STREAM_IDLE_TIMEOUT_MS,
    requiresOpenaiAuth: toml.requires_openai_auth ?? false,
  };
}

const nonBlank = (value: string | undefined) => (value?.trim() ? value : undefined);

/**
 * Providers every installation has. Their ids are reserved: a `[model_providers.openai]` table
 * is ignored, as in the reference.
 */
export function builtInModelProviders(env: Env): Record<string, ModelProvider> {
  const openai = modelProviderFromToml('openai', {
    name: 'OpenAI',
    base_url: nonBlank(env['OPENAI_BASE_URL']),
    http_headers: { version: PROTOCOL_CLI_VERSION },
    env_http_headers: { 'OpenAI-Organization': 'OPENAI_ORGANIZATION', 'OpenAI-Project': 'OPENAI_PROJECT' },
    requires_openai_auth: true,
  });
  const oss = (id: string, defaultPort: number) => {
    const portText = env['CODEX_OSS_PORT']?.trim() ?? '';
    const port = /^\d{1,5}$/.test(portText) && Number(portText) <= 65535 ? Number(portText) : defaultPort;
    const baseUrl = nonBlank(env['CODEX_OSS_BASE_URL']) ?? `http://localhost:${port}/v1`;
    return modelProviderFromToml(id, { name: 'gpt-oss', base_url: baseUrl });
  };
  return { openai, ollama: oss('ollama', 11434), lmstudio: oss('lmstudio', 1234) };
}

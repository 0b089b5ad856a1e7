/**
 * A configured model provider (resolved by src/config, defaults and caps included) turned into the
 * concrete `POST .../responses` target: URL, static headers and credentials, as the reference's
 * `ModelProviderInfo::to_api_provider` and its auth lookup do.
 */
import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { ModelProvider } from '../config/index.ts';
import { ModelError } from './errors.ts';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The login the engine holds (auth.json), used when the provider names no key of its own. A ChatGPT
 * login also moves the default base URL to the ChatGPT backend and sends `ChatGPT-Account-ID`.
 */
export type Login = { mode: 'apiKey'; token: string } | { mode: 'chatgpt'; token: string; accountId?: string };

export interface Endpoint {
  /**
   * Query parameters are appended as configured, not percent-encoded: this string is what error
   * texts show, and the HTTP layer encodes it when sending.
   */
  url: string;
  /** `http_headers`, then `env_http_headers` whose variable is set and not blank. */
  headers: Record<string, string>;
  bearerToken: string | undefined;
}

const OPENAI_API_BASE = 'https://api.openai.com/v1';
const CHATGPT_BASE = 'https://chatgpt.com/backend-api/codex';

function responsesUrl(provider: ModelProvider, login: Login | undefined): string {
  const base = (provider.baseUrl ?? (login?.mode === 'chatgpt' ? CHATGPT_BASE : OPENAI_API_BASE)).replace(/\/+$/, '');
  const query = Object.entries(provider.queryParams ?? {});
  return query.length ? `${base}/responses?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : `${base}/responses`;
}

/** `env_key` wins over `experimental_bearer_token`, which wins over the login. */
function providerToken(provider: ModelProvider, env: Env): string | undefined {
  if (provider.envKey !== undefined) {
    const value = env[provider.envKey];
    if (!value?.trim()) throw ModelError.missingEnvVar(provider.envKey, provider.envKeyInstructions);
    return value;
  }
  return provider.experimentalBearerToken;
}

/** The reference drops a configured header it cannot send rather than failing the request. */
function isSendable(name: string, value: string): boolean {
  try {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    return true;
  } catch {
    return false;
  }
}

/** Throws `missingEnvVar` when the provider's `env_key` is unset or blank (the turn then fails). */
export function responsesEndpoint(provider: ModelProvider, env: Env, login?: Login): Endpoint {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(provider.httpHeaders ?? {})) if (isSendable(name, value)) headers[name] = value;
  for (const [name, variable] of Object.entries(provider.envHttpHeaders ?? {})) {
    const value = env[variable];
    if (value?.trim() && isSendable(name, value)) headers[name] = value;
  }
  const url = responsesUrl(provider, login);
  const own = providerToken(provider, env);
  if (own !== undefined) return { url, headers, bearerToken: own };
  if (login?.mode === 'chatgpt' && login.accountId !== undefined) headers['ChatGPT-Account-ID'] = login.accountId;
  return { url, headers, bearerToken: login?.token };
}

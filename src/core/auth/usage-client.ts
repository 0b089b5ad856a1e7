import { STATUS_CODES } from 'node:http';
import type { GetAccountRateLimitsResponse } from '../../protocol/index.ts';
import { RpcError } from '../../rpc/errors.ts';
import type { StoredAuth } from './stored-auth.ts';
import { decodeUsage } from './usage-payload.ts';

export const DEFAULT_CHATGPT_BASE_URL = 'https://chatgpt.com/backend-api/';

/**
 * Where the reference asks for usage: ChatGPT's own hosts always go through `/backend-api`, whose
 * route is `/wham/usage`; any other base (a proxy, a test server) serves `/api/codex/usage`.
 */
export function usageUrl(chatgptBaseUrl: string = DEFAULT_CHATGPT_BASE_URL): string {
  let base = chatgptBaseUrl.replace(/\/+$/, '');
  const chatgptHost = base.startsWith('https://chatgpt.com') || base.startsWith('https://chat.openai.com');
  if (chatgptHost && !base.includes('/backend-api')) base += '/backend-api';
  return base.includes('/backend-api') ? `${base}/wham/usage` : `${base}/api/codex/usage`;
}

export interface UsageRequest {
  auth: StoredAuth | undefined;
  chatgptBaseUrl?: string;
  userAgent: string;
}

/** `account/rateLimits/read`: only a ChatGPT login with its tokens can ask; every failure is the reference's. */
export async function readRateLimits({ auth, chatgptBaseUrl, userAgent }: UsageRequest): Promise<GetAccountRateLimitsResponse> {
  if (!auth) throw RpcError.badRequest('codex account authentication required to read rate limits');
  if (auth.mode === 'apiKey') throw RpcError.badRequest('chatgpt authentication required to read rate limits');
  // Without a recorded refresh time the reference treats the tokens as unusable.
  if (!auth.tokens || auth.lastRefresh === undefined) {
    throw RpcError.internal('failed to construct backend client: Token data is not available.');
  }
  const accountId = auth.tokens.accountId;
  const url = usageUrl(chatgptBaseUrl);
  const failed = (detail: string) => RpcError.internal(`failed to fetch codex rate limits: ${detail}`);
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, {
      headers: {
        'user-agent': userAgent,
        authorization: `Bearer ${auth.tokens.accessToken}`,
        ...(accountId !== undefined ? { 'chatgpt-account-id': accountId } : {}),
        accept: '*/*',
      },
    });
    body = await response.text();
  } catch {
    throw failed(`error sending request for url (${displayUrl(url)})`);
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    const reason = STATUS_CODES[response.status] ?? '';
    throw failed(`GET ${url} failed: ${response.status} ${reason}; content-type=${contentType}; body=${body}`);
  }
  const decoded = decodeUsage(body);
  if (!decoded.ok) throw failed(`Decode error for ${url}: ${decoded.detail}; content-type=${contentType}; body=${body}`);
  return decoded.response;
}

/** The URL as the reference's HTTP client prints it: parsed and normalised when it can be. */
function displayUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

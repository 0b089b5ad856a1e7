import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIdToken, type IdTokenClaims } from './id-token.ts';

export interface ChatgptTokens {
  idToken: IdTokenClaims;
  accessToken: string;
  refreshToken: string;
  accountId?: string;
}

/**
 * The login the reference's account methods see: `$CODEX_HOME/auth.json` alone (the
 * `OPENAI_API_KEY` environment variable plays no part there). A ChatGPT login may lack its tokens,
 * which some methods report as errors of their own.
 */
export type StoredAuth = { mode: 'apiKey'; apiKey: string } | { mode: 'chatgpt'; tokens?: ChatgptTokens; lastRefresh?: string };

const AUTH_MODES = new Set(['apikey', 'chatgpt', 'chatgptAuthTokens']);
/** The date-times the reference accepts for `last_refresh` (RFC 3339, a space allowed for the `T`). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null;

export function readStoredAuth(codexHome: string): StoredAuth | undefined {
  let text: string;
  try {
    text = readFileSync(join(codexHome, 'auth.json'), 'utf8');
  } catch {
    return undefined;
  }
  try {
    return parseStoredAuth(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * auth.json as the reference reads it: anything it cannot decode (a wrong type, a missing token,
 * an unreadable id_token, an unknown `auth_mode`) leaves no login at all. Without `auth_mode`, a
 * stored API key (even an empty one) wins over tokens.
 */
export function parseStoredAuth(json: unknown): StoredAuth | undefined {
  if (!isObject(json)) return undefined;
  const { auth_mode: mode, OPENAI_API_KEY: apiKey, last_refresh: lastRefresh } = json;
  if (!absent(mode) && !(typeof mode === 'string' && AUTH_MODES.has(mode))) return undefined;
  if (!absent(apiKey) && typeof apiKey !== 'string') return undefined;
  if (!absent(lastRefresh) && !(typeof lastRefresh === 'string' && DATE_TIME.test(lastRefresh))) return undefined;
  let tokens: ChatgptTokens | undefined;
  if (!absent(json.tokens)) {
    tokens = parseTokens(json.tokens);
    if (!tokens) return undefined;
  }
  const chatgpt = (): StoredAuth => ({
    mode: 'chatgpt',
    ...(tokens ? { tokens } : {}),
    ...(typeof lastRefresh === 'string' ? { lastRefresh } : {}),
  });
  if (mode === 'apikey') return typeof apiKey === 'string' ? { mode: 'apiKey', apiKey } : undefined;
  if (absent(mode) && typeof apiKey === 'string') return { mode: 'apiKey', apiKey };
  return chatgpt();
}

function parseTokens(raw: unknown): ChatgptTokens | undefined {
  if (!isObject(raw)) return undefined;
  const { id_token: idTokenText, access_token: accessToken, refresh_token: refreshToken, account_id: accountId } = raw;
  if (typeof idTokenText !== 'string' || typeof accessToken !== 'string' || typeof refreshToken !== 'string') return undefined;
  if (!absent(accountId) && typeof accountId !== 'string') return undefined;
  const idToken = parseIdToken(idTokenText);
  if (!idToken) return undefined;
  return typeof accountId === 'string' ? { idToken, accessToken, refreshToken, accountId } : { idToken, accessToken, refreshToken };
}

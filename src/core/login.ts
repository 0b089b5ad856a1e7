import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Login } from '../model/index.ts';

/**
 * The credentials for providers that use the OpenAI login (`requires_openai_auth`): the
 * `OPENAI_API_KEY` environment variable, else what the reference's login stored in
 * `$CODEX_HOME/auth.json` (an API key, or ChatGPT tokens). Read at each turn, so a login made by
 * the reference's CLI meanwhile is picked up.
 */
export function currentLogin(codexHome: string, env: NodeJS.ProcessEnv = process.env): Login | undefined {
  const fromEnv = env.OPENAI_API_KEY?.trim();
  if (fromEnv) return { mode: 'apiKey', token: fromEnv };
  let auth: { OPENAI_API_KEY?: unknown; tokens?: { access_token?: unknown; account_id?: unknown } };
  try {
    auth = JSON.parse(readFileSync(join(codexHome, 'auth.json'), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof auth.OPENAI_API_KEY === 'string' && auth.OPENAI_API_KEY) return { mode: 'apiKey', token: auth.OPENAI_API_KEY };
  const token = auth.tokens?.access_token;
  if (typeof token === 'string' && token) {
    const accountId = auth.tokens?.account_id;
    return { mode: 'chatgpt', token, ...(typeof accountId === 'string' ? { accountId } : {}) };
  }
  return undefined;
}

import type { GetAccountResponse, PlanType } from '../../protocol/index.ts';
import { RpcError } from '../../rpc/errors.ts';
import type { StoredAuth } from './stored-auth.ts';

const ACCOUNT_PLANS = new Set<string>(['free', 'go', 'plus', 'pro', 'team', 'business', 'enterprise', 'edu']);

/** The plan types clients know; any other spelling (case included) is "unknown". */
export function accountPlanType(raw: string | undefined): PlanType {
  return raw !== undefined && ACCOUNT_PLANS.has(raw) ? (raw as PlanType) : 'unknown';
}

/**
 * `account/read`: the login matters only for providers that use the OpenAI login; for the others
 * the account is null whatever auth.json holds. A ChatGPT login needs an email in its id_token.
 */
export function accountView(auth: StoredAuth | undefined, requiresOpenaiAuth: boolean): GetAccountResponse {
  if (!requiresOpenaiAuth || !auth) return { account: null, requiresOpenaiAuth };
  if (auth.mode === 'apiKey') return { account: { type: 'apiKey' }, requiresOpenaiAuth };
  const email = auth.tokens?.idToken.email;
  if (email === undefined) throw RpcError.badRequest('email and plan type are required for chatgpt authentication');
  return { account: { type: 'chatgpt', email, planType: accountPlanType(auth.tokens?.idToken.planType) }, requiresOpenaiAuth };
}

/** What the reference reads from a ChatGPT login's id_token (a JWT whose signature it does not check). */
export interface IdTokenClaims {
  email?: string;
  /** As the token says it, e.g. "pro"; see accountPlanType. */
  planType?: string;
  accountId?: string;
}

const BASE64URL_NO_PAD = /^[A-Za-z0-9_-]*$/;
const AUTH_CLAIM = 'https://api.openai.com/auth';
const PROFILE_CLAIM = 'https://api.openai.com/profile';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The claims of `jwt`, or undefined when the reference would refuse the token, and with it the
 * whole auth.json: fewer than three non-empty parts, a payload that is not unpadded base64url
 * JSON, or a known claim of the wrong type.
 */
export function parseIdToken(jwt: string): IdTokenClaims | undefined {
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature) return undefined;
  if (!BASE64URL_NO_PAD.test(payload) || payload.length % 4 === 1) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(claims)) return undefined;
  const profile = optionalObject(claims[PROFILE_CLAIM]);
  const auth = optionalObject(claims[AUTH_CLAIM]);
  if (profile === false || auth === false) return undefined;
  const email = optionalString(claims.email);
  const profileEmail = optionalString(profile?.email);
  const planType = optionalString(auth?.chatgpt_plan_type);
  const accountId = optionalString(auth?.chatgpt_account_id);
  const ids = [auth?.chatgpt_user_id, auth?.user_id].map(optionalString);
  if ([email, profileEmail, planType, accountId, ...ids].includes(false)) return undefined;
  const result: IdTokenClaims = {};
  const chosenEmail = (email ?? profileEmail) as string | undefined;
  if (chosenEmail !== undefined) result.email = chosenEmail;
  if (planType !== undefined) result.planType = planType as string;
  if (accountId !== undefined) result.accountId = accountId as string;
  return result;
}

/** A value that may be absent or null; `false` when it has another type. */
function optionalString(v: unknown): string | undefined | false {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : false;
}

function optionalObject(v: unknown): Json | undefined | false {
  if (v === undefined || v === null) return undefined;
  return isObject(v) ? v : false;
}

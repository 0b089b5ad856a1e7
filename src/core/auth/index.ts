/** The login as the reference's account methods see it (auth.json) and what they answer from it. */
export { accountPlanType, accountView } from './account.ts';
export { readStoredAuth } from './stored-auth.ts';
export type { ChatgptTokens, StoredAuth } from './stored-auth.ts';
export { readRateLimits, usageUrl } from './usage-client.ts';

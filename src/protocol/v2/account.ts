/**
 * Account state, login/logout, rate limits and feedback upload.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Dict, Experimental, Opt, StrEnum, Tagged, i32, i64 } from '../schema-kit.ts';
import { PlanType } from './shared.ts';

export const LoginAccountParams = Tagged(
  'type',
  {
    apiKey: { apiKey: Type.String() },
    chatgpt: {},
    chatgptAuthTokens: Experimental(
      'account/login/start.chatgptAuthTokens',
      Type.Object({ accessToken: Type.String(), chatgptAccountId: Type.String(), chatgptPlanType: Opt(Type.String()) }),
    ),
  },
  { $id: 'LoginAccountParams' },
);
export type LoginAccountParams = Static<typeof LoginAccountParams>;

export const CancelLoginAccountParams = Type.Object({ loginId: Type.String() }, { $id: 'CancelLoginAccountParams' });
export type CancelLoginAccountParams = Static<typeof CancelLoginAccountParams>;

export const FeedbackUploadParams = Type.Object({
  classification: Type.String(),
  reason: Opt(Type.String()),
  threadId: Opt(Type.String()),
  includeLogs: Type.Boolean(),
  extraLogFiles: Opt(Type.Array(Type.String())),
}, { $id: 'FeedbackUploadParams' });
export type FeedbackUploadParams = Static<typeof FeedbackUploadParams>;

export const GetAccountParams = Type.Object({
  refreshToken: Type.Optional(Type.Boolean({ default: false })),
}, { $id: 'GetAccountParams' });
export type GetAccountParams = Static<typeof GetAccountParams>;

export const LoginAccountResponse = Tagged(
  'type',
  { apiKey: {}, chatgpt: { loginId: Type.String(), authUrl: Type.String() }, chatgptAuthTokens: {} },
  { $id: 'LoginAccountResponse' },
);
export type LoginAccountResponse = Static<typeof LoginAccountResponse>;

export const CancelLoginAccountStatus = StrEnum(['canceled', 'notFound'], { $id: 'CancelLoginAccountStatus' });
export type CancelLoginAccountStatus = Static<typeof CancelLoginAccountStatus>;

export const CancelLoginAccountResponse = Type.Object({
  status: CancelLoginAccountStatus,
}, { $id: 'CancelLoginAccountResponse' });
export type CancelLoginAccountResponse = Static<typeof CancelLoginAccountResponse>;

export const LogoutAccountResponse = Type.Object({}, { $id: 'LogoutAccountResponse' });
export type LogoutAccountResponse = Static<typeof LogoutAccountResponse>;

export const CreditsSnapshot = Type.Object({
  hasCredits: Type.Boolean(),
  unlimited: Type.Boolean(),
  balance: Opt(Type.String()),
}, { $id: 'CreditsSnapshot' });
export type CreditsSnapshot = Static<typeof CreditsSnapshot>;

export const RateLimitWindow = Type.Object({
  usedPercent: i32(),
  windowDurationMins: Opt(i64()),
  resetsAt: Opt(i64()),
}, { $id: 'RateLimitWindow' });
export type RateLimitWindow = Static<typeof RateLimitWindow>;

export const RateLimitSnapshot = Type.Object({
  limitId: Opt(Type.String()),
  limitName: Opt(Type.String()),
  primary: Opt(RateLimitWindow),
  secondary: Opt(RateLimitWindow),
  credits: Opt(CreditsSnapshot),
  planType: Opt(PlanType),
}, { $id: 'RateLimitSnapshot' });
export type RateLimitSnapshot = Static<typeof RateLimitSnapshot>;

export const GetAccountRateLimitsResponse = Type.Object({
  rateLimits: RateLimitSnapshot,
  rateLimitsByLimitId: Opt(Dict(RateLimitSnapshot)),
}, { $id: 'GetAccountRateLimitsResponse' });
export type GetAccountRateLimitsResponse = Static<typeof GetAccountRateLimitsResponse>;

export const FeedbackUploadResponse = Type.Object({ threadId: Type.String() }, { $id: 'FeedbackUploadResponse' });
export type FeedbackUploadResponse = Static<typeof FeedbackUploadResponse>;

export const Account = Tagged(
  'type',
  { apiKey: {}, chatgpt: { email: Type.String(), planType: PlanType } },
  { $id: 'Account' },
);
export type Account = Static<typeof Account>;

export const GetAccountResponse = Type.Object({
  account: Opt(Account),
  requiresOpenaiAuth: Type.Boolean(),
}, { $id: 'GetAccountResponse' });
export type GetAccountResponse = Static<typeof GetAccountResponse>;

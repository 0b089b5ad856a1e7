import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatResetTime, usageLimitMessage, type UsageLimit } from './usage-limit.ts';

const none: UsageLimit = { planType: null, resetsAt: null, limitName: null, promoMessage: null };

test('the advice depends on the plan (texts observed from the reference)', () => {
  const cases: [string | null, string][] = [
    ['plus', "You've hit your usage limit. Upgrade to Pro (https://chatgpt.com/explore/pro), visit https://chatgpt.com/codex/settings/usage to purchase more credits or try again later."],
    ['free', "You've hit your usage limit. Upgrade to Plus to continue using Codex (https://chatgpt.com/explore/plus), or try again later."],
    ['go', "You've hit your usage limit. Upgrade to Plus to continue using Codex (https://chatgpt.com/explore/plus), or try again later."],
    ['pro', "You've hit your usage limit. Visit https://chatgpt.com/codex/settings/usage to purchase more credits or try again later."],
    ['team', "You've hit your usage limit. To get more access now, send a request to your admin or try again later."],
    ['business', "You've hit your usage limit. To get more access now, send a request to your admin or try again later."],
    ['enterprise', "You've hit your usage limit. Try again later."],
    ['edu', "You've hit your usage limit. Try again later."],
    ['weird', "You've hit your usage limit. Try again later."],
    [null, "You've hit your usage limit. Try again later."],
  ];
  for (const [planType, text] of cases) assert.equal(usageLimitMessage({ ...none, planType }), text, String(planType));
});

test('a named metered limit, then a promo message, take precedence over the plan', () => {
  assert.equal(
    usageLimitMessage({ ...none, planType: 'plus', limitName: 'GPT-Sonic', promoMessage: 'Promo!' }),
    "You've hit your usage limit for GPT-Sonic. Switch to another model now, or try again later.",
  );
  assert.equal(usageLimitMessage({ ...none, planType: 'plus', promoMessage: 'Get 50% off' }), "You've hit your usage limit. Get 50% off, or try again later.");
});

test('reset times: clock time today, full date otherwise, in local time', () => {
  const now = new Date(2030, 2, 17, 9, 0);
  assert.equal(formatResetTime(new Date(2030, 2, 17, 17, 46), now), '5:46 PM');
  assert.equal(formatResetTime(new Date(2030, 2, 17, 0, 5), now), '12:05 AM');
  assert.equal(formatResetTime(new Date(2030, 2, 18, 12, 0), now), 'Mar 18th, 2030 12:00 PM');
  assert.equal(formatResetTime(new Date(2030, 0, 1, 4, 38), now), 'Jan 1st, 2030 4:38 AM');
  assert.equal(formatResetTime(new Date(2030, 0, 12, 4, 38), now), 'Jan 12th, 2030 4:38 AM');
  assert.equal(formatResetTime(new Date(2030, 0, 23, 4, 38), now), 'Jan 23rd, 2030 4:38 AM');
  const resetsAt = new Date(2030, 2, 20, 17, 46).getTime() / 1000;
  assert.equal(
    usageLimitMessage({ ...none, planType: 'free', resetsAt }, now),
    "You've hit your usage limit. Upgrade to Plus to continue using Codex (https://chatgpt.com/explore/plus), or try again at Mar 20th, 2030 5:46 PM.",
  );
  assert.equal(usageLimitMessage({ ...none, resetsAt }, now), "You've hit your usage limit. Try again at Mar 20th, 2030 5:46 PM.");
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { promoMessage, rateLimitForLimit, rateLimitUpdates } from './rate-limits.ts';

test('the codex snapshot is always reported, even without headers', () => {
  assert.deepEqual(rateLimitUpdates({}), [{ limitId: 'codex', limitName: null, primary: null, secondary: null, credits: null }]);
});

test('windows, credits and further limit families (as the reference reported them)', () => {
  const headers = {
    'x-codex-primary-used-percent': '12.5',
    'x-codex-primary-window-minutes': '300',
    'x-codex-primary-reset-at': '1900000000',
    'x-codex-secondary-used-percent': '40',
    'x-codex-secondary-window-minutes': '10080',
    'x-codex-secondary-reset-at': '1900000500',
    'x-codex-credits-has-credits': 'true',
    'x-codex-credits-unlimited': 'false',
    'x-codex-credits-balance': ' 9.5 ',
    'x-codex-bengalfox-primary-used-percent': '80',
    'x-codex-bengalfox-limit-name': 'gpt-sonic',
    'x-other-primary-used-percent': '0',
  };
  const credits = { hasCredits: true, unlimited: false, balance: '9.5' };
  assert.deepEqual(rateLimitUpdates(headers), [
    {
      limitId: 'codex',
      limitName: null,
      primary: { usedPercent: 12.5, windowMinutes: 300, resetsAt: 1900000000 },
      secondary: { usedPercent: 40, windowMinutes: 10080, resetsAt: 1900000500 },
      credits,
    },
    { limitId: 'codex_bengalfox', limitName: 'gpt-sonic', primary: { usedPercent: 80, windowMinutes: null, resetsAt: null }, secondary: null, credits },
    // `x-other-*` has only an all-zero window, but the shared credits count as data.
    { limitId: 'other', limitName: null, primary: null, secondary: null, credits },
  ]);
});

test('all-zero windows, unparsable numbers and non-boolean credit flags count as absent', () => {
  const snapshot = rateLimitForLimit({
    'x-codex-primary-used-percent': '0',
    'x-codex-primary-window-minutes': '0',
    'x-codex-secondary-used-percent': ' 5',
    'x-codex-credits-has-credits': '1',
    'x-codex-credits-unlimited': 'yes',
  });
  assert.deepEqual(snapshot, { limitId: 'codex', limitName: null, primary: null, secondary: null, credits: null });
  assert.deepEqual(rateLimitForLimit({ 'x-codex-primary-used-percent': '1e1', 'x-codex-primary-reset-at': 'soon' }).primary, {
    usedPercent: 10,
    windowMinutes: null,
    resetsAt: null,
  });
});

test('a limit id selects its header family', () => {
  const headers = { 'x-codex-secondary-primary-used-percent': '80', 'x-codex-secondary-primary-window-minutes': '1440' };
  assert.deepEqual(rateLimitForLimit(headers, 'codex_secondary').primary, { usedPercent: 80, windowMinutes: 1440, resetsAt: null });
  assert.equal(rateLimitForLimit(headers, '  ').limitId, 'codex');
  assert.equal(promoMessage({ 'x-codex-promo-message': '  Promo2  ' }), 'Promo2');
  assert.equal(promoMessage({ 'x-codex-promo-message': ' ' }), null);
});

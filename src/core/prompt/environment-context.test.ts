import assert from 'node:assert/strict';
import { test } from 'node:test';
import { currentDate, environmentContextText, localTimezone } from './environment-context.ts';

test('the environment context lists cwd, shell, date and zone', () => {
  assert.equal(
    environmentContextText({ cwd: '/home/me/app', shell: 'zsh', currentDate: '2026-03-14', timezone: 'Europe/Paris' }),
    '<environment_context>\n  <cwd>/home/me/app</cwd>\n  <shell>zsh</shell>\n  <current_date>2026-03-14</current_date>\n  <timezone>Europe/Paris</timezone>\n</environment_context>',
  );
});

test('the date is local and zero-padded', () => {
  assert.equal(currentDate(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
});

test('TZ names the zone when set', () => {
  assert.equal(localTimezone({ TZ: ':America/New_York' }), 'America/New_York');
  assert.ok(localTimezone({}).length > 0);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveSettings } from './settings.ts';

test('the profile\'s [tools.web_search] overrides the top level field by field, the location too', () => {
  const { settings } = resolveSettings(
    {
      profile: 'p',
      tools: { web_search: { context_size: 'low', allowed_domains: ['x.org'], location: { country: 'DE', city: 'Berlin' } } },
      profiles: { p: { tools: { web_search: { context_size: 'medium', location: { city: 'Paris' } } } } },
    },
    {},
  );
  assert.deepEqual(settings.webSearchOptions, { context_size: 'medium', allowed_domains: ['x.org'], location: { country: 'DE', city: 'Paris' } });
});

test('[tools.web_search] from either level alone is taken as is', () => {
  assert.deepEqual(resolveSettings({ tools: { web_search: { context_size: 'high' } } }, {}).settings.webSearchOptions, { context_size: 'high' });
  assert.equal(resolveSettings({}, {}).settings.webSearchOptions, undefined);
});

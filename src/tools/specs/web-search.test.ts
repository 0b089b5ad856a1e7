import assert from 'node:assert/strict';
import { test } from 'node:test';
import { webSearchTool } from './web-search.ts';

const readOnly = { type: 'readOnly' } as const;

test('[tools.web_search] adds only the options that are configured, in the reference order', () => {
  assert.equal(
    JSON.stringify(
      webSearchTool('cached', readOnly, {
        location: { timezone: 'Europe/Berlin', city: 'Berlin', country: 'DE' },
        context_size: 'high',
        allowed_domains: ['a.com'],
      }),
    ),
    '{"type":"web_search","external_web_access":false,"filters":{"allowed_domains":["a.com"]},' +
      '"user_location":{"type":"approximate","country":"DE","city":"Berlin","timezone":"Europe/Berlin"},"search_context_size":"high"}',
  );
  assert.deepEqual(webSearchTool('live', readOnly, { context_size: 'low' }), { type: 'web_search', external_web_access: true, search_context_size: 'low' });
  assert.deepEqual(webSearchTool('cached', readOnly, { allowed_domains: [], location: {} }), {
    type: 'web_search',
    external_web_access: false,
    filters: { allowed_domains: [] },
    user_location: { type: 'approximate' },
  });
});

test('disabled offers nothing whatever the options', () => {
  assert.equal(webSearchTool('disabled', { type: 'dangerFullAccess' }, { context_size: 'high' }), null);
});

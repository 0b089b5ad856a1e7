import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shellEnvironment } from './shell-environment.ts';

const parent = { PATH: '/bin', HOME: '/h', OPENAI_API_KEY: 'sk', GH_TOKEN: 't', my_secret: 's', EDITOR: 'vi' };
const policy = { inherit: 'all' as const, ignoreDefaultExcludes: true, exclude: [], set: {}, includeOnly: [], useProfile: false };

test('by default everything is inherited, as the reference does', () => {
  assert.deepEqual(shellEnvironment(policy, parent), parent);
});

test('default excludes drop names that look like secrets, case-insensitively', () => {
  assert.deepEqual(shellEnvironment({ ...policy, ignoreDefaultExcludes: false }, parent), { PATH: '/bin', HOME: '/h', EDITOR: 'vi' });
});

test('core keeps the basics; exclude, set and include_only apply in order', () => {
  assert.deepEqual(shellEnvironment({ ...policy, inherit: 'core' }, parent), { PATH: '/bin', HOME: '/h' });
  assert.deepEqual(shellEnvironment({ ...policy, inherit: 'none', set: { A: '1' } }, parent), { A: '1' });
  assert.deepEqual(shellEnvironment({ ...policy, exclude: ['ed*'], set: { X: '2' }, includeOnly: ['PATH', 'X'] }, parent), { PATH: '/bin', X: '2' });
});

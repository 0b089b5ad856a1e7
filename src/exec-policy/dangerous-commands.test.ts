import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandMightBeDangerous } from './dangerous-commands.ts';

// Run through `exec_command` on the reference (0.113.0, on-request, no sandbox): the dangerous
// ones asked, the others ran.
const DANGEROUS = ['rm -f nothing', 'rm -rf nothing', 'sudo rm -f nothing', 'ls && rm -f nothing'];
const NOT_DANGEROUS = [
  'rm -fr nothing', 'rm -r -f nothing', 'rm nothing -f', 'rm --force nothing', 'rm -r nothing', 'rm -- -f', 'rm -rfv nothing',
  'rm -vf nothing', '/bin/rm -f nothing', 'sudo -u root rm -f nothing', 'sudo ls', 'git reset', 'git reset --hard', 'git rm nothing',
  'git --no-pager reset', 'git -C . reset', 'git branch -d nothing', 'git branch -D nothing', 'git push --force', 'git push -f',
  'git push origin +main', 'git push origin :main', 'git clean -fd', '/usr/bin/git reset', 'echo x > y && rm -f nothing', 'touch nothing',
];

test('what the reference asks about even when it would otherwise just run', () => {
  for (const script of DANGEROUS) assert.equal(commandMightBeDangerous(['/bin/bash', '-lc', script]), true, script);
});

test('what it runs', () => {
  for (const script of NOT_DANGEROUS) assert.equal(commandMightBeDangerous(['/bin/bash', '-lc', script]), false, script);
});

test('a plain argv and sudo chains', () => {
  assert.equal(commandMightBeDangerous(['rm', '-rf', '/']), true);
  assert.equal(commandMightBeDangerous(['sudo', 'sudo', 'rm', '-f', 'x']), true);
  assert.equal(commandMightBeDangerous(['sudo']), false);
  assert.equal(commandMightBeDangerous([]), false);
});

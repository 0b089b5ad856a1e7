import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeSandboxDenial } from '../../src/sandbox/index.ts';

const blocked = { networkBlocked: true };

test('success is never a denial', () => {
  assert.equal(looksLikeSandboxDenial(0, 'touch: cannot touch /x: Read-only file system', blocked), false);
});

test('the reference phrases, in any case, in any exit code', () => {
  for (const [code, output] of [
    [1, "touch: cannot touch '/etc/x': Read-only file system"],
    [1, 'rm: cannot remove x: Operation not permitted'],
    [126, 'sh: 1: ./run.sh: Permission denied'],
    [101, 'error: failed to write file target/debug/x'],
  ] as const) {
    assert.equal(looksLikeSandboxDenial(code, output, blocked), true, output);
  }
});

test('ordinary failures are not', () => {
  assert.equal(looksLikeSandboxDenial(1, '', blocked), false);
  assert.equal(looksLikeSandboxDenial(127, 'sh: 1: nope: not found', blocked), false);
  assert.equal(looksLikeSandboxDenial(1, 'AssertionError: expected 2 to equal 3', blocked), false);
});

test('network failures count only when the sandbox blocked the network', () => {
  const curl = 'curl: (6) Could not resolve host: registry.npmjs.org';
  assert.equal(looksLikeSandboxDenial(6, curl, blocked), true);
  assert.equal(looksLikeSandboxDenial(6, curl, { networkBlocked: false }), false);
  assert.equal(looksLikeSandboxDenial(1, 'npm error code EAI_AGAIN', blocked), true);
  assert.equal(looksLikeSandboxDenial(1, 'connect: Network is unreachable', blocked), true);
});

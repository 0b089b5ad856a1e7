import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isImplicitPatch, patchFromShellCommand } from '../../../src/tools/apply-patch/shell.ts';

const PATCH = '*** Begin Patch\n*** Add File: foo\n+hi\n*** End Patch';
const heredoc = (prefix: string, suffix = '') => `${prefix}apply_patch <<'PATCH'\n${PATCH}\nPATCH${suffix}`;
const bash = (script: string) => ['bash', '-lc', script];

test('direct invocations take the patch as it is', () => {
  assert.deepEqual(patchFromShellCommand(['apply_patch', PATCH]), { patch: PATCH, workdir: null });
  assert.deepEqual(patchFromShellCommand(['applypatch', PATCH]), { patch: PATCH, workdir: null });
});

test('a heredoc script in any of the shells the reference recognises', () => {
  const expected = { patch: PATCH, workdir: null };
  assert.deepEqual(patchFromShellCommand(bash(heredoc(''))), expected);
  assert.deepEqual(patchFromShellCommand(['/bin/zsh', '-c', heredoc('', '\n')]), expected);
  assert.deepEqual(patchFromShellCommand(['sh', '-c', `applypatch <<EOF\n${PATCH}\nEOF`]), expected);
  assert.deepEqual(patchFromShellCommand(['bash', '-lc', `apply_patch <<"EOF"\n${PATCH}\nEOF\n`]), expected);
  assert.deepEqual(patchFromShellCommand(['pwsh', '-NoProfile', '-Command', heredoc('')]), expected);
  assert.deepEqual(patchFromShellCommand(['powershell.exe', '-Command', heredoc('')]), expected);
  assert.deepEqual(patchFromShellCommand(['cmd.exe', '/c', heredoc('')]), expected);
});

test('a leading `cd <dir> &&` gives the directory the patch applies in', () => {
  assert.deepEqual(patchFromShellCommand(bash(heredoc('cd foo && '))), { patch: PATCH, workdir: 'foo' });
  assert.deepEqual(patchFromShellCommand(bash(heredoc("cd 'foo bar' && "))), { patch: PATCH, workdir: 'foo bar' });
  assert.deepEqual(patchFromShellCommand(bash(heredoc('cd "foo bar" && '))), { patch: PATCH, workdir: 'foo bar' });
});

test('anything more is an ordinary command', () => {
  for (const script of [
    heredoc('cd foo; '),
    heredoc('cd bar || '),
    heredoc('cd bar | '),
    heredoc('echo foo && '),
    heredoc('cd foo && cd bar && '),
    heredoc('cd foo bar && '),
    heredoc('cd bar && ', ' && echo done'),
    heredoc('', '\necho done'),
    `apply_patch foo <<'PATCH'\n${PATCH}\nPATCH`,
    `apply_patch <<'PATCH'\n${PATCH}\n`,
    'ls -la',
  ]) {
    assert.equal(patchFromShellCommand(bash(script)), null, script);
  }
  assert.equal(patchFromShellCommand(['bash', '-x', heredoc('')]), null);
  assert.equal(patchFromShellCommand(['fish', '-c', heredoc('')]), null);
  assert.equal(patchFromShellCommand(['apply_patch']), null);
});

test('a bare patch, as the command or as the whole script, is an implicit invocation', () => {
  assert.equal(isImplicitPatch([PATCH]), true);
  assert.equal(isImplicitPatch(bash(PATCH)), true);
  assert.equal(isImplicitPatch(['apply_patch', PATCH]), false);
  assert.equal(isImplicitPatch(bash(heredoc(''))), false);
});

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { resolveCodexHome } from './codex-home.ts';

const scratch = () => realpathSync(mkdtempSync(join(tmpdir(), 'weft-home-')));

// Messages and behaviour as observed on codex-cli 0.113.0.
test('CODEX_HOME must exist and be a directory; it is never created', () => {
  const dir = scratch();
  const missing = join(dir, 'nope');
  assert.throws(() => resolveCodexHome({ CODEX_HOME: missing }), {
    message: `CODEX_HOME points to "${missing}", but that path does not exist`,
  });
  assert.equal(existsSync(missing), false);
  writeFileSync(join(dir, 'afile'), '');
  assert.throws(() => resolveCodexHome({ CODEX_HOME: join(dir, 'afile') }), /but that path is not a directory/);
});

test('a relative CODEX_HOME is resolved against the working directory', () => {
  const dir = scratch();
  mkdirSync(join(dir, 'rel'));
  assert.equal(resolveCodexHome({ CODEX_HOME: 'rel' }, dir), join(dir, 'rel'));
});

test('without CODEX_HOME (or with it empty), ~/.codex is used and created', () => {
  const dir = scratch();
  assert.equal(resolveCodexHome({ HOME: dir, CODEX_HOME: '' }), join(dir, '.codex'));
  assert.equal(existsSync(join(dir, '.codex')), true);
});

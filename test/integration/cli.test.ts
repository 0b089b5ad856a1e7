import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, startStdio, tempHome, WEFT_BIN } from '../support/weft.ts';

const weft = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(WEFT_BIN, args, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env } });

test('help and version', () => {
  const help = weft(['app-server', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: weft app-server \[OPTIONS\] \[COMMAND\]/);
  for (const flag of ['--listen', '--config', '--enable', '--disable', 'generate-ts', 'generate-json-schema']) {
    assert.ok(help.stdout.includes(flag), flag);
  }
  assert.match(weft(['--version']).stdout, /^weft \d+\.\d+\.\d+/);
  const bad = weft(['app-server', '--no-such-flag']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /error: .*--no-such-flag/);
  assert.equal(bad.stdout, '');
});

test('generate-json-schema writes a schema equal to the reference', { skip: !existsSync(join(REPO_ROOT, '..', 'shared')) && 'no ../shared' }, () => {
  const out = mkdtempSync(join(tmpdir(), 'weft-schema-'));
  try {
    const gen = weft(['app-server', 'generate-json-schema', '--experimental', '--out', out]);
    assert.equal(gen.status, 0, gen.stderr);
    const diff = spawnSync(process.execPath, [join(REPO_ROOT, '..', 'shared', 'conformance', 'schema-diff.mjs'), out], { encoding: 'utf8' });
    assert.equal(diff.status, 0, diff.stdout);
    assert.match(diff.stdout.trim().split('\n').pop()!, /^\d+ definitions compared, 0 differences$/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('generate-ts writes TypeScript bindings', () => {
  const out = mkdtempSync(join(tmpdir(), 'weft-ts-'));
  try {
    const gen = weft(['app-server', 'generate-ts', '--out', out]);
    assert.equal(gen.status, 0, gen.stderr);
    assert.match(readFileSync(join(out, 'v2', 'Thread.ts'), 'utf8'), /export type Thread = /);
    assert.ok(existsSync(join(out, 'index.ts')));
    const missing = weft(['app-server', 'generate-ts']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--out <DIR>/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a CODEX_HOME that does not exist stops the server with a clear message', () => {
  const res = weft(['app-server'], { CODEX_HOME: '/nonexistent/weft-home' });
  assert.equal(res.status, 1);
  assert.match(res.stderr, /CODEX_HOME points to "\/nonexistent\/weft-home", but that path does not exist/);
  assert.doesNotMatch(res.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(res.stdout, '');
});

test('a malformed -c override stops the server with a clear message', () => {
  const home = tempHome();
  try {
    const res = weft(['app-server', '-c', 'novalue'], { CODEX_HOME: home.codexHome });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /novalue/);
    assert.doesNotMatch(res.stderr, /\n\s+at /, 'no stack trace');
    const feature = weft(['app-server', '--enable', 'no_such_feature'], { CODEX_HOME: home.codexHome });
    assert.equal(feature.status, 1);
    assert.match(feature.stderr, /Unknown feature flag: no_such_feature/);
  } finally {
    home.dispose();
  }
});

test('a malformed config.toml is reported to the client with file, line and key, and the server keeps serving', async () => {
  const home = tempHome('model = "x"\napproval_policy = 5\n');
  const { weft: proc, client } = await startStdio(home);
  try {
    await client.initialize();
    const warning = await client.notification('configWarning');
    assert.equal(warning.params.summary, 'Invalid configuration; using defaults.');
    assert.equal(warning.params.path, join(home.codexHome, 'config.toml'));
    assert.equal(warning.params.range.start.line, 2);
    assert.equal(warning.params.details, `${join(home.codexHome, 'config.toml')}:2:19: wanted string or table`);
    assert.deepEqual((await client.request('thread/list', {})).result, { data: [], nextCursor: null });
    await proc.stderrMatching(/Invalid configuration; using defaults\./);
  } finally {
    await proc.kill();
    home.dispose();
  }
});

test('a notification the client opted out of is never delivered to it', async () => {
  const home = tempHome('approval_policy = 5\n');
  const { weft: proc, client } = await startStdio(home);
  try {
    await client.initialize({ capabilities: { optOutNotificationMethods: ['configWarning'] } });
    assert.deepEqual((await client.request('thread/list', {})).result, { data: [], nextCursor: null });
    assert.deepEqual(client.log.filter((m) => m.method === 'configWarning'), []);
  } finally {
    await proc.kill();
    home.dispose();
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXEC_OUTPUT_MAX_BYTES, runCommand } from '../../../src/tools/shell/exec.ts';
import { SpawnError } from '../../../src/tools/shell/process.ts';
import { alive, eventually, workspace } from './helpers.ts';

const env = { PATH: process.env.PATH };

test('a command runs to completion: output, exit code, stdout before stderr', async (t) => {
  const cwd = workspace(t, { 'notes.txt': 'alpha\nbeta\n' });
  const chunks: string[] = [];
  const r = await runCommand({ argv: ['bash', '-c', 'echo err >&2; sleep 0.05; cat notes.txt; exit 3'], cwd, env, timeoutMs: 5000, onOutput: (c) => chunks.push(c.toString()) });
  assert.deepEqual(r.exit, { code: 3, signal: null });
  assert.equal(r.stdout.toString(), 'alpha\nbeta\n');
  assert.equal(r.stderr.toString(), 'err\n');
  assert.equal(r.aggregated.toString(), 'alpha\nbeta\nerr\n');
  // Streamed in the order it was written.
  assert.equal(chunks.join(''), 'err\nalpha\nbeta\n');
  assert.equal(r.timedOut, false);
});

test('a program that does not exist fails to start with the OS error', async (t) => {
  const cwd = workspace(t);
  await assert.rejects(runCommand({ argv: ['weft-no-such-program'], cwd, env, timeoutMs: 5000 }), (err) => {
    assert.ok(err instanceof SpawnError);
    assert.deepEqual(err.os, { errno: 2, kind: 'NotFound', message: 'No such file or directory' });
    return true;
  });
});

test('ten megabytes of output: the first megabyte of each stream is kept, all of it is streamed', async (t) => {
  const cwd = workspace(t);
  let streamed = 0;
  const r = await runCommand({ argv: ['bash', '-c', 'head -c 10485760 /dev/zero | tr "\\0" x; head -c 3000000 /dev/zero | tr "\\0" y >&2'], cwd, env, timeoutMs: 20_000, onOutput: (c) => (streamed += c.length) });
  assert.equal(streamed, 10_485_760 + 3_000_000);
  assert.equal(r.stdout.length, EXEC_OUTPUT_MAX_BYTES);
  assert.equal(r.stderr.length, EXEC_OUTPUT_MAX_BYTES);
  // Both long: a third for stdout, the rest for stderr.
  assert.equal(r.aggregated.length, EXEC_OUTPUT_MAX_BYTES);
  assert.equal(r.aggregated.indexOf('y'), Math.floor(EXEC_OUTPUT_MAX_BYTES / 3));
});

test('the time limit kills the command and what it started', async (t) => {
  const cwd = workspace(t);
  let child = 0;
  const r = await runCommand({
    argv: ['bash', '-c', 'sleep 30 & echo $!; wait'],
    cwd,
    env,
    timeoutMs: 300,
    onOutput: (c) => (child ||= Number(c.toString().trim())),
  });
  assert.equal(r.timedOut, true);
  assert.ok(r.durationMs >= 300 && r.durationMs < 3000, String(r.durationMs));
  assert.ok(child > 0);
  await eventually(() => !alive(child));
});

test('cancelling terminates the command and its children', async (t) => {
  const cwd = workspace(t);
  const abort = new AbortController();
  let child = 0;
  const run = runCommand({
    argv: ['bash', '-c', 'sleep 30 & echo $!; wait'],
    cwd,
    env,
    timeoutMs: 60_000,
    signal: abort.signal,
    onOutput: (c) => {
      child ||= Number(c.toString().trim());
      abort.abort();
    },
  });
  const r = await run;
  assert.equal(r.aborted, true);
  assert.notEqual(r.exit.signal, null);
  await eventually(() => !alive(child));
});

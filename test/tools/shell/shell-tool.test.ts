import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSandboxAvailable } from '../../../src/sandbox/index.ts';
import type { ExecApprovalRequest } from '../../../src/tools/shell/index.ts';
import { lastItemId, turn, workspace } from './helpers.ts';

const noSandbox = !isSandboxAvailable() && 'needs a working sandbox (bwrap)';

test('shell: the golden transcript — item started, output streamed, item completed, JSON answer', async (t) => {
  const cwd = workspace(t, { 'notes.txt': 'alpha\nbeta\n' });
  const tt = turn(t, cwd);
  const out = await tt.call('shell', { command: ['bash', '-lc', "cat notes.txt; printf 'x%.0s' 1 2 3"] });
  const id = lastItemId(tt);
  assert.match(out, /^\{"output":"alpha\\nbeta\\nxxx","metadata":\{"exit_code":0,"duration_seconds":\d+\.\d\}\}$/);
  const [started, ...rest] = tt.events;
  const base = {
    type: 'commandExecution',
    id,
    command: `bash -lc "cat notes.txt; printf 'x%.0s' 1 2 3"`,
    cwd,
    processId: null,
    commandActions: [{ type: 'read', command: 'cat notes.txt', name: 'notes.txt', path: 'notes.txt' }],
  };
  assert.deepEqual(started, { kind: 'started', item: { ...base, status: 'inProgress', aggregatedOutput: null, exitCode: null, durationMs: null } });
  assert.equal(tt.deltas(id), 'alpha\nbeta\nxxx');
  const completed = rest[rest.length - 1]!;
  assert.equal(completed.kind, 'completed');
  assert.deepEqual({ ...(completed as { item: object }).item, durationMs: 0 }, { ...base, status: 'completed', aggregatedOutput: 'alpha\nbeta\nxxx', exitCode: 0, durationMs: 0 });
});

test('shell_command runs the user shell as a login shell and answers in text', async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  const out = await tt.call('shell_command', { command: 'echo hi; echo err >&2; exit 3' });
  assert.match(out, /^Exit code: 3\nWall time: [\d.]+ seconds\nOutput:\nhi\nerr\n$/);
  const [item] = tt.completed(lastItemId(tt));
  assert.match((item as { command: string }).command, /^\/\S+ -lc 'echo hi; echo err >&2; exit 3'$/);
  assert.equal((item as { status: string }).status, 'failed');
  assert.equal((item as { exitCode: number }).exitCode, 3);
  assert.match(await tt.call('shell_command', { command: 'shopt -q login_shell && echo login || echo plain', login: false }), /Output:\nplain\n$/);
});

test('a program that does not exist: the spawn error as the reference words it', async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  const out = await tt.call('shell', { command: ['weft-no-such-program', 'a'] });
  const text = 'execution error: Io(Os { code: 2, kind: NotFound, message: "No such file or directory" })';
  assert.equal(out, text);
  assert.deepEqual(tt.completed(lastItemId(tt)).map((i) => [(i as { status: string }).status, (i as { exitCode: number }).exitCode, (i as { aggregatedOutput: string }).aggregatedOutput]), [['failed', -1, text]]);
  // A workdir that does not exist fails the same way.
  assert.equal(await tt.call('shell', { command: ['ls'], workdir: 'missing' }), text);
});

test('a timed-out command: exit code 124 and the reference message', async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  const out = await tt.call('shell', { command: ['bash', '-c', 'echo started; sleep 30'], timeout_ms: 300 });
  assert.match(out, /^\{"output":"command timed out after \d+ milliseconds\\nstarted\\n","metadata":\{"exit_code":124,"duration_seconds":0\.\d\}\}$/);
  const [item] = tt.completed(lastItemId(tt));
  assert.equal((item as { exitCode: number }).exitCode, 124);
  assert.equal((item as { aggregatedOutput: string }).aggregatedOutput, 'started\n');
});

test('a command killed by a signal, and an empty command', async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  assert.equal(await tt.call('shell', { command: ['bash', '-c', 'kill $$'] }), 'execution error: Sandbox(Signal(15))');
  assert.equal(await tt.call('shell', { command: [] }), 'command args are empty');
  assert.equal((tt.completed(lastItemId(tt))[0] as { status: string }).status, 'declined');
});

test('bad arguments and escalation the policy cannot grant are answered without running anything', async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  assert.equal(await tt.call('shell', { command: 'ls' }), 'failed to parse function arguments: invalid type: string "ls", expected a sequence at line 1 column 15');
  assert.equal(
    await tt.call('shell', { command: ['ls'], sandbox_permissions: 'require_escalated' }),
    'approval policy is Never; reject command — you should not ask for escalated permissions if the approval policy is Never',
  );
  assert.equal(tt.events.length, 0);
});

test('ten megabytes of output: the model gets a truncated answer, clients the stream', async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  const out = await tt.call('shell', { command: ['bash', '-c', 'head -c 10485760 /dev/zero | tr "\\0" x'] });
  const parsed = JSON.parse(out) as { output: string };
  assert.match(parsed.output, /^Total output lines: 1\n\nx{5000}…1038576 chars truncated…x{5000}$/);
  assert.equal(tt.deltas(lastItemId(tt)).length, 10_485_760);
  assert.equal((tt.completed(lastItemId(tt))[0] as { aggregatedOutput: string }).aggregatedOutput.length, 1024 * 1024);
});

test('an interrupted command is killed and its item left open', async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  setTimeout(() => tt.abort.abort(), 200);
  assert.match(await tt.call('shell', { command: ['sleep', '30'] }), /^Wall time: 0\.\d seconds\naborted by user$/);
  assert.deepEqual(tt.completed(lastItemId(tt)), []);
});

test('approval seam: declined, then a sandbox denial retried outside the sandbox', { skip: noSandbox }, async (t) => {
  const cwd = workspace(t);
  const outside = workspace(t);
  const requests: ExecApprovalRequest[] = [];
  const tt = turn(t, cwd, {
    sandboxPolicy: { type: 'workspaceWrite', writableRoots: [], networkAccess: false, excludeSlashTmp: true, excludeTmpdirEnvVar: true },
    authorize: async (request) => {
      requests.push(request);
      if (request.argv.includes('declined')) return { declined: 'rejected by user' };
      return request.retry ? 'runUnsandboxed' : 'run';
    },
  });
  assert.equal(await tt.call('shell', { command: ['echo', 'declined'] }), 'exec command rejected by user');
  assert.deepEqual(tt.completed(lastItemId(tt)).map((i) => (i as { status: string }).status), ['declined']);

  const out = await tt.call('shell', { command: ['bash', '-c', `touch ${outside}/made && echo made`], workdir: '.' });
  assert.match(out, /"output":"made\\n"/);
  const retry = requests[requests.length - 1]!;
  assert.equal(retry.retry?.reason, 'sandboxDenied');
  assert.match((retry.retry as { output: string }).output, /Read-only file system|Permission denied/);
  assert.deepEqual(retry.commandActions, [{ type: 'unknown', command: `touch ${outside}/made && echo made` }]);
});

test('sandboxed, no approver: writing outside the workspace fails and is reported as it is', { skip: noSandbox }, async (t) => {
  const cwd = workspace(t);
  const outside = workspace(t);
  const tt = turn(t, cwd, { sandboxPolicy: { type: 'workspaceWrite', writableRoots: [], excludeSlashTmp: true, excludeTmpdirEnvVar: true } });
  const out = await tt.call('shell', { command: ['bash', '-c', `touch ${outside}/x`] });
  assert.match(out, /Read-only file system.*"exit_code":1/);
  assert.match(await tt.call('shell', { command: ['bash', '-c', 'touch inside && echo ok'] }), /"output":"ok\\n"/);
});

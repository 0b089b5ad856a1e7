import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { isSandboxAvailable } from '../../../src/sandbox/index.ts';
import { alive, eventually, lastItemId, turn, workspace, type Event } from './helpers.ts';

const noSandbox = !isSandboxAvailable() && 'needs a working sandbox (bwrap)';
const sessionOf = (out: string) => Number(/Process running with session ID (\d+)/.exec(out)?.[1]);
const outputOf = (out: string) => out.slice(out.indexOf('\nOutput:\n') + 9);

test('the golden transcript: a quick command is one answer, its output on the completed item, no deltas', async (t) => {
  const cwd = workspace(t, { 'notes.txt': 'alpha\nbeta\n' });
  const tt = turn(t, cwd);
  const out = await tt.call('exec_command', { cmd: 'cat notes.txt' });
  assert.match(out, /^Chunk ID: [0-9a-f]{6}\nWall time: \d\.\d{4} seconds\nProcess exited with code 0\nOriginal token count: 3\nOutput:\nalpha\nbeta\n$/);
  assert.deepEqual(tt.events.map((e) => e.kind), ['started', 'completed']);
  const [started, completed] = tt.events as Extract<Event, { item: unknown }>[];
  const processId = (started!.item as { processId: string }).processId;
  assert.match(processId, /^\d{4,5}$/);
  assert.deepEqual({ ...completed!.item, durationMs: 0 }, {
    type: 'commandExecution',
    id: lastItemId(tt),
    command: "/bin/bash -lc 'cat notes.txt'",
    cwd,
    processId,
    status: 'completed',
    commandActions: [{ type: 'read', command: 'cat notes.txt', name: 'notes.txt', path: 'notes.txt' }],
    aggregatedOutput: 'alpha\nbeta\n',
    exitCode: 0,
    durationMs: 0,
  });
});

test('a long command keeps a session; polls collect new output, the last one its exit', async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  const first = await tt.call('exec_command', { cmd: 'echo one; sleep 0.4; echo two; sleep 0.4; echo three', yield_time_ms: 250 });
  const id = sessionOf(first);
  assert.ok(id >= 1000 && id < 100_000);
  assert.equal(outputOf(first), 'one\n');
  const itemId = lastItemId(tt);
  const second = await tt.call('write_stdin', { session_id: id, chars: '' });
  assert.match(second, /\nProcess exited with code 0\nOriginal token count: 3\nOutput:\ntwo\nthree\n$/);
  // Output after the first 150 ms reaches clients as it comes, and is the item's output. (On a
  // loaded machine the shell may print `one` only after that window, and then it streams too.)
  const streamed = tt.deltas(itemId);
  assert.ok(streamed === 'two\nthree\n' || streamed === 'one\ntwo\nthree\n', streamed);
  await eventually(() => tt.completed(itemId).length === 1);
  assert.equal((tt.completed(itemId)[0] as { aggregatedOutput: string }).aggregatedOutput, streamed);
  const interaction = tt.events.find((e) => e.kind === 'notify' && e.method === 'item/commandExecution/terminalInteraction');
  assert.deepEqual(interaction, { kind: 'notify', method: 'item/commandExecution/terminalInteraction', params: { itemId, processId: String(id), stdin: '' } });
  assert.equal(await tt.call('write_stdin', { session_id: id }), `write_stdin failed: Unknown process id ${id}`);
  assert.equal(tt.sessions.count('thread-1'), 0);
});

test('a PTY session: input echoed by cat, Ctrl-C ends it', async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  const first = await tt.call('exec_command', { cmd: 'tty >/dev/null && echo on-a-tty; cat', tty: true, yield_time_ms: 300 });
  const id = sessionOf(first);
  assert.equal(outputOf(first), 'on-a-tty\r\n');
  const echoed = await tt.call('write_stdin', { session_id: id, chars: 'hello\n' });
  assert.equal(outputOf(echoed), 'hello\r\nhello\r\n');
  const stopped = await tt.call('write_stdin', { session_id: id, chars: '\u0003', yield_time_ms: 2000 });
  // The reference reports a PTY process ended by a signal as exit code 1.
  assert.match(stopped, /Process exited with code 1\n/);
  const stdin = tt.events.flatMap((e) => (e.kind === 'notify' && e.method === 'item/commandExecution/terminalInteraction' ? [e.params.stdin] : []));
  assert.deepEqual(stdin, ['hello\n', '\u0003']);
});

const noPython = spawnSync('python3', ['-c', '']).status !== 0 && 'needs python3';

test('python3 -i on a PTY answers what it is given', { skip: noPython }, async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  const id = sessionOf(await tt.call('exec_command', { cmd: 'python3 -i -q', tty: true, yield_time_ms: 1000 }));
  assert.match(outputOf(await tt.call('write_stdin', { session_id: id, chars: 'print(6 * 7)\n', yield_time_ms: 1000 })), /42/);
  assert.match(await tt.call('write_stdin', { session_id: id, chars: 'exit()\n', yield_time_ms: 2000 }), /Process exited with code 0/);
});

test('stdin of a command without a terminal is closed', async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  const id = sessionOf(await tt.call('exec_command', { cmd: 'sleep 5', yield_time_ms: 250 }));
  assert.equal(await tt.call('write_stdin', { session_id: id, chars: 'x' }), 'write_stdin failed: stdin is closed for this session; rerun exec_command with tty=true to keep stdin open');
  assert.equal(await tt.call('write_stdin', { session_id: 99 }), 'write_stdin failed: Unknown process id 99');
});

test('failures before a process runs are answered without an item', async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  assert.equal(await tt.call('exec_command', {}), 'failed to parse function arguments: missing field `cmd` at line 1 column 2');
  assert.equal(
    await tt.call('exec_command', { cmd: 'pwd', workdir: 'nope' }),
    'exec_command failed: CreateProcess { message: "Rejected(\\"Failed to create unified exec process: No such file or directory (os error 2)\\")" }',
  );
  assert.equal(
    await tt.call('exec_command', { cmd: 'ls', sandbox_permissions: 'require_escalated' }),
    'approval policy is Never; reject command — you cannot ask for escalated permissions if the approval policy is Never',
  );
  assert.equal(tt.events.length, 0);
});

test('exit codes: a failing command, a missing program, a killed shell', async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  assert.match(await tt.call('exec_command', { cmd: 'echo no >&2; exit 4' }), /Process exited with code 4\n.*\nOutput:\nno\n$/s);
  assert.match(await tt.call('exec_command', { cmd: 'weft-no-such-program' }), /Process exited with code 127\n[^]*command not found/);
  assert.match(await tt.call('exec_command', { cmd: 'kill -9 $$' }), /Process exited with code -1\n/);
  assert.deepEqual(tt.events.filter((e) => e.kind === 'completed').map((e) => (e as { item: { status: string } }).item.status), ['failed', 'failed', 'failed']);
});

test('ten megabytes of output: at most a megabyte kept, the answer truncated to max_output_tokens', async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  // Printed after the first 150 ms, so that it is streamed and kept as the item's output too.
  const out = await tt.call('exec_command', { cmd: 'sleep 0.3; head -c 10485760 /dev/zero | tr "\\0" x', max_output_tokens: 100, yield_time_ms: 10_000 });
  const tokens = Number(/Original token count: (\d+)/.exec(out)![1]);
  assert.ok(tokens <= 262_144, String(tokens));
  assert.match(outputOf(out), /^Total output lines: 1\n\nx{200}…\d+ tokens truncated…x{200}$/);
  await eventually(() => tt.completed(lastItemId(tt)).length === 1);
  assert.ok((tt.completed(lastItemId(tt))[0] as { aggregatedOutput: string }).aggregatedOutput.length <= 1024 * 1024);
});

test('interrupting exec_command kills its command; interrupting a poll does not', async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  const id = sessionOf(await tt.call('exec_command', { cmd: 'sleep 30', yield_time_ms: 250 }));
  setTimeout(() => tt.abort.abort(), 100);
  assert.match(await tt.call('write_stdin', { session_id: id, chars: '' }), /^aborted by user after \d\.\ds$/);
  assert.equal(tt.sessions.count('thread-1'), 1);

  const next = turn(t, cwd);
  setTimeout(() => next.abort.abort(), 400);
  const out = await next.call('exec_command', { cmd: 'echo $$; sleep 30', yield_time_ms: 5000 });
  assert.match(out, /^aborted by user after \d\.\ds$/);
  assert.equal(next.sessions.count('thread-1'), 0);
  assert.deepEqual(next.completed(lastItemId(next)), []);
});

test('close(threadId) kills the thread sessions', async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  const out = await tt.call('exec_command', { cmd: 'sh -c \'echo $$; exec sleep 30\'', yield_time_ms: 300 });
  const pid = Number(outputOf(out).trim());
  assert.ok(alive(pid));
  tt.sessions.close('thread-1');
  await eventually(() => !alive(pid));
  await eventually(() => tt.completed(lastItemId(tt)).length === 1);
});

test('sessions beyond the limit prune the least recently used', async (t) => {
  const cwd = workspace(t);
  const tt = turn(t, cwd);
  const start = () => tt.call('exec_command', { cmd: 'sleep 30', yield_time_ms: 250 }).then(sessionOf);
  const first = await Promise.all(Array.from({ length: 64 }, start));
  assert.equal(tt.sessions.count('thread-1'), 64);
  await start();
  assert.equal(tt.sessions.count('thread-1'), 64);
  // Writing to a session without a terminal is refused at once; to a pruned one, as unknown.
  const answers = await Promise.all(first.map((id) => tt.call('write_stdin', { session_id: id, chars: 'x' })));
  assert.equal(answers.filter((a) => a.includes('Unknown process id')).length, 1);
});

test('sandboxed: a denial as the command starts is retried outside, or reported as the reference does', { skip: noSandbox }, async (t) => {
  const cwd = workspace(t);
  const outside = workspace(t);
  const policy = { type: 'workspaceWrite' as const, writableRoots: [], excludeSlashTmp: true, excludeTmpdirEnvVar: true };
  // A denial counts as "as the command starts" within the first 150 ms; a loaded machine may need
  // another try for bubblewrap to start in time.
  let plain = turn(t, cwd, { sandboxPolicy: policy });
  let denied = await plain.call('exec_command', { cmd: `touch ${outside}/x` });
  for (let tries = 1; tries < 3 && denied.startsWith('exec_command failed: SandboxDenied'); tries++) {
    plain = turn(t, cwd, { sandboxPolicy: policy });
    denied = await plain.call('exec_command', { cmd: `touch ${outside}/x` });
  }
  assert.match(denied, /^exec_command failed: CreateProcess \{ message: "Codex\(Sandbox\(Denied \{ output: ExecToolCallOutput \{ exit_code: 1, .*Read-only file system/);
  assert.equal(plain.events.length, 0);
  const late = await plain.call('exec_command', { cmd: `sleep 0.3; touch ${outside}/x` });
  assert.match(late, /^exec_command failed: SandboxDenied \{ message: ".*Read-only file system/);

  const outsideRetry = async () => {
    const r = turn(t, cwd, { sandboxPolicy: policy, authorize: async (request) => (request.retry ? 'runUnsandboxed' : 'run') });
    return { r, out: await r.call('exec_command', { cmd: `touch ${outside}/x && echo made` }) };
  };
  let { r: retried, out } = await outsideRetry();
  for (let tries = 1; tries < 3 && out.startsWith('exec_command failed: SandboxDenied'); tries++) ({ r: retried, out } = await outsideRetry());
  assert.match(out, /Process exited with code 0\n.*\nOutput:\nmade\n$/s);
  assert.deepEqual(retried.events.map((e) => e.kind), ['started', 'completed']);
});

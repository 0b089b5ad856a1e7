import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Channel } from '../../src/transport/channel.ts';
import { listenStdio, type StdioOptions } from '../../src/transport/stdio.ts';

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** listenStdio over in-memory streams, recording what the RPC side would see. */
function harness(opts: Omit<StdioOptions, 'input' | 'output' | 'log'> = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  const messages: string[] = [];
  const warnings: string[] = [];
  let closes = 0;
  let channel: Channel | undefined;
  const listener = listenStdio(
    (ch) => {
      channel = ch;
      return { onMessage: (text) => messages.push(text), onClose: () => closes++ };
    },
    { ...opts, input, output, log: { warn: (m) => warnings.push(m), info() {}, debug() {} } },
  );
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return {
    input,
    messages,
    warnings,
    listener,
    channel: channel!,
    closes: () => closes,
    written: () => written,
  };
}

test('stdio: several lines in one chunk, and one line split across chunks', async () => {
  const h = harness();
  h.input.write('{"a":1}\n{"b":2}\n{"c"');
  h.input.write(':3}\n');
  await until(() => h.messages.length === 3, 'three messages');
  assert.deepEqual(h.messages, ['{"a":1}', '{"b":2}', '{"c":3}']);
});

test('stdio: a multibyte character split across chunks is reassembled', async () => {
  const h = harness();
  const bytes = Buffer.from('{"s":"é€😀"}\n');
  // Cut inside é (2 bytes), inside € (3 bytes) and inside 😀 (4 bytes).
  for (const [from, to] of [[0, 7], [7, 9], [9, 12], [12, bytes.length]] as const) h.input.write(bytes.subarray(from, to));
  await until(() => h.messages.length === 1, 'the message');
  assert.deepEqual(h.messages, ['{"s":"é€😀"}']);
  assert.deepEqual(h.warnings, []);
});

test('stdio: CRLF is stripped and blank lines are skipped', async () => {
  const h = harness();
  h.input.write('{"a":1}\r\n\r\n   \n\t\r\n\n{"b":2}\r\n');
  await until(() => h.messages.length === 2, 'two messages');
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(h.messages, ['{"a":1}', '{"b":2}']);
});

test('stdio: a line that is not valid UTF-8 is dropped with a warning and the next is served', async () => {
  const h = harness();
  h.input.write(Buffer.concat([Buffer.from('{"bad":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]));
  h.input.write(Buffer.from([0xe2, 0x82, 0x0a])); // truncated € right before the newline
  h.input.write('{"good":true}\n');
  await until(() => h.messages.length === 1, 'the valid message');
  assert.deepEqual(h.messages, ['{"good":true}']);
  assert.equal(h.warnings.length, 2);
  assert.match(h.warnings[0]!, /UTF-8/);
  assert.equal(h.closes(), 0);
});

test('stdio: a 10 MB line is delivered whole', async () => {
  const h = harness();
  const big = JSON.stringify({ pad: 'é'.repeat(5 * 1024 * 1024) }); // ~10 MiB of UTF-8
  const bytes = Buffer.from(big + '\n');
  for (let i = 0; i < bytes.length; i += 64 * 1024 + 1) h.input.write(bytes.subarray(i, i + 64 * 1024 + 1));
  h.input.write('{"next":1}\n');
  await until(() => h.messages.length === 2, 'both messages');
  assert.equal(h.messages[0]!.length, big.length);
  assert.ok(h.messages[0] === big);
  assert.equal(h.messages[1], '{"next":1}');
});

test('stdio: a line over the cap is discarded without buffering it, and the connection keeps serving', async () => {
  const h = harness({ maxLineBytes: 1024 });
  h.input.write('{"pad":"' + 'x'.repeat(700));
  h.input.write('x'.repeat(700)); // crosses the cap here
  h.input.write('x'.repeat(5000) + '"}\n{"after":1}\n');
  // 1011 bytes in two chunks: just under the cap, so it is delivered.
  h.input.write('{"fits":"' + 'y'.repeat(1000));
  h.input.write('"}\n');
  await until(() => h.messages.length === 2, 'the messages after the long line');
  assert.deepEqual(h.messages, ['{"after":1}', '{"fits":"' + 'y'.repeat(1000) + '"}']);
  assert.equal(h.warnings.length, 1);
  assert.match(h.warnings[0]!, /longer than the limit/);
  assert.equal(h.closes(), 0);
});

test('stdio: send writes one line per message, in order', async () => {
  const h = harness();
  h.channel.send('{"id":1}');
  h.channel.send('{"id":2,"s":"é"}');
  const expected = '{"id":1}\n{"id":2,"s":"é"}\n';
  await until(() => h.written().length >= expected.length, 'output');
  assert.equal(h.written(), expected);
  assert.equal(h.channel.transport, 'stdio');
});

test('stdio: EOF delivers an unterminated last line, then closes exactly once', async () => {
  const h = harness();
  h.input.end('{"a":1}\n{"last":true}');
  await until(() => h.closes() === 1, 'onClose');
  assert.deepEqual(h.messages, ['{"a":1}', '{"last":true}']);
  h.channel.close();
  await h.listener.close();
  assert.equal(h.closes(), 1);
});

test('stdio: close() stops delivery and sending, and fires onClose once', async () => {
  const h = harness();
  h.input.write('{"a":1}\n');
  await until(() => h.messages.length === 1, 'first message');
  h.channel.close();
  h.input.write('{"b":2}\n');
  h.channel.send('{"dropped":true}');
  await h.listener.close();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(h.messages, ['{"a":1}']);
  assert.equal(h.written(), '');
  assert.equal(h.closes(), 1);
});

// --- real pipes, through a child process -------------------------------------------------------

const CHILD = fileURLToPath(new URL('./fixtures/stdio-child.ts', import.meta.url));

interface Child {
  proc: ChildProcessWithoutNullStreams;
  logs: Array<{ level: string; message: string; [k: string]: unknown }>;
  exited: Promise<{ code: number | null; stderr: string }>;
}

function startChild(highWaterBytes: number): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, String(highWaterBytes)], { stdio: 'pipe' });
  const logs: Child['logs'] = [];
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    const lines = stderr.split('\n');
    logs.length = 0;
    for (const line of lines) if (line.startsWith('{')) logs.push(JSON.parse(line));
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    proc.on('close', (code) => resolve({ code, stderr })),
  );
  return { proc, logs, exited };
}

function readLines(proc: ChildProcessWithoutNullStreams): string[] {
  const lines: string[] = [];
  let rest = '';
  proc.stdout.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split('\n');
    rest = parts.pop()!;
    lines.push(...parts);
  });
  return lines;
}

test('stdio (child process): EPIPE on stdout closes the connection without crashing', async () => {
  const child = startChild(0);
  const lines = readLines(child.proc);
  child.proc.stdin.write('{"hello":1}\n');
  await until(() => lines.length === 1, 'echo');
  child.proc.stdout.destroy(); // the client stops listening
  child.proc.stdin.write(JSON.stringify({ flood: { count: 64, bytes: 64 * 1024 } }) + '\n');
  const { code, stderr } = await child.exited; // stdin is still open: the child exits because it stopped reading
  assert.equal(code, 0, stderr);
  const failure = child.logs.find((l) => l.message === 'stdio output failed');
  assert.equal(failure?.code, 'EPIPE', stderr);
  assert.equal(child.logs.filter((l) => l.message === 'onClose').length, 1);
  assert.doesNotMatch(stderr, /Error:|at .*\(/);
});

test('stdio (child process): a client that stops reading is slowed down, then fully served', async () => {
  const child = startChild(1024 * 1024);
  child.proc.stdout.pause();
  child.proc.stdin.write(JSON.stringify({ flood: { count: 16, bytes: 256 * 1024 } }) + '\n');
  await until(() => child.logs.some((l) => l.message.includes('pausing input')), 'input to pause');

  // The child stops reading, so what we write now piles up on our side of the pipe.
  const echoes = 100;
  for (let i = 0; i < echoes; i++) child.proc.stdin.write(JSON.stringify({ echo: i, pad: 'e'.repeat(32 * 1024) }) + '\n');
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.ok(child.proc.stdin.writableLength > 1024 * 1024, `child kept reading: ${child.proc.stdin.writableLength}`);
  assert.ok(!child.logs.some((l) => l.message.includes('resuming input')));

  const lines = readLines(child.proc);
  child.proc.stdout.resume();
  await until(() => lines.length === 16 + echoes, 'every flood line and every echo');
  assert.ok(child.logs.some((l) => l.message.includes('resuming input')));
  const order = lines.map((line) => JSON.parse(line) as { flood?: number; echo?: number });
  assert.deepEqual(
    order.map((m) => m.flood ?? m.echo),
    [...Array.from({ length: 16 }, (_, i) => i), ...Array.from({ length: echoes }, (_, i) => i)],
  );
  child.proc.stdin.end();
  const { code, stderr } = await child.exited;
  assert.equal(code, 0, stderr);
  assert.equal(child.logs.filter((l) => l.message === 'onClose').length, 1);
});

test('stdio (child process): output sent before close() survives an immediate process.exit()', async () => {
  const child = startChild(0);
  child.proc.stdout.pause();
  child.proc.stdin.write(JSON.stringify({ flood: { count: 8, bytes: 512 * 1024 } }) + '\n{"exit":true}\n');
  await new Promise((resolve) => setTimeout(resolve, 300)); // the child is now waiting on us to read
  const lines = readLines(child.proc);
  child.proc.stdout.resume();
  const { code, stderr } = await child.exited;
  assert.equal(code, 0, stderr);
  assert.equal(lines.length, 8);
});

test('stdio: a client that never reads is closed once unwritten output reaches the hard limit', () => {
  const input = new PassThrough();
  // An output nobody reads from: everything written stays buffered.
  const output = new PassThrough({ highWaterMark: 1024 });
  const warnings: string[] = [];
  let closes = 0;
  let channel: Channel | undefined;
  listenStdio(
    (ch) => {
      channel = ch;
      return { onMessage() {}, onClose: () => closes++ };
    },
    { input, output, outputHighWaterBytes: 4096, outputHardLimitBytes: 64 * 1024, log: { warn: (m) => warnings.push(m), info() {}, debug() {} } },
  );
  const line = 'x'.repeat(1000);
  for (let i = 0; i < 200 && closes === 0; i++) channel!.send(line);
  assert.equal(closes, 1);
  assert.ok(output.writableLength < 64 * 1024 + 2000);
  assert.match(warnings.join('\n'), /stopped reading/);
});

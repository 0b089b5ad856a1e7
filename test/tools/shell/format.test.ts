import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freeformShellText, lateDenialText, structuredShellText, unifiedExecText } from '../../../src/tools/shell/format.ts';
import { HeadTailBuffer } from '../../../src/tools/shell/head-tail-buffer.ts';
import { formattedTruncateText, lineCount, truncateText } from '../../../src/tools/shell/truncate.ts';

const seq = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}\n`).join('');

// Outputs the reference (0.113.0) sent back to the model, for the same commands.
test('exec_command answer: header lines, then the output truncated to max_output_tokens', () => {
  const text = unifiedExecText({ chunkId: '9dea1f', wallTimeMs: 0, exitCode: 0, sessionId: null, output: seq(1, 3000), maxOutputTokens: 50 });
  const head = seq(1, 36) + '3';
  assert.equal(text, `Chunk ID: 9dea1f\nWall time: 0.0000 seconds\nProcess exited with code 0\nOriginal token count: 3474\nOutput:\nTotal output lines: 3000\n\n${head}…3424 tokens truncated…${seq(2981, 3000)}`);
  const running = unifiedExecText({ chunkId: '73860f', wallTimeMs: 251.6, exitCode: null, sessionId: 70164, output: 'one\n', maxOutputTokens: 10_000 });
  assert.equal(running, 'Chunk ID: 73860f\nWall time: 0.2516 seconds\nProcess running with session ID 70164\nOriginal token count: 1\nOutput:\none\n');
});

test('token truncation keeps equal byte halves, whatever the lines', () => {
  const out = formattedTruncateText('ab'.repeat(100), { kind: 'tokens', limit: 10 });
  assert.equal(out, `Total output lines: 1\n\n${'ab'.repeat(10)}…40 tokens truncated…${'ab'.repeat(10)}`);
  assert.equal(formattedTruncateText('ééé', { kind: 'tokens', limit: 0 }), 'Total output lines: 1\n\n…2 tokens truncated…');
  assert.equal(formattedTruncateText('short', { kind: 'tokens', limit: 10 }), 'short');
});

test('byte truncation counts the characters it removed, never splitting one', () => {
  assert.equal(truncateText('0123456789', { kind: 'bytes', limit: 4 }), '01…6 chars truncated…89');
  assert.equal(truncateText('aé€😀z', { kind: 'bytes', limit: 6 }), 'aé…2 chars truncated…z');
});

test('line counts as Rust counts them', () => {
  assert.equal(lineCount(''), 0);
  assert.equal(lineCount('a'), 1);
  assert.equal(lineCount('a\n'), 1);
  assert.equal(lineCount('a\n\nb'), 3);
});

test('shell answers: JSON for shell, text for shell_command', () => {
  const r = { exitCode: 3, durationMs: 20, output: 'alpha\nbeta\nerr\n', timedOutAfterMs: null };
  assert.equal(structuredShellText(r, { kind: 'bytes', limit: 10_000 }), '{"output":"alpha\\nbeta\\nerr\\n","metadata":{"exit_code":3,"duration_seconds":0.0}}');
  assert.equal(freeformShellText({ ...r, exitCode: 0, output: 'hi\nerr\n' }, { kind: 'bytes', limit: 10_000 }), 'Exit code: 0\nWall time: 0 seconds\nOutput:\nhi\nerr\n');
  const timedOut = { exitCode: 124, durationMs: 312, output: '', timedOutAfterMs: 312 };
  assert.equal(structuredShellText(timedOut, { kind: 'bytes', limit: 10_000 }), '{"output":"command timed out after 312 milliseconds\\n","metadata":{"exit_code":124,"duration_seconds":0.3}}');
  assert.equal(freeformShellText({ ...timedOut, durationMs: 206, timedOutAfterMs: 206 }, { kind: 'bytes', limit: 10_000 }), 'Exit code: 124\nWall time: 0.2 seconds\nOutput:\ncommand timed out after 206 milliseconds\n');
});

test('a long shell_command output says how many lines it had', () => {
  const text = freeformShellText({ exitCode: 0, durationMs: 0, output: seq(1, 3000), timedOutAfterMs: null }, { kind: 'bytes', limit: 100 });
  assert.match(text, /^Exit code: 0\nWall time: 0 seconds\nTotal output lines: 3000\nOutput:\n1\n2\n.*…13793 chars truncated….*3000\n$/s);
});

test('a late sandbox denial reads as the reference debug-prints it', () => {
  assert.equal(
    lateDenialText(1, "touch: cannot touch '/usr/x': Permission denied\n"),
    `exec_command failed: SandboxDenied { message: "touch: cannot touch '/usr/x': Permission denied\\n", output: ExecToolCallOutput { exit_code: 1, stdout: StreamOutput { text: "", truncated_after_lines: None }, stderr: StreamOutput { text: "touch: cannot touch '/usr/x': Permission denied\\n", truncated_after_lines: None }, aggregated_output: StreamOutput { text: "touch: cannot touch '/usr/x': Permission denied\\n", truncated_after_lines: None }, duration: 0ns, timed_out: false } }`,
  );
});

test('head and tail buffer keeps the first and the last half of its budget', () => {
  const b = new HeadTailBuffer(10);
  b.push(Buffer.from('abc'));
  b.push(Buffer.from('defghijkl'));
  b.push(Buffer.from('mnop'));
  assert.equal(b.toBuffer().toString(), 'abcdelmnop');
  assert.equal(b.retainedBytes, 10);
  assert.equal(b.drain().toString(), 'abcdelmnop');
  assert.equal(b.retainedBytes, 0);
  b.push(Buffer.from('x'.repeat(100)));
  assert.equal(b.toBuffer().length, 10);
});

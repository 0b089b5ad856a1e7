import { testToolContext } from '../../support/tool-context.ts';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, test } from 'node:test';
import type { ResponseItem } from '../../../src/model/index.ts';
import { applyPatchHandler, runShellApplyPatch, type ApplyPatchOptions } from '../../../src/tools/apply-patch/tool.ts';
import { TurnDiffTracker } from '../../../src/tools/apply-patch/turn-diff.ts';
import type { ToolCall, ToolContext } from '../../../src/tools/registry.ts';

const GOLDEN = new URL('../../../../shared/conformance/golden/apply-patch.json', import.meta.url);
const GOLDEN_PATCH = '*** Begin Patch\n*** Update File: hello.txt\n@@\n hello\n-world\n+there\n*** Add File: new.txt\n+brand new\n*** End Patch\n';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A scratch working directory with `files`, and a context recording what the tool reports. */
function workspace(files: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'weft-patch-'));
  dirs.push(cwd);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(cwd, rel)), { recursive: true });
    writeFileSync(join(cwd, rel), text);
  }
  const events: [string, unknown][] = [];
  const ctx: ToolContext = testToolContext({
    cwd,
    startItem: (item) => void events.push(['item/started', item]),
    notify: (method, params) => void events.push([method, params]),
    completeItem: (item) => void events.push(['item/completed', item]),
  });
  const read = (rel: string) => (existsSync(join(cwd, rel)) ? readFileSync(join(cwd, rel), 'utf8') : null);
  return { cwd, ctx, events, read };
}

const custom = (input: string): ToolCall => ({ callId: 'call_patch', name: 'apply_patch', input, kind: 'custom' });
const fn = (args: unknown): ToolCall => ({ callId: 'call_fn', name: 'apply_patch', input: typeof args === 'string' ? args : JSON.stringify(args), kind: 'function' });
const outputOf = (item: ResponseItem) => (item as { output: string }).output;
const run = async (call: ToolCall, ctx: ToolContext, options?: ApplyPatchOptions) => outputOf(await applyPatchHandler(options)(call, ctx));
const methods = (events: [string, unknown][]) => events.map(([m, p]) => (m.startsWith('item/') && m.endsWith('ed') ? `${m}:${(p as { status: string }).status}` : m));

test('the golden scenario: item, output delta and turn diff exactly as the reference sends them', async () => {
  const { cwd, ctx, events, read } = workspace({ 'hello.txt': 'hello\nworld\n' });
  const tracker = new TurnDiffTracker();
  const output = await run(custom(GOLDEN_PATCH), ctx, { turnDiff: () => tracker });

  // The golden's messages, with the placeholders filled in as this run has them.
  const recorded = (JSON.parse(readFileSync(GOLDEN, 'utf8')) as { transcript: { recv?: unknown }[] }).transcript.map((e) => e.recv);
  const filled = JSON.stringify(recorded).replaceAll('<CWD>', cwd).replaceAll('<ID4>', 'call_patch').replaceAll('<ID1>', 'thread').replaceAll('<ID2>', 'turn');
  const messages = (JSON.parse(filled) as ({ method?: string; params: { item?: { type: string } } } | undefined)[]).filter((m) => m?.method);
  const find = (method: string) => messages.find((m) => m!.method === method && (m!.params.item?.type ?? 'fileChange') === 'fileChange')!.params;
  assert.deepEqual(events, [
    ['item/started', find('item/started').item],
    ['item/fileChange/outputDelta', find('item/fileChange/outputDelta')],
    ['item/completed', find('item/completed').item],
    ['turn/diff/updated', find('turn/diff/updated')],
  ]);

  assert.match(output, /^Exit code: 0\nWall time: \d+(\.\d)? seconds\nOutput:\nSuccess\. Updated the following files:\nA new\.txt\nM hello\.txt\n$/);
  assert.equal(read('hello.txt'), 'hello\nthere\n');
  assert.equal(read('new.txt'), 'brand new\n');
});

test('a patch that does not apply is answered at once: no item, nothing written', async () => {
  const { cwd, ctx, events, read } = workspace({ 'hello.txt': 'hello\nworld\n' });
  const bad = '*** Begin Patch\n*** Add File: new.txt\n+x\n*** Update File: hello.txt\n@@\n-nothere\n+x\n*** End Patch';
  assert.equal(await run(custom(bad), ctx), `apply_patch verification failed: Failed to find expected lines in ${cwd}/hello.txt:\nnothere`);
  assert.equal(
    await run(custom('*** Begin Patch\n*** Delete File: missing.txt\n*** End Patch'), ctx),
    `apply_patch verification failed: Failed to read ${cwd}/missing.txt: No such file or directory (os error 2)`,
  );
  assert.equal(await run(custom('bad patch'), ctx), "apply_patch verification failed: invalid patch: The first line of the patch must be '*** Begin Patch'");
  assert.equal(await run(custom('*** Begin Patch\n*** End Patch\n'), ctx), 'patch rejected: empty patch');
  mkdirSync(join(cwd, 'dir'));
  assert.equal(
    await run(custom('*** Begin Patch\n*** Update File: dir\n@@\n-a\n+b\n*** End Patch'), ctx),
    `apply_patch verification failed: Failed to read file to update ${cwd}/dir: Is a directory (os error 21)`,
  );
  assert.deepEqual(events, []);
  assert.equal(read('new.txt'), null);
  assert.equal(read('hello.txt'), 'hello\nworld\n');
});

test('a write that fails completes the item as failed and reports the error', async () => {
  const { ctx, events, read } = workspace({ 'hello.txt': 'hello\n' });
  const output = await run(custom('*** Begin Patch\n*** Add File: ok.txt\n+1\n*** Add File: hello.txt/x.txt\n+x\n*** End Patch'), ctx);
  assert.match(output, /^Exit code: 1\nWall time: [\d.]+ seconds\nOutput:\nFailed to create parent directories for hello\.txt\/x\.txt\n$/);
  assert.deepEqual(methods(events), ['item/started:inProgress', 'item/fileChange/outputDelta', 'item/completed:failed']);
  assert.equal((events[1]![1] as { delta: string }).delta, 'Failed to create parent directories for hello.txt/x.txt\n');
  // As in the reference, what was written before the failure stays.
  assert.equal(read('ok.txt'), '1\n');
});

test('moves, deletes and paths outside the working directory', async () => {
  const { cwd, ctx, read } = workspace({ 'work/run.sh': '#!/bin/sh\necho 1\n', 'work/gone.txt': 'bye\n' });
  chmodSync(join(cwd, 'work/run.sh'), 0o755);
  const inner = { ...ctx, cwd: join(cwd, 'work') };
  const output = await run(
    custom('*** Begin Patch\n*** Update File: run.sh\n*** Move to: bin/run.sh\n@@\n-echo 1\n+echo 2\n*** Delete File: gone.txt\n*** Add File: ../outside.txt\n+out\n*** End Patch'),
    inner,
  );
  assert.match(output, /Output:\nSuccess\. Updated the following files:\nA \.\.\/outside\.txt\nM bin\/run\.sh\nD gone\.txt\n$/);
  assert.equal(read('work/run.sh'), null);
  assert.equal(read('work/bin/run.sh'), '#!/bin/sh\necho 2\n');
  assert.equal(statSync(join(cwd, 'work/bin/run.sh')).mode & 0o777, 0o755);
  assert.equal(read('work/gone.txt'), null);
  assert.equal(read('outside.txt'), 'out\n');
});

test('the function form takes {"input": patch} and reports bad arguments as serde does', async () => {
  const { ctx, read } = workspace();
  assert.match(await run(fn({ input: '*** Begin Patch\n*** Add File: f.txt\n+1\n*** End Patch' }), ctx), /^Exit code: 0\n/);
  assert.equal(read('f.txt'), '1\n');
  assert.equal(await run(fn({ patch: 'nope' }), ctx), 'failed to parse function arguments: missing field `input` at line 1 column 16');
  assert.equal(await run(fn('{"patch": "nope"}'), ctx), 'failed to parse function arguments: missing field `input` at line 1 column 17');
  assert.equal(
    await run(fn({ input: 'nope' }), ctx),
    "apply_patch verification failed: invalid patch: The first line of the patch must be '*** Begin Patch'",
  );
});

test('an authorizer starts the item before it asks; a decline writes nothing', async () => {
  const { ctx, events, read } = workspace();
  const requests: unknown[] = [];
  const output = await run(custom('*** Begin Patch\n*** Add File: a.txt\n+1\n*** End Patch'), ctx, {
    authorize: async (request, c, start) => {
      start();
      requests.push([request.itemId, request.changes.map((ch) => ch.patchPath), methods(events)]);
      c.completeItem({ ...request.item, status: 'declined' });
      return 'declined';
    },
  });
  assert.equal(output, 'patch rejected by user');
  assert.deepEqual(requests, [['call_patch', ['a.txt'], ['item/started:inProgress']]]);
  assert.deepEqual(methods(events), ['item/started:inProgress', 'item/completed:declined']);
  assert.equal(read('a.txt'), null);
});

test('a patch the policy refuses has no item and tells the model why', async () => {
  const { ctx, events, read } = workspace();
  const output = await run(custom('*** Begin Patch\n*** Add File: a.txt\n+1\n*** End Patch'), ctx, {
    authorize: async () => ({ rejected: 'writing outside of the project' }),
  });
  assert.equal(output, 'patch rejected: writing outside of the project');
  assert.deepEqual(events, []);
  assert.equal(read('a.txt'), null);
});

test('shell commands that apply a patch get the structured exec output', async () => {
  const { ctx, events, read } = workspace({ 'sub/keep': 'k\n' });
  const script = "cd sub && apply_patch <<'EOF'\n*** Begin Patch\n*** Add File: e2.txt\n+1\n*** End Patch\nEOF\n";
  const output = await runShellApplyPatch(['bash', '-lc', script], { callId: 'e2' }, ctx);
  assert.match(output!, /^\{"output":"Success\. Updated the following files:\\nA e2\.txt\\n","metadata":\{"exit_code":0,"duration_seconds":\d+\.\d\}\}$/);
  assert.equal(read('sub/e2.txt'), '1\n');
  assert.equal((events[0]![1] as { id: string }).id, 'e2');
  assert.equal(
    await runShellApplyPatch(['bash', '-lc', '*** Begin Patch\n*** Add File: x\n+1\n*** End Patch'], { callId: 'e3' }, ctx),
    'apply_patch verification failed: patch detected without explicit call to apply_patch. Rerun as ["apply_patch", "<patch>"]',
  );
  assert.equal(await runShellApplyPatch(['bash', '-lc', 'ls'], { callId: 'e4' }, ctx), null);
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { testToolContext } from '../../../test/support/tool-context.ts';
import type { ThreadItem } from '../../protocol/index.ts';
import type { ToolContext } from '../registry.ts';
import { makePng } from './test-images.ts';
import { joinPath, viewImageHandler } from './tool.ts';

const dir = mkdtempSync(join(tmpdir(), 'weft-view-image-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const PNG = makePng({ width: 4, height: 3, color: 2, depth: 8, sample: (x, y) => [x, y, 0] });
writeFileSync(join(dir, 'shot.png'), PNG);
writeFileSync(join(dir, 'notes.txt'), 'hello');
mkdirSync(join(dir, 'sub'));
symlinkSync('nowhere', join(dir, 'dangling.png'));

function context(events: string[]): ToolContext {
  const record = (what: string) => (item: ThreadItem) => events.push(`${what} ${JSON.stringify(item)}`);
  return testToolContext({
    threadId: 't',
    turnId: 'u',
    cwd: dir,
    sandboxPolicy: { type: 'readOnly' },
    startItem: (item) => void record('started')(item),
    completeItem: (item) => void record('completed')(item),
  });
}

async function view(args: unknown) {
  const events: string[] = [];
  const input = typeof args === 'string' ? args : JSON.stringify(args);
  const out = await viewImageHandler({ callId: 'call_1', name: 'view_image', input, kind: 'function' }, context(events));
  assert.equal(out.type, 'function_call_output');
  return { output: (out as { output: unknown }).output, events };
}

test('paths join the turn directory as given, like Rust\'s Path::join', () => {
  assert.equal(joinPath('/w', 'a/../b.png'), '/w/a/../b.png');
  assert.equal(joinPath('/w', ''), '/w/');
  assert.equal(joinPath('/w', '/abs.png'), '/abs.png');
  assert.equal(joinPath('/', 'x'), '/x');
});

test('an image is announced as an imageView item and given to the model as a data URL', async () => {
  const { output, events } = await view({ path: 'shot.png' });
  const item = JSON.stringify({ type: 'imageView', id: 'call_1', path: join(dir, 'shot.png') });
  assert.deepEqual(events, [`started ${item}`, `completed ${item}`]);
  assert.deepEqual(output, [{ type: 'input_image', image_url: `data:image/png;base64,${PNG.toString('base64')}` }]);
});

test('a file that is no image is still announced, and the model reads why it cannot see it', async () => {
  const { output, events } = await view({ path: join(dir, 'notes.txt'), detail: 'high' });
  assert.equal(events.length, 2);
  assert.deepEqual(output, [{ type: 'input_text', text: `Codex could not read the local image at \`${join(dir, 'notes.txt')}\`: unsupported MIME type \`text/plain\`` }]);
});

test('a path that leads to no file is an error for the model and no item', async () => {
  for (const [path, message] of [
    ['missing.png', `unable to locate image at \`${join(dir, 'missing.png')}\`: No such file or directory (os error 2)`],
    ['dangling.png', `unable to locate image at \`${join(dir, 'dangling.png')}\`: No such file or directory (os error 2)`],
    ['sub', `image path \`${join(dir, 'sub')}\` is not a file`],
    ['', `image path \`${dir}/\` is not a file`],
  ]) {
    const { output, events } = await view({ path });
    assert.equal(output, message);
    assert.deepEqual(events, []);
  }
});

test('bad arguments are answered in serde\'s words', async () => {
  assert.equal((await view({})).output, 'failed to parse function arguments: missing field `path` at line 1 column 2');
  assert.equal((await view('{not json')).output, 'failed to parse function arguments: key must be a string at line 1 column 2');
  assert.equal((await view({ path: 5 })).output, 'failed to parse function arguments: invalid type: integer `5`, expected a string at line 1 column 9');
});

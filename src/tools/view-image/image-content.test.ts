import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { imageContentItem, MAX_IMAGE_FILE_BYTES } from './image-content.ts';
import { makePng } from './test-images.ts';

const dir = mkdtempSync(join(tmpdir(), 'weft-image-content-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

test('the reason a file cannot be attached follows what failed and the extension', async () => {
  const text = async (path: string) => ((await imageContentItem(path)) as { text: string }).text;
  const fake = file('fake.png', 'hi');
  assert.equal(await text(fake), `Codex cannot attach image at \`${fake}\`: unsupported image format \`image/png\`.`);
  const json = file('data.json', '{}');
  assert.equal(await text(json), `Codex could not read the local image at \`${json}\`: unsupported MIME type \`application/json\``);
  const bare = file('noext', 'x');
  assert.equal(await text(bare), `Codex could not read the local image at \`${bare}\`: unsupported MIME type (unknown)`);
  const broken = makePng({ width: 1, height: 1, color: 2, depth: 8, sample: () => [0, 0, 0] });
  broken.writeUInt32BE(1234, 29);
  const bad = file('bad.png', broken);
  assert.match(await text(bad), new RegExp(`^Image located at \`${bad}\` is invalid: failed to decode image at ${bad}: Format error decoding Png: CRC error`));
  const missing = join(dir, 'gone.png');
  assert.equal(await text(missing), `Codex could not read the local image at \`${missing}\`: failed to read image at ${missing}: No such file or directory (os error 2)`);
});

test('a file over the size limit is not read', async () => {
  const huge = file('huge.png', '');
  truncateSync(huge, MAX_IMAGE_FILE_BYTES + 1);
  assert.deepEqual(await imageContentItem(huge), {
    type: 'input_text',
    text: `Codex could not read the local image at \`${huge}\`: failed to read image at ${huge}: image exceeds the 52428800-byte limit`,
  });
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { ResponseItem } from '../../model/index.ts';
import { userInputItems } from './user-input.ts';

const dir = mkdtempSync(join(tmpdir(), 'weft-input-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// A 2x2 RGB PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAC0lEQVR4nGNgQAYAAA4AAamRc7EAAAAASUVORK5CYII=', 'base64');
writeFileSync(join(dir, 'shot.png'), PNG);
// The headers of a 1x1 JPEG: start of image, frame, start of scan.
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0, 0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0]);
writeFileSync(join(dir, 'photo.jpg'), JPEG);
writeFileSync(join(dir, 'fake.png'), 'not an image');
mkdirSync(join(dir, 'skills/deploy'), { recursive: true });
writeFileSync(join(dir, 'skills/deploy/SKILL.md'), '---\nname: deploy\n---\nSteps.\n');
const deploy = { name: 'deploy', description: 'Deploys.', path: join(dir, 'skills/deploy/SKILL.md') };

const texts = (item: ResponseItem) => (item.type === 'message' ? item.content : []);

test('text and images in order, images between tags, local ones numbered and inlined', async () => {
  const [message, ...rest] = await userInputItems(
    [
      { type: 'text', text: 'compare these', text_elements: [] },
      { type: 'image', url: 'https://example.com/a.png' },
      { type: 'localImage', path: 'shot.png' },
      { type: 'localImage', path: join(dir, 'photo.jpg') },
      { type: 'text', text: 'thanks' },
    ],
    { cwd: dir },
  );
  assert.deepEqual(rest, []);
  assert.deepEqual(message, {
    type: 'message',
    role: 'user',
    content: [
      { type: 'input_text', text: 'compare these' },
      { type: 'input_text', text: '<image>' },
      { type: 'input_image', image_url: 'https://example.com/a.png' },
      { type: 'input_text', text: '</image>' },
      { type: 'input_text', text: '<image name=[Image #2]>' },
      { type: 'input_image', image_url: `data:image/png;base64,${PNG.toString('base64')}` },
      { type: 'input_text', text: '</image>' },
      { type: 'input_text', text: '<image name=[Image #3]>' },
      { type: 'input_image', image_url: `data:image/jpeg;base64,${JPEG.toString('base64')}` },
      { type: 'input_text', text: '</image>' },
      { type: 'input_text', text: 'thanks' },
    ],
  });
});

test('an image that cannot be attached becomes a note naming the file as the user wrote it', async () => {
  const [message] = await userInputItems(
    [
      { type: 'localImage', path: 'missing.png' },
      { type: 'localImage', path: join(dir, 'fake.png') },
    ],
    { cwd: dir },
  );
  assert.deepEqual(texts(message!), [
    { type: 'input_text', text: 'Codex could not read the local image at `missing.png`: failed to read image at missing.png: No such file or directory (os error 2)' },
    { type: 'input_text', text: `Codex cannot attach image at \`${join(dir, 'fake.png')}\`: unsupported image format \`image/png\`.` },
  ]);
});

test('a picked skill adds a message carrying its SKILL.md; mentions of apps add nothing', async () => {
  const items = await userInputItems(
    [
      { type: 'text', text: 'ship it' },
      { type: 'skill', name: 'deploy', path: deploy.path },
      { type: 'mention', name: 'Foo', path: 'app://foo' },
    ],
    { cwd: dir, skills: [deploy] },
  );
  assert.deepEqual(items, [
    { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'ship it' }] },
    {
      type: 'message',
      role: 'user',
      content: [{ type: 'input_text', text: `<skill>\n<name>deploy</name>\n<path>${deploy.path}</path>\n---\nname: deploy\n---\nSteps.\n\n</skill>` }],
    },
  ]);
});

test('$name in the text selects a skill by name, once', async () => {
  const items = await userInputItems([{ type: 'text', text: 'use $deploy, yes $deploy' }], { cwd: dir, skills: [deploy] });
  assert.equal(items.length, 2);
  assert.equal(
    (await userInputItems([{ type: 'text', text: 'use $deploy' }], { cwd: dir, skills: [deploy, { ...deploy, path: '/other/SKILL.md' }] })).length,
    1,
    'an ambiguous name selects nothing',
  );
  assert.equal(
    (await userInputItems([{ type: 'text', text: 'use $deploy' }, { type: 'skill', name: 'deploy', path: '/elsewhere/SKILL.md' }], { cwd: dir, skills: [deploy] })).length,
    1,
    'a picked skill of that name blocks the text mention',
  );
  assert.equal((await userInputItems([{ type: 'text', text: 'use $nothing' }], { cwd: dir, skills: [deploy] })).length, 1);
});

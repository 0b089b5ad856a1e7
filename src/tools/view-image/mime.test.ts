import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mimeFromExtension } from './mime.ts';

test('the extension decides the MIME type, in any case; none or an unknown one gives nothing', () => {
  assert.equal(mimeFromExtension('/a/b/shot.PNG'), 'image/png');
  assert.equal(mimeFromExtension('notes.txt'), 'text/plain');
  assert.equal(mimeFromExtension('x.ts'), 'video/vnd.dlna.mpeg-tts');
  assert.equal(mimeFromExtension('/dir.d/noext'), undefined);
  assert.equal(mimeFromExtension('.bashrc'), undefined);
  assert.equal(mimeFromExtension('a.constructor'), undefined);
  assert.equal(mimeFromExtension('a.rb'), undefined);
});

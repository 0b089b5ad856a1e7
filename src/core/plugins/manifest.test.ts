import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pluginInterface } from './manifest.ts';

function withPlugin(manifest: string | undefined, fn: (root: string) => void) {
  const root = mkdtempSync(join(tmpdir(), 'weft-plugin-'));
  try {
    if (manifest !== undefined) {
      mkdirSync(join(root, '.codex-plugin'));
      writeFileSync(join(root, '.codex-plugin', 'plugin.json'), manifest);
    }
    fn(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const EMPTY = {
  displayName: null, shortDescription: null, longDescription: null, developerName: null, category: null, capabilities: [],
  websiteUrl: null, privacyPolicyUrl: null, termsOfServiceUrl: null, defaultPrompt: null, brandColor: null,
  composerIcon: null, logo: null, screenshots: [],
};

test('every interface field, with URL spellings either way and assets under the plugin root', () => {
  const manifest = {
    name: 'alpha',
    interface: {
      displayName: 'Alpha', shortDescription: 's', longDescription: 'l', developerName: 'd', category: 'c', capabilities: ['Read'],
      websiteURL: 'https://w', privacyPolicyUrl: 'https://p', termsOfServiceURL: 'https://t', defaultPrompt: 'Do it', brandColor: '#123456',
      composerIcon: './icon.png', logo: 'logo.png', screenshots: ['./a.png', '/abs.png', './../b.png'],
    },
  };
  withPlugin(JSON.stringify(manifest), (root) => {
    assert.deepEqual(pluginInterface(root), {
      displayName: 'Alpha', shortDescription: 's', longDescription: 'l', developerName: 'd', category: 'c', capabilities: ['Read'],
      websiteUrl: 'https://w', privacyPolicyUrl: 'https://p', termsOfServiceUrl: 'https://t', defaultPrompt: 'Do it', brandColor: '#123456',
      composerIcon: join(root, 'icon.png'), logo: null, screenshots: [join(root, 'a.png')],
    });
  });
});

test('one field is enough; nothing set, no interface, no file or a bad file is null', () => {
  withPlugin(JSON.stringify({ name: 'a', interface: { displayName: 'A' } }), (root) => assert.deepEqual(pluginInterface(root), { ...EMPTY, displayName: 'A' }));
  withPlugin(JSON.stringify({ name: 'a', interface: { capabilities: ['X'] } }), (root) => assert.deepEqual(pluginInterface(root), { ...EMPTY, capabilities: ['X'] }));
  for (const manifest of [
    JSON.stringify({ name: 'a', interface: {} }),
    JSON.stringify({ name: 'a', interface: { logo: '../x.png' } }),
    JSON.stringify({ name: 'a' }),
    JSON.stringify({ name: 'a', interface: { displayName: 5 } }),
    JSON.stringify({ name: 5, interface: { displayName: 'A' } }),
    '{broken',
    undefined,
  ]) {
    withPlugin(manifest, (root) => assert.equal(pluginInterface(root), null, manifest));
  }
});

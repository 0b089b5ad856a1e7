import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { RpcError } from '../../rpc/errors.ts';
import { gitRepoRoot, listMarketplaces, type MarketplaceSources } from './marketplace.ts';

function layout(files: Record<string, string>, fn: (root: string) => void) {
  const root = mkdtempSync(join(tmpdir(), 'weft-market-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    fn(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const market = (name: string, ...plugins: string[]) =>
  JSON.stringify({ name, plugins: plugins.map((p) => ({ name: p, source: { source: 'local', path: `./plugins/${p}` } })) });
const sources = (root: string, more: Partial<MarketplaceSources> = {}): MarketplaceSources => ({
  home: join(root, 'home'), codexHome: join(root, 'codex-home'), cwds: [], configured: {}, ...more,
});
const names = (list: ReturnType<typeof listMarketplaces>) => list.map((m) => m.name);

test('home, then the curated checkout, then the repositories of the cwds; each file once', () => {
  layout({
    'home/.agents/plugins/marketplace.json': market('home', 'h'),
    'codex-home/.tmp/plugins/.git/HEAD': 'x',
    'codex-home/.tmp/plugins/.agents/plugins/marketplace.json': market('curated', 'c'),
    'repo/.git/HEAD': 'x',
    'repo/sub/dir/file': '',
    'repo/.agents/plugins/marketplace.json': market('repo', 'r'),
    'nogit/.agents/plugins/marketplace.json': market('nogit', 'n'),
    'empty/.git/HEAD': 'x',
    'empty/.agents/plugins/marketplace.json': market('empty'),
  }, (root) => {
    const cwds = [join(root, 'repo/sub/dir'), join(root, 'nogit'), join(root, 'repo'), join(root, 'empty'), '/nonexistent/dir'];
    const list = listMarketplaces(sources(root, { cwds }));
    assert.deepEqual(names(list), ['home', 'curated', 'repo']);
    assert.equal(list[2]!.path, join(root, 'repo/.agents/plugins/marketplace.json'));
    assert.deepEqual(names(listMarketplaces(sources(root))), ['home', 'curated']);
  });
});

test('plugins: ids, sources under the marketplace root, installed and enabled from config and cache', () => {
  layout({
    'repo/.git/HEAD': 'x',
    'repo/.agents/plugins/marketplace.json': market('rm', 'b1', 'b2', 'b3', 'b4'),
    'repo/plugins/b1/.codex-plugin/plugin.json': JSON.stringify({ name: 'b1', interface: { displayName: 'B1' } }),
    'codex-home/plugins/cache/rm/b1/.keep': '',
    'codex-home/plugins/cache/rm/b2/local/.codex-plugin/plugin.json': '{}',
    'codex-home/plugins/cache/rm/b3/local/.codex-plugin/plugin.json': '{}',
    'codex-home/plugins/cache/rm/b4/local/.codex-plugin/plugin.json': '{}',
  }, (root) => {
    const configured = { 'b1@rm': { enabled: true }, 'b2@rm': { enabled: false }, 'b4@rm': { enabled: true } };
    const [rm] = listMarketplaces(sources(root, { cwds: [join(root, 'repo')], configured }));
    const state = rm!.plugins.map((p) => [p.id, p.installed, p.enabled]);
    assert.deepEqual(state, [['b1@rm', false, true], ['b2@rm', true, false], ['b3@rm', false, false], ['b4@rm', true, true]]);
    assert.deepEqual(rm!.plugins[0]!.source, { type: 'local', path: join(root, 'repo/plugins/b1') });
    assert.equal(rm!.plugins[0]!.interface?.displayName, 'B1');
    assert.equal(rm!.plugins[1]!.interface, null);
  });
});

test('a marketplace file that does not decode fails the request', () => {
  const refused = (file: string, detail: string) => (err: unknown) =>
    err instanceof RpcError && err.kind === 'badRequest' && err.message === `invalid marketplace file \`${file}\`: ${detail}`;
  const cases: Array<[string, string]> = [
    [JSON.stringify({ plugins: [] }), 'missing field `name`'],
    [JSON.stringify({ name: 'm', plugins: [{ name: 'z', source: { source: 'local', path: 'plugins/z' } }] }), 'local plugin source path must start with `./`'],
    [JSON.stringify({ name: 'm', plugins: [{ name: 'z', source: { source: 'local', path: './../z' } }] }), 'local plugin source path must stay within the marketplace root'],
    [JSON.stringify({ name: 'm', plugins: [{ name: 'z', source: { source: 'git', path: './z' } }] }), 'unknown variant `git`, expected `local`'],
  ];
  for (const [text, detail] of cases) {
    layout({ 'home/.agents/plugins/marketplace.json': text }, (root) => {
      assert.throws(() => listMarketplaces(sources(root)), refused(join(root, 'home/.agents/plugins/marketplace.json'), detail));
    });
  }
});

test('the git root is the nearest folder with a .git entry', () => {
  layout({ 'a/.git': 'gitdir: elsewhere', 'a/b/c/file': '' }, (root) => {
    assert.equal(gitRepoRoot(join(root, 'a/b/c')), join(root, 'a'));
    assert.equal(gitRepoRoot(join(root, 'a/b/missing')), join(root, 'a'));
  });
});

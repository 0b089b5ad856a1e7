import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { loadUserInstructions, type ProjectDocSettings } from './user-instructions.ts';

/** Lays out files under a fresh root with `home/` (CODEX_HOME) and `repo/`; returns the text for `cwd`. */
async function load(files: Record<string, string>, cwd: string, settings?: ProjectDocSettings): Promise<string | null> {
  const root = mkdtempSync(join(tmpdir(), 'weft-agents-'));
  try {
    mkdirSync(join(root, 'home'), { recursive: true });
    mkdirSync(join(root, 'repo', cwd), { recursive: true });
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), content);
    }
    return await loadUserInstructions(join(root, 'repo', cwd), join(root, 'home'), settings);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// Expected texts are what codex-cli 0.113.0 put in its AGENTS.md message for the same layouts.

test('global instructions, then project docs from the git root down to the cwd', async () => {
  const text = await load(
    {
      'home/AGENTS.md': 'global agents\n',
      'home/AGENTS.override.md': 'global override\n',
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/AGENTS.md': 'root agents\n',
      'repo/sub/AGENTS.md': 'sub agents\n',
      'repo/sub/deep/AGENTS.override.md': 'deep override\n',
      'repo/sub/deep/AGENTS.md': 'deep plain\n',
    },
    'sub/deep',
  );
  assert.equal(text, 'global override\n\n--- project-doc ---\n\nroot agents\n\n\nsub agents\n\n\ndeep override\n');
});

test('a .git file marks the root too', async () => {
  const text = await load({ 'repo/.git': 'gitdir: /elsewhere\n', 'repo/AGENTS.md': 'root\n', 'repo/sub/AGENTS.md': 'sub\n' }, 'sub');
  assert.equal(text, 'root\n\n\nsub\n');
});

test('outside a repository only the cwd is searched', async () => {
  assert.equal(await load({ 'repo/AGENTS.md': 'root\n', 'repo/sub/AGENTS.md': 'sub\n' }, 'sub'), 'sub\n');
});

test('no root markers: only the cwd', async () => {
  const files = { 'repo/.git/HEAD': 'x', 'repo/AGENTS.md': 'root\n', 'repo/sub/AGENTS.md': 'sub\n' };
  assert.equal(await load(files, 'sub', { projectRootMarkers: [] }), 'sub\n');
});

test('project docs share the byte budget; the last is cut to fit', async () => {
  const files = { 'repo/.git/HEAD': 'x', 'repo/AGENTS.md': `${'A'.repeat(15)}\n`, 'repo/sub/AGENTS.md': `${'B'.repeat(15)}\n` };
  assert.equal(await load(files, 'sub', { projectDocMaxBytes: 20 }), `${'A'.repeat(15)}\n\n\nBBBB`);
});

test('a zero budget turns project docs off but keeps the global file', async () => {
  assert.equal(await load({ 'home/AGENTS.md': 'global agents\n', 'repo/AGENTS.md': 'root\n' }, '.', { projectDocMaxBytes: 0 }), 'global agents');
});

test('blank files are skipped; others are kept as written', async () => {
  const files = { 'repo/.git/HEAD': 'x', 'repo/AGENTS.md': '   \n\n', 'repo/sub/AGENTS.md': '  sub  \n' };
  assert.equal(await load(files, 'sub'), '  sub  \n');
});

test('fallback names are tried in order after AGENTS.md, one file per directory', async () => {
  const files = { 'repo/.git/HEAD': 'x', 'repo/CLAUDE.md': 'claude root\n', 'repo/NOTES.md': 'notes root\n', 'repo/sub/NOTES.md': 'notes sub\n' };
  assert.equal(await load(files, 'sub', { projectDocFallbackFilenames: ['CLAUDE.md', 'NOTES.md'] }), 'claude root\n\n\nnotes sub\n');
});

test('nothing to say is null', async () => {
  assert.equal(await load({ 'repo/.git/HEAD': 'x' }, '.'), null);
});

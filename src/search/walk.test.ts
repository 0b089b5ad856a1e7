import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { excludesFileSetting, walkRoot, type WalkContext } from './walk.ts';

function tree(files: Record<string, string | { link: string }>): { root: string; dispose(): void } {
  const base = mkdtempSync(join(tmpdir(), 'weft-walk-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = join(base, rel);
    mkdirSync(dirname(p), { recursive: true });
    if (typeof content === 'string') writeFileSync(p, content);
    else symlinkSync(content.link, p);
  }
  return { root: join(base, 'root'), dispose: () => rmSync(base, { recursive: true, force: true }) };
}

async function walk(root: string, ctx: Partial<WalkContext> = {}): Promise<string[]> {
  const found: string[] = [];
  await walkRoot(root, { globalExcludes: [], cwd: root, ...ctx }, (rel) => found.push(rel));
  return found.sort();
}

test('hidden files are listed; .ignore always applies, .gitignore only inside a git repository', async () => {
  const plain = tree({ 'root/.hidden/a': '', 'root/b.log': '', 'root/c.tmp': '', 'root/.gitignore': '*.log\n', 'root/.ignore': '*.tmp\n' });
  const repo = tree({ 'root/.git/HEAD': '', 'root/b.log': '', 'root/.gitignore': '*.log\n', 'root/.git/info/exclude': 'x\n', 'root/x': '' });
  try {
    assert.deepEqual(await walk(plain.root), ['.gitignore', '.hidden/a', '.ignore', 'b.log']);
    assert.deepEqual(await walk(repo.root), ['.git/HEAD', '.git/info/exclude', '.gitignore']);
  } finally {
    plain.dispose();
    repo.dispose();
  }
});

test('ignore files of parent directories count; git rules stop at the repository top', async () => {
  const t = tree({ '.gitignore': 'a\n', '.ignore': 'b\n', 'root/a': '', 'root/b': '', 'root/sub/.git/HEAD': '', 'root/sub/a': '', 'root/sub/.gitignore': 'c\n', 'root/sub/c': '' });
  try {
    // No repository above root: the parent's .gitignore does not apply to root/a; its .ignore does.
    assert.deepEqual(await walk(t.root), ['a', 'sub/.git/HEAD', 'sub/.gitignore', 'sub/a']);
  } finally {
    t.dispose();
  }
});

test('links are followed only inside the root, and never round a cycle', async () => {
  const t = tree({
    'outside/secret.txt': '',
    'root/in/file.txt': '',
    'root/out-dir': { link: '../outside' },
    'root/out-file': { link: '../outside/secret.txt' },
    'root/in-dir': { link: 'in' },
    'root/in/loop': { link: '..' },
    'root/broken': { link: 'nowhere' },
  });
  try {
    assert.deepEqual(await walk(t.root), ['in-dir/file.txt', 'in/file.txt']);
  } finally {
    t.dispose();
  }
});

test('a missing root or a file root lists nothing; an aborted walk stops', async () => {
  const t = tree({ 'root/a': '', 'root/b/c': '' });
  try {
    assert.deepEqual(await walk(join(t.root, 'missing')), []);
    assert.deepEqual(await walk(join(t.root, 'a')), []);
    assert.deepEqual(await walk(t.root, { signal: AbortSignal.abort() }), []);
  } finally {
    t.dispose();
  }
});

test('core.excludesFile is read from git configuration, with ~ expanded', () => {
  assert.equal(excludesFileSetting('[core]\n\texcludesFile = ~/.gitignore_global\n', '/home/u'), '/home/u/.gitignore_global');
  assert.equal(excludesFileSetting('[core]\nexcludesfile = "/etc/ignore"\n', '/h'), '/etc/ignore');
  assert.equal(excludesFileSetting('[core]\nexcludeFile = /x\n', '/h'), null);
});

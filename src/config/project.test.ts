import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gitRepoRoot, projectRoot, readProjectLayers } from './project.ts';

function tree(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'weft-project-')));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

test('the project root is the nearest folder with a marker; a worktree belongs to its main checkout', () => {
  const root = tree({ 'repo/.git/HEAD': '', 'repo/a/b/.keep': '', 'wt/.git': 'gitdir: ../repo/.git/worktrees/wt\n', 'wt/x/.keep': '' });
  assert.equal(projectRoot(join(root, 'repo/a/b'), ['.git']), join(root, 'repo'));
  assert.equal(projectRoot(join(root, 'repo/a/b'), []), join(root, 'repo/a/b'));
  assert.equal(gitRepoRoot(join(root, 'wt/x')), join(root, 'repo'));
  assert.equal(gitRepoRoot(join(root, 'repo/a')), join(root, 'repo'));
});

// Observed on the reference: a folder is trusted by its own entry, else by the project root's,
// else by the repository's; an intermediate folder's entry does not count for the folders below.
test('trust decides per folder, root first, and names what to trust', () => {
  const root = tree({
    '.git': '',
    '.codex/config.toml': 'a = 1\n',
    'sub/.codex/config.toml': 'b = "rel"\n[sandbox_workspace_write]\nwritable_roots = ["rel"]\n',
    'sub/deeper/.codex/skills/.keep': '',
  });
  const user = '/home/u/.codex/config.toml';
  const cwd = join(root, 'sub/deeper');
  const read = (projects: Record<string, string>) =>
    readProjectLayers(cwd, { projects: Object.fromEntries(Object.entries(projects).map(([k, v]) => [k, { trust_level: v }])) }, '/nowhere', user, '/home/u');
  const none = read({});
  assert.deepEqual(
    none.map((l) => [l.dotCodexFolder, l.disabledReason, l.hasFile]),
    [
      [join(root, '.codex'), `To load config.toml, add ${root} as a trusted project in ${user}.`, true],
      [join(root, 'sub/.codex'), `To load config.toml, add ${root} as a trusted project in ${user}.`, true],
      [join(root, 'sub/deeper/.codex'), undefined, false],
    ],
  );
  assert.deepEqual(none[1]!.config, { b: 'rel', sandbox_workspace_write: { writable_roots: [join(root, 'sub/.codex/rel')] } });
  assert.deepEqual(read({ [join(root, 'sub')]: 'trusted' }).map((l) => l.disabledReason === undefined), [false, true, true]);
  assert.deepEqual(
    read({ [root]: 'untrusted' }).map((l) => l.disabledReason),
    [`${root} is marked as untrusted in ${user}. To load config.toml, mark it trusted.`, `${root} is marked as untrusted in ${user}. To load config.toml, mark it trusted.`, undefined],
  );
  assert.deepEqual(read({ [root]: 'trusted' }).map((l) => l.disabledReason), [undefined, undefined, undefined]);
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectDirs } from '../config/index.ts';
import { skillRoots } from './roots.ts';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'weft-roots-'));
  for (const dir of ['repo/.codex', 'repo/.agents/skills', 'repo/sub/.codex', 'repo/sub/deep/.agents/skills', 'codex-home']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'repo/.git'), 'gitdir: x\n');
  return root;
}

test('the roots for a cwd inside a project, in the order that decides which scope a skill keeps', () => {
  const root = project();
  const cwd = join(root, 'repo/sub/deep');
  const roots = skillRoots({
    cwd,
    codexHome: join(root, 'codex-home'),
    home: join(root, 'home'),
    projectRootMarkers: ['.git'],
    systemConfigDir: join(root, 'etc'),
    extraUserRoots: [join(root, 'x'), join(root, 'a'), join(root, 'x')],
  });
  assert.deepEqual(roots.map((r) => [r.path.slice(root.length), r.scope]), [
    ['/repo/sub/.codex/skills', 'repo'],
    ['/repo/.codex/skills', 'repo'],
    ['/codex-home/skills', 'user'],
    ['/home/.agents/skills', 'user'],
    ['/codex-home/skills/.system', 'system'],
    ['/etc/skills', 'admin'],
    ['/repo/.agents/skills', 'repo'],
    ['/repo/sub/deep/.agents/skills', 'repo'],
    ['/a', 'user'],
    ['/x', 'user'],
  ]);
});

test('without a marked ancestor, or without markers, the project is the cwd alone', () => {
  const root = project();
  assert.deepEqual(projectDirs(join(root, 'repo/sub'), ['.git']), [join(root, 'repo'), join(root, 'repo/sub')]);
  assert.deepEqual(projectDirs(join(root, 'repo/sub'), []), [join(root, 'repo/sub')]);
  assert.deepEqual(projectDirs(join(root, 'codex-home'), ['.git']), [join(root, 'codex-home')]);
});

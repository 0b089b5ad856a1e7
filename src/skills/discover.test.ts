import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { scanSkillRoots } from './discover.ts';

const skill = (name: string) => `---\nname: ${name}\ndescription: about ${name}\n---\n`;

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'weft-skills-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

test('skills are listed by scope, name and path; each file once, errors for broken ones outside the bundled root', async () => {
  const root = tree({
    'repo/b/SKILL.md': skill('same'),
    'repo/a/SKILL.md': skill('same'),
    'user/zeta/SKILL.md': skill('alpha'),
    'user/broken/SKILL.md': 'nothing\n',
    'system/sys/SKILL.md': skill('bundled'),
    'system/broken/SKILL.md': 'nothing\n',
  });
  const scan = await scanSkillRoots([
    { path: join(root, 'system'), scope: 'system' },
    { path: join(root, 'user'), scope: 'user' },
    { path: join(root, 'repo'), scope: 'repo' },
    { path: join(root, 'repo'), scope: 'user' },
    { path: join(root, 'missing'), scope: 'user' },
  ]);
  assert.deepEqual(scan.skills.map((s) => [s.name, s.scope, s.path.slice(root.length)]), [
    ['same', 'repo', '/repo/a/SKILL.md'],
    ['same', 'repo', '/repo/b/SKILL.md'],
    ['alpha', 'user', '/user/zeta/SKILL.md'],
    ['bundled', 'system', '/system/sys/SKILL.md'],
  ]);
  assert.deepEqual(scan.errors, [{ path: join(root, 'user/broken/SKILL.md'), message: 'missing YAML frontmatter delimited by ---' }]);
});

test('hidden entries, symlinked files, links among bundled skills and folders past depth 6 are passed over', async () => {
  const root = tree({
    'user/.hidden/SKILL.md': skill('hidden'),
    'user/a/b/c/d/e/f/SKILL.md': skill('depth-6'),
    'user/a/b/c/d/e/f/g/SKILL.md': skill('depth-7'),
    'elsewhere/linked/SKILL.md': skill('linked'),
    'file/SKILL.md': skill('file-link'),
  });
  symlinkSync(join(root, 'elsewhere'), join(root, 'user', 'dir-link'));
  mkdirSync(join(root, 'user', 'f'));
  symlinkSync(join(root, 'file', 'SKILL.md'), join(root, 'user', 'f', 'SKILL.md'));
  mkdirSync(join(root, 'system'));
  symlinkSync(join(root, 'elsewhere'), join(root, 'system', 'dir-link'));
  const scan = await scanSkillRoots([
    { path: join(root, 'user'), scope: 'user' },
    { path: join(root, 'system'), scope: 'system' },
  ]);
  assert.deepEqual(scan.skills.map((s) => s.name), ['depth-6', 'linked']);
  assert.equal(scan.skills[1]!.path, join(root, 'elsewhere/linked/SKILL.md'));
});

test('a file that is not UTF-8 is reported as unreadable', async () => {
  const root = tree({});
  mkdirSync(join(root, 'bad'));
  writeFileSync(join(root, 'bad', 'SKILL.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a]));
  const scan = await scanSkillRoots([{ path: root, scope: 'repo' }]);
  assert.deepEqual(scan.errors, [{ path: join(root, 'bad/SKILL.md'), message: 'failed to read file: stream did not contain valid UTF-8' }]);
});

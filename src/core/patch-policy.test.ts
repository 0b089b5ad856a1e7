import assert from 'node:assert/strict';
import { test } from 'node:test';
import { patchAllowed } from './patch-policy.ts';

const workspace = { type: 'workspaceWrite' as const, writableRoots: [], excludeSlashTmp: true, excludeTmpdirEnvVar: true };

test('patches inside the workspace are allowed, outside or in .git they are not', () => {
  assert.equal(patchAllowed(['a.txt', 'src/b.ts'], workspace, '/w', {}), true);
  assert.equal(patchAllowed(['../x.txt'], workspace, '/w', {}), false);
  assert.equal(patchAllowed(['/etc/passwd'], workspace, '/w', {}), false);
  assert.equal(patchAllowed(['.git/config'], workspace, '/w', {}), false);
  assert.equal(patchAllowed(['/wx/file'], workspace, '/w', {}), false);
});

test('read-only allows no patch, no sandbox allows every patch', () => {
  assert.equal(patchAllowed(['a.txt'], { type: 'readOnly' }, '/w', {}), false);
  assert.equal(patchAllowed(['/anywhere'], { type: 'dangerFullAccess' }, '/w', {}), true);
});

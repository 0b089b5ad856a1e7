import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlannedChange } from '../../../src/tools/apply-patch/apply.ts';
import { displayPath, TurnDiffTracker, type FileState } from '../../../src/tools/apply-patch/turn-diff.ts';

type Change = Pick<PlannedChange, 'path' | 'kind'>;
const file = (text: string, mode: FileState['mode'] = '100644'): FileState => ({ bytes: Buffer.from(text), mode });

/** A fake disk: `begin` reads baselines from it, `render` its current state. */
class Disk {
  files = new Map<string, FileState>();
  constructor(initial: Record<string, FileState> = {}) {
    for (const [p, s] of Object.entries(initial)) this.files.set(p, s);
  }
  read = (p: string) => this.files.get(p) ?? null;
}

const add = (path: string): Change => ({ path, kind: { type: 'add' } });
const del = (path: string): Change => ({ path, kind: { type: 'delete' } });
const update = (path: string, move: string | null = null): Change => ({ path, kind: { type: 'update', move_path: move } });
const inRepo = (p: string) => displayPath(p, (dir) => dir === '/repo');

test('the golden turn diff: an update and an addition outside any repository', () => {
  const disk = new Disk({ '/w/hello.txt': file('hello\nworld\n') });
  const tracker = new TurnDiffTracker();
  tracker.begin([update('/w/hello.txt'), add('/w/new.txt')], disk.read);
  disk.files.set('/w/hello.txt', file('hello\nthere\n'));
  disk.files.set('/w/new.txt', file('brand new\n'));
  assert.equal(
    tracker.render(disk.read, (p) => displayPath(p, () => false)),
    'diff --git a//w/hello.txt b//w/hello.txt\nindex 94954abda49de8615a048f8d2e64b5de848e27a1..c4c04173748f9107f27a8a2e4007ec50c88da299\n' +
      '--- a//w/hello.txt\n+++ b//w/hello.txt\n@@ -1,2 +1,2 @@\n hello\n-world\n+there\n' +
      'diff --git a//w/new.txt b//w/new.txt\nnew file mode 100644\nindex 0000000000000000000000000000000000000000..d5a09df94c94924d13f8b5cd72a193b3eddb08cb\n' +
      '--- /dev/null\n+++ b//w/new.txt\n@@ -0,0 +1 @@\n+brand new\n',
  );
});

test('paths show relative to the git root, sorted; the baseline is the first state of the turn', () => {
  const disk = new Disk({ '/repo/b.txt': file('one\n'), '/repo/a.sh': file('#!/bin/sh\n', '100755') });
  const tracker = new TurnDiffTracker();
  tracker.begin([update('/repo/b.txt')], disk.read);
  disk.files.set('/repo/b.txt', file('two\n'));
  // A second patch to the same file keeps the first baseline.
  tracker.begin([update('/repo/b.txt'), del('/repo/a.sh')], disk.read);
  disk.files.set('/repo/b.txt', file('three\n'));
  disk.files.delete('/repo/a.sh');
  assert.equal(
    tracker.render(disk.read, inRepo),
    'diff --git a/a.sh b/a.sh\ndeleted file mode 100755\nindex 1a2485251c33a70432394c93fb89330ef214bfc9..0000000000000000000000000000000000000000\n' +
      '--- a/a.sh\n+++ /dev/null\n@@ -1 +0,0 @@\n-#!/bin/sh\n' +
      'diff --git a/b.txt b/b.txt\nindex 5626abf0f72e58d7a153368ba57db4c673c0e171..2bdf67abb163a4ffb2d7f3f0880c9fe5068ce782\n' +
      '--- a/b.txt\n+++ b/b.txt\n@@ -1 +1 @@\n-one\n+three\n',
  );
});

test('a moved file is one diff from its first path to its last', () => {
  const disk = new Disk({ '/repo/mv.txt': file('m\n') });
  const tracker = new TurnDiffTracker();
  tracker.begin([update('/repo/mv.txt', '/repo/moved/mv2.txt')], disk.read);
  disk.files.delete('/repo/mv.txt');
  disk.files.set('/repo/moved/mv2.txt', file('M\n'));
  tracker.begin([update('/repo/moved/mv2.txt', '/repo/final.txt')], disk.read);
  disk.files.delete('/repo/moved/mv2.txt');
  disk.files.set('/repo/final.txt', file('MM\n'));
  assert.deepEqual(tracker.currentPaths(), ['/repo/final.txt']);
  assert.equal(
    tracker.render(disk.read, inRepo),
    'diff --git a/mv.txt b/final.txt\nindex 28ce6a8b26aa170e1de65536fe8abe1832bd3242..f90fc89e08ed4eba8d319846f6589d455b12dc0c\n' +
      '--- a/mv.txt\n+++ b/final.txt\n@@ -1 +1 @@\n-m\n+MM\n',
  );
});

test('files back to their baseline vanish; an unchanged first file leaves a leading blank line', () => {
  const disk = new Disk({ '/repo/a.txt': file('a\n') });
  const tracker = new TurnDiffTracker();
  tracker.begin([add('/repo/tmp.txt'), update('/repo/a.txt')], disk.read);
  assert.equal(tracker.render(disk.read, inRepo), null);
  const tracker2 = new TurnDiffTracker();
  tracker2.begin([update('/repo/a.txt'), add('/repo/b.txt')], disk.read);
  disk.files.set('/repo/b.txt', file('b\n'));
  assert.equal(
    tracker2.render(disk.read, inRepo),
    '\ndiff --git a/b.txt b/b.txt\nnew file mode 100644\nindex 0000000000000000000000000000000000000000..61780798228d17af2d34fce4cfbdf35556832472\n' +
      '--- /dev/null\n+++ b/b.txt\n@@ -0,0 +1 @@\n+b\n',
  );
});

test('mode changes, binary content and missing final newlines', () => {
  const disk = new Disk({ '/repo/s.sh': file('x\n', '100755'), '/repo/bin': { bytes: Buffer.from([0, 0xff]), mode: '100644' } });
  const tracker = new TurnDiffTracker();
  tracker.begin([update('/repo/s.sh'), add('/repo/bin')], disk.read);
  disk.files.set('/repo/s.sh', file('y', '100644'));
  disk.files.set('/repo/bin', file('text\n'));
  assert.equal(
    tracker.render(disk.read, inRepo),
    'diff --git a/bin b/bin\nindex ba01f6b05bdbb386b35f4d086e268c5d422cafb9..8e27be7d6154a1f68ea9160ef0e18691d20560dc\n' +
      '--- a/bin\n+++ b/bin\nBinary files differ\n' +
      'diff --git a/s.sh b/s.sh\nold mode 100755\nnew mode 100644\nindex 587be6b4c3f93f93c489c0111bba5596147a26cb..e25f1814e51579d5f55c0f1fe0135ddb28a47f4a\n' +
      '--- a/s.sh\n+++ b/s.sh\n@@ -1 +1 @@\n-x\n+y\n\\ No newline at end of file\n',
  );
});

test('display: the nearest enclosing repository, matched on the path as written', () => {
  assert.equal(displayPath('/repo/sub/./f.txt', (d) => d === '/repo'), 'sub/f.txt');
  assert.equal(displayPath('/repo/sub/f.txt', (d) => d === '/repo' || d === '/repo/sub'), 'f.txt');
  assert.equal(displayPath('/w/./f.txt', () => false), '/w/./f.txt');
});

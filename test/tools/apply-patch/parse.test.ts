import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatParseError, parsePatch, type Hunk } from '../../../src/tools/apply-patch/parse.ts';

const hunks = (text: string): Hunk[] => {
  const r = parsePatch(text);
  assert.ok(r.ok, r.ok ? '' : formatParseError(r.error));
  return r.hunks;
};
const error = (text: string): string => {
  const r = parsePatch(text);
  assert.ok(!r.ok, 'expected a parse error');
  return formatParseError(r.error);
};

test('every operation: add, delete, update with a move and an anchored hunk', () => {
  assert.deepEqual(
    hunks(
      '*** Begin Patch\n*** Add File: path/add.py\n+abc\n+\n+def\n*** Delete File: path/delete.py\n' +
        '*** Update File: path/update.py\n*** Move to: path/update2.py\n@@ def f():\n-    pass\n+    return 123\n*** End Patch',
    ),
    [
      { type: 'add', path: 'path/add.py', contents: 'abc\n\ndef\n' },
      { type: 'delete', path: 'path/delete.py' },
      {
        type: 'update',
        path: 'path/update.py',
        movePath: 'path/update2.py',
        chunks: [{ context: 'def f():', oldLines: ['    pass'], newLines: ['    return 123'], endOfFile: false }],
      },
    ],
  );
});

test('an update: several chunks, context lines, an empty line as empty context, End of File', () => {
  const [update] = hunks('*** Begin Patch\n*** Update File: a\n@@\n x\n\n-y\n+Y\n@@ fn g()\n+z\n*** End of File\n*** End Patch\n');
  assert.deepEqual(update, {
    type: 'update',
    path: 'a',
    movePath: null,
    chunks: [
      { context: null, oldLines: ['x', '', 'y'], newLines: ['x', '', 'Y'], endOfFile: false },
      { context: 'fn g()', oldLines: [], newLines: ['z'], endOfFile: true },
    ],
  });
});

test('the first chunk of an update may omit @@; later ones may not', () => {
  assert.deepEqual(hunks('*** Begin Patch\n*** Update File: f\n import foo\n+bar\n*** End Patch')[0], {
    type: 'update',
    path: 'f',
    movePath: null,
    chunks: [{ context: null, oldLines: ['import foo'], newLines: ['import foo', 'bar'], endOfFile: false }],
  });
});

test('lenient like the reference: surrounding whitespace, padded markers, CRLF, heredoc wrappers', () => {
  const expected: Hunk[] = [{ type: 'add', path: 'foo', contents: 'hi\n' }];
  assert.deepEqual(hunks('\n  *** Begin Patch \n*** Add File: foo\n+hi\n *** End Patch\n\n'), expected);
  assert.deepEqual(hunks('*** Begin Patch\r\n*** Add File: foo\r\n+hi\r\n*** End Patch\r\n'), expected);
  for (const open of ['<<EOF', "<<'EOF'", '<<"EOF"']) {
    assert.deepEqual(hunks(`${open}\n*** Begin Patch\n*** Add File: foo\n+hi\n*** End Patch\nEOF\n`), expected);
  }
  // Blank lines between the chunks of an update are skipped.
  assert.equal(hunks('*** Begin Patch\n*** Update File: f\n@@\n-a\n+b\n\n\n@@\n-c\n+d\n*** End Patch').length, 1);
});

test('strict like the reference: the exact error texts the model sees', () => {
  assert.equal(error('bad'), "invalid patch: The first line of the patch must be '*** Begin Patch'");
  assert.equal(error(''), "invalid patch: The last line of the patch must be '*** End Patch'");
  assert.equal(error('*** Begin Patch\n*** Add File: a\n+x\n'), "invalid patch: The last line of the patch must be '*** End Patch'");
  // A mismatched heredoc is not unwrapped; a well-formed one reports what is wrong inside it.
  assert.equal(error(`<<"EOF'\n*** Begin Patch\n*** End Patch\nEOF\n`), "invalid patch: The first line of the patch must be '*** Begin Patch'");
  assert.equal(error('<<EOF\n*** Begin Patch\n*** Update File: f\nEOF\n'), "invalid patch: The last line of the patch must be '*** End Patch'");
  assert.equal(
    error('*** Begin Patch\n*** Frob File: x\n*** End Patch'),
    "invalid hunk at line 2, '*** Frob File: x' is not a valid hunk header. Valid hunk headers: '*** Add File: {path}', '*** Delete File: {path}', '*** Update File: {path}'",
  );
  assert.equal(error('*** Begin Patch\n*** Update File: test.py\n*** End Patch'), "invalid hunk at line 2, Update file hunk for path 'test.py' is empty");
  assert.equal(
    error('*** Begin Patch\n*** Add File: a\n+x\n*** Update File: f\n@@\nbad\n*** End Patch'),
    "invalid hunk at line 6, Unexpected line found in update hunk: 'bad'. Every line should start with ' ' (context line), '+' (added line), or '-' (removed line)",
  );
  assert.equal(error('*** Begin Patch\n*** Update File: f\n@@\n*** End Patch'), 'invalid hunk at line 4, Update hunk does not contain any lines');
  assert.equal(error('*** Begin Patch\n*** Update File: f\n@@\n*** End of File\n*** End Patch'), 'invalid hunk at line 4, Update hunk does not contain any lines');
});

test('a patch without hunks parses (the tool then rejects it as empty)', () => {
  assert.deepEqual(hunks('*** Begin Patch\n*** End Patch'), []);
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { CommandAction } from '../../../src/protocol/index.ts';
import { commandActions, shortDisplayPath } from '../../../src/tools/shell/command-actions.ts';
import { plainCommands } from '../../../src/tools/shell/bash-words.ts';
import { shlexJoin, shlexSplit } from '../../../src/tools/shell/shlex.ts';

interface Case {
  argv: string[];
  command?: string;
  actions: CommandAction[];
}
const fixture = JSON.parse(readFileSync(new URL('./command-actions.fixture.json', import.meta.url), 'utf8')) as { cases: Case[] };
// The wire leaves out absent optional fields and the fixture keeps them as null; compare by value.
const normal = (actions: CommandAction[]) => actions.map((a) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v ?? null])));

test('every command the reference summarized is summarized alike', () => {
  for (const c of fixture.cases) {
    assert.deepEqual(normal(commandActions(c.argv)), normal(c.actions), JSON.stringify(c.argv));
    if (c.command !== undefined) assert.equal(shlexJoin(c.argv), c.command, JSON.stringify(c.argv));
  }
});

test('the golden transcripts: a read, with formatting helpers dropped', () => {
  const read = [{ type: 'read', command: 'cat notes.txt', name: 'notes.txt', path: 'notes.txt' }];
  assert.deepEqual(commandActions(['/bin/bash', '-lc', 'cat notes.txt']), read);
  assert.deepEqual(commandActions(['bash', '-lc', "cat notes.txt; printf 'x%.0s' 1 2 3"]), read);
});

test('one unknown part makes the whole command one unknown, shown as its script', () => {
  assert.deepEqual(commandActions(['bash', '-lc', 'rg --files | nl -ba | foo']), [{ type: 'unknown', command: 'rg --files | nl -ba | foo' }]);
  assert.deepEqual(commandActions(['npm', 'run', 'build']), [{ type: 'unknown', command: 'npm run build' }]);
});

test('cd moves the paths of later reads', () => {
  assert.deepEqual(commandActions(['bash', '-lc', 'cd a && cd b && cat c.txt']), [{ type: 'read', command: 'cat c.txt', name: 'c.txt', path: 'a/b/c.txt' }]);
  assert.deepEqual(commandActions(['bash', '-lc', 'cd a && cat /etc/hosts']), [{ type: 'read', command: 'cat /etc/hosts', name: 'hosts', path: '/etc/hosts' }]);
});

test('short display paths skip build folders', () => {
  assert.equal(shortDisplayPath('webview/src'), 'webview');
  assert.equal(shortDisplayPath('packages/app/node_modules/'), 'app');
  assert.equal(shortDisplayPath('./dist'), '.');
});

test('plain commands: words and safe operators only', () => {
  assert.deepEqual(plainCommands("ls && pwd; echo 'hi there' | wc -l"), [['ls'], ['pwd'], ['echo', 'hi there'], ['wc', '-l']]);
  assert.deepEqual(plainCommands('rg -n "foo" -g"*.py"'), [['rg', '-n', 'foo', '-g*.py']]);
  assert.deepEqual(plainCommands('ls &&\n  pwd\n'), [['ls'], ['pwd']]);
  for (const refused of ['ls > out', 'echo $HOME', 'echo "$HOME"', 'echo `pwd`', '(ls)', 'ls &', 'FOO=bar ls', 'ls &&', '&& ls', 'ls ;; pwd', 'ls | | wc', 'export A=1', 'ls # c', '"ls"', "echo ''\"\""]) {
    assert.equal(plainCommands(refused), null, refused);
  }
});

test('shlex split: quotes, escapes, comments, and refusal of unterminated quotes', () => {
  assert.deepEqual(shlexSplit(`a 'b c' "d \\"e\\" \\x" f\\ g # comment\nh`), ['a', 'b c', 'd "e" \\x', 'f g', 'h']);
  assert.equal(shlexSplit("a 'b"), null);
  assert.equal(shlexSplit('a\\'), null);
  assert.equal(shlexJoin(['cat', 'a\0b']), '<command included NUL byte>');
});

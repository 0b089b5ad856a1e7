import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandsForPolicy } from './shell-commands.ts';

const bashLc = (script: string) => ['/bin/bash', '-lc', script];

test('a script of plain commands is judged command by command', () => {
  assert.deepEqual(commandsForPolicy(bashLc('ls && cp a.txt "b c.txt"; echo hi | wc -l')), {
    commands: [['ls'], ['cp', 'a.txt', 'b c.txt'], ['echo', 'hi'], ['wc', '-l']],
    usedComplexParsing: false,
  });
  assert.deepEqual(commandsForPolicy(['sh', '-c', 'find . -exec echo {} ;']).commands, [['find', '.', '-exec', 'echo', '{}']]);
});

test('anything else is judged as the argv it is', () => {
  for (const argv of [bashLc('ls > out.txt'), bashLc(''), bashLc('(ls)'), ['bash', '-lc', 'ls', 'extra'], ['git', 'status'], ['dash', '-c', 'ls']]) {
    assert.deepEqual(commandsForPolicy(argv), { commands: [argv], usedComplexParsing: false }, JSON.stringify(argv));
  }
});

// The reference reads these as the one command feeding on the here-document (checked with rules
// and amendments on 0.113.0).
const HEREDOC: [string, string[]][] = [
  ['python3 <<EOF\nprint(1)\nEOF', ['python3']],
  ["python3 - <<'EOF'\nprint(1)\nEOF", ['python3', '-']],
  ['python3 <<EOF\nprint(1)\nEOF\n', ['python3']],
  ['cat <<EOF > out.txt\nx\nEOF', ['cat']],
  ["cat <<'EOF'\n$(touch pwned)\nEOF", ['cat']],
  ['cat -n <<-EOF\n\tx\n\tEOF', ['cat', '-n']],
  ['FOO=1 cat <<EOF\nx\nEOF', ['cat']],
  ['cat <<EOF 2>/dev/null\nx\nEOF', ['cat']],
  ['# c\ncat <<EOF\nx\nEOF', ['cat']],
];
// …and give up on these, judging the whole argv.
const NOT_HEREDOC = [
  'cat <<EOF | wc -l\nx\nEOF',
  'cat <<EOF\n$(touch pwned)\nEOF',
  'cat <<<hello',
  'cat "a.txt" <<EOF\nx\nEOF',
  'cat a.txt <<EOF\nx\nEOF\nls',
  'cat <<A <<B\na\nA\nb\nB',
  'cat $HOME <<EOF\nx\nEOF',
  'cat <<EOF\nnever closed',
];

test('a single command fed by a here-document is judged by its words', () => {
  for (const [script, words] of HEREDOC) assert.deepEqual(commandsForPolicy(bashLc(script)), { commands: [words], usedComplexParsing: true }, script);
});

test('other scripts with here-documents are judged whole', () => {
  for (const script of NOT_HEREDOC) assert.deepEqual(commandsForPolicy(bashLc(script)), { commands: [bashLc(script)], usedComplexParsing: false }, script);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isKnownSafeCommand } from './safe-commands.ts';
import { shlexSplit } from '../tools/shell/shlex.ts';

// Each script below was run through `exec_command` on the reference (0.113.0, untrusted): the
// safe ones ran without asking, the others asked.
const SAFE = [
  'ls', 'ls -la', '/bin/ls', './ls', 'cat a.txt', 'cd .', 'cut -c1 a.txt', 'echo hi', 'expr 1 + 1', 'false', 'grep x a.txt', 'head a.txt',
  'id', 'nl a.txt', 'paste a.txt', 'pwd', 'rev a.txt', 'seq 3', 'stat a.txt', 'tail a.txt', 'tr a b', 'true', 'uname',
  'uniq a.txt', 'wc a.txt', 'which ls', 'whoami', 'base64 a.txt', 'find . -name a.txt', 'rg x',
  'sed -n 1p a.txt', 'sed -n 1,2p a.txt', "sed -n '1,2p' a.txt", 'sed -n 1p',
  'git status', 'git log', 'git diff', 'git show', 'git show -p', 'git branch', 'git branch --show-current', 'git branch -a', 'git branch -v',
  'git branch -vv', 'git branch -r', 'git branch -l', 'git branch --list', 'git branch --format=x', 'git branch --remotes --all',
  'git -C . status', 'git --no-pager log', 'git status --porcelain', '/usr/bin/git status', 'git --paginate log', 'git -p log',
  'git --git-dir=.git status', 'git --work-tree . status',
  'ls && pwd', 'ls || true', 'ls ; pwd', 'ls | wc -l', 'echo "hi"', "echo 'hi'",
  'echo {}', 'echo {a,b}', 'echo x{y}z', 'cat {} ;', 'echo *.txt', 'echo ~', 'echo x#y', 'echo a!b',
];
const UNSAFE = [
  'base64 -o out.b64 a.txt', 'base64 --output out.b64 a.txt', 'base64 --output=out.b64 a.txt', 'base64 -oout.b64 a.txt',
  'find . -exec echo {} ;', 'find . -execdir echo {} ;', 'find . -ok echo {} ;', 'find . -okdir echo {} ;', 'find . -name nothing -delete',
  'find . -fls out.txt', 'find . -fprint out.txt', 'find . -fprint0 out.txt', 'find . -fprintf out.txt %p',
  'rg --pre cat x', 'rg --pre=cat x', 'rg --hostname-bin echo x', 'rg --hostname-bin=echo x', 'rg -z x', 'rg --search-zip x',
  'sed -n xp a.txt', 'sed -n 1,2,3p a.txt', 'sed -n 1p a.txt a.txt', 'sed 1p a.txt',
  'git branch foo', 'git branch -d foo', 'git branch --list foo', 'git -c core.pager=cat status', 'git log -c', 'git status -cfoo',
  'git --config-env=a=b status', 'git --config-env a=b status', 'git status --config-env=x', 'git log --ext-diff', 'git log --paginate',
  'git log --exec=x', 'git log --output x', 'git diff --output=x', 'git diff --textconv', 'git show --textconv HEAD', 'git checkout status',
  'git fetch', 'git config --list', 'git rev-parse HEAD', 'git blame a.txt', 'git ls-files', 'git grep x', 'legit status', 'gitx status',
  'sort a.txt', 'diff a.txt a.txt', 'date', 'env', 'printenv', 'file a.txt', 'du -sh .', 'df', "awk '{print}' a.txt", 'jq . x.json',
  'less a.txt', 'more a.txt', 'tree', 'readlink a.txt', 'realpath a.txt', 'dirname a/b', 'basename a/b', 'printf hi', 'column a.txt',
  'cmp a.txt a.txt', 'od a.txt', 'xxd a.txt', 'hexdump a.txt', 'strings a.txt', 'md5sum a.txt', 'sha256sum a.txt', 'ps',
  'ls && touch b.txt', 'ls > out.txt', '(ls)', 'ls $HOME', 'cat <<EOF2\nx\nEOF2', '{ ls; }', 'echo #x',
];

const bashLc = (script: string) => ['/bin/bash', '-lc', script];

test('scripts the reference runs without asking under untrusted', () => {
  for (const script of SAFE) assert.equal(isKnownSafeCommand(bashLc(script)), true, script);
});

test('scripts the reference asks about', () => {
  for (const script of UNSAFE) assert.equal(isKnownSafeCommand(bashLc(script)), false, script);
});

test('the same lists hold for a plain argv', () => {
  for (const script of SAFE.filter((s) => !/[&|;'"{}*~#!]/.test(s))) assert.equal(isKnownSafeCommand(shlexSplit(script)!), true, script);
  for (const script of UNSAFE.filter((s) => !/[&|;'"{}<>()$#\n]/.test(s))) assert.equal(isKnownSafeCommand(shlexSplit(script)!), false, script);
});

test('only bash, zsh and sh scripts given with -c or -lc are read', () => {
  assert.equal(isKnownSafeCommand(['zsh', '-lc', 'ls']), true);
  assert.equal(isKnownSafeCommand(['sh', '-c', 'ls && pwd']), true);
  assert.equal(isKnownSafeCommand(['/usr/bin/bash.exe', '-lc', 'ls']), true);
  assert.equal(isKnownSafeCommand(['bash', '-lc', 'ls', 'extra']), false);
  assert.equal(isKnownSafeCommand(['bash', '-l', '-c', 'ls']), false);
  assert.equal(isKnownSafeCommand(['dash', '-c', 'ls']), false);
  assert.equal(isKnownSafeCommand(['bash', '-lc', '']), false);
  assert.equal(isKnownSafeCommand(['bash', '-lc', "'git status'"]), false);
});

test('numfmt and tac count only on Linux', () => {
  assert.equal(isKnownSafeCommand(['tac', 'a.txt']), process.platform === 'linux');
  assert.equal(isKnownSafeCommand(['numfmt', '1000']), process.platform === 'linux');
});

test('an empty argv is not safe', () => {
  assert.equal(isKnownSafeCommand([]), false);
});

// The test command: type-check, then every unit test (src/**/*.test.ts) and integration test
// (test/**/*.test.ts) with node's test runner, then the schema and conformance checks.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const find = (dir) =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) return find(rel);
    return rel.endsWith('.test.ts') ? [rel] : [];
  });

run('npx', ['tsc', '--noEmit']);
run('node', ['scripts/build.mjs']);
const files = [...find('src'), ...find('test')];
run('node', ['--import', 'tsx', '--test', '--test-concurrency=2', ...files]);

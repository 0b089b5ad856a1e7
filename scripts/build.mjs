// Builds dist/weft.cjs, one CommonJS bundle of the server, and warms its V8 code cache.
//
// Start-up time is a target (spawn → initialize ≤ 100 ms), and most of it is Node's own. What we
// add is loading our code: one CommonJS bundle avoids the ESM loader and module resolution, and
// the code cache (dist/weft.cjs.cache, written by bin/weft after a real initialize) spares V8 from
// parsing and compiling it again on every start.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Built beside dist/ and swapped in, so servers being started meanwhile never miss the bundle.
const next = join(root, 'dist.next');
rmSync(next, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist.next/weft.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // Native modules cannot be bundled.
  external: ['better-sqlite3', 'node-pty', '@lydell/node-pty'],
  logLevel: 'warning',
});
const old = join(root, 'dist.old');
rmSync(old, { recursive: true, force: true });
try {
  renameSync(join(root, 'dist'), old);
} catch {
  // First build: nothing to move aside.
}
renameSync(next, join(root, 'dist'));
rmSync(old, { recursive: true, force: true });
await warmCodeCache();

/** Runs one initialize through bin/weft so the cache holds the code start-up really runs. */
function warmCodeCache() {
  const home = mkdtempSync(join(tmpdir(), 'weft-build-'));
  const child = spawn(join(root, 'bin', 'weft'), ['app-server'], {
    env: { ...process.env, CODEX_HOME: home, WEFT_WRITE_CODE_CACHE: '1', RUST_LOG: 'error' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdout.once('data', () => child.stdin.end());
  child.stdin.write(`${JSON.stringify({ id: 1, method: 'initialize', params: { clientInfo: { name: 'build', version: '0' } } })}\n`);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      rmSync(home, { recursive: true, force: true });
      if (code === 0) resolve();
      else reject(new Error(`warming the code cache failed (exit ${code})`));
    });
  });
}

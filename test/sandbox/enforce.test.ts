// The sandbox as commands meet it: real bwrap, real processes, real files.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import type { SandboxPolicy } from '../../src/protocol/index.ts';
import { isSandboxAvailable, sandboxCommand } from '../../src/sandbox/index.ts';
import { runSandboxed, scratch, workspaceOnly } from './helpers.ts';

const skip = process.platform !== 'linux'
  ? 'bubblewrap enforcement is Linux only'
  : !isSandboxAvailable() && 'bwrap is missing or cannot create namespaces here: install bubblewrap (apt-get install bubblewrap)';

const readOnly: SandboxPolicy = { type: 'readOnly', access: { type: 'fullAccess' }, networkAccess: false };

async function assertFails(policy: SandboxPolicy, cwd: string, script: string, message: RegExp): Promise<void> {
  const run = await runSandboxed(policy, cwd, script);
  assert.notEqual(run.code, 0, `${script} succeeded: ${run.output}`);
  assert.match(run.output, message);
}

async function assertSucceeds(policy: SandboxPolicy, cwd: string, script: string): Promise<string> {
  const run = await runSandboxed(policy, cwd, script);
  assert.equal(run.code, 0, `${script} failed: ${run.output}`);
  return run.output;
}

describe('workspace-write under bubblewrap', { skip }, () => {
  test('writes in the cwd reach the disk', async (t) => {
    const { ws } = scratch(t);
    await assertSucceeds(workspaceOnly(), ws, 'echo hi > a.txt && mkdir -p sub/deep && echo there > sub/deep/b.txt');
    assert.equal(readFileSync(join(ws, 'sub/deep/b.txt'), 'utf8'), 'there\n');
  });

  test('writes outside fail: absolute path, ../ path, symlink pointing out, hard link brought in', async (t) => {
    const { ws, outside } = scratch(t);
    symlinkSync(outside, join(ws, 'link'));
    writeFileSync(join(outside, 'victim'), 'original\n');
    await assertFails(workspaceOnly(), ws, `echo x > ${outside}/abs`, /Read-only file system/);
    await assertFails(workspaceOnly(), ws, 'echo x > ../outside/rel', /Read-only file system/);
    await assertFails(workspaceOnly(), ws, 'echo x > link/via-symlink', /Read-only file system/);
    await assertFails(workspaceOnly(), ws, 'echo x >> link/victim', /Read-only file system/);
    // A new hard link would cross from the read-only mount into the writable one.
    await assertFails(workspaceOnly(), ws, `ln ${outside}/victim hardlink`, /Invalid cross-device link/);
    assert.deepEqual([existsSync(join(outside, 'abs')), existsSync(join(outside, 'rel')), existsSync(join(outside, 'via-symlink'))], [false, false, false]);
    assert.equal(readFileSync(join(outside, 'victim'), 'utf8'), 'original\n');
  });

  test('.git stays read-only and cannot be moved away; the rest of the workspace stays writable', async (t) => {
    const { ws } = scratch(t);
    mkdirSync(join(ws, '.git', 'hooks'), { recursive: true });
    await assertFails(workspaceOnly(), ws, 'echo evil > .git/hooks/pre-commit', /Read-only file system/);
    await assertFails(workspaceOnly(), ws, 'mv .git elsewhere', /busy/);
    await assertFails(workspaceOnly(), ws, 'rm -rf .git', /Read-only file system|busy/);
    await assertSucceeds(workspaceOnly(), ws, 'echo ok > tracked.txt');
    assert.equal(existsSync(join(ws, '.git', 'hooks', 'pre-commit')), false);
  });

  test('reads work everywhere', async (t) => {
    const { ws, outside } = scratch(t);
    writeFileSync(join(outside, 'secret'), 'readable\n');
    const out = await assertSucceeds(workspaceOnly(), ws, `cat ${outside}/secret && head -c 0 /etc/passwd && ls / > /dev/null`);
    assert.equal(out, 'readable\n');
  });

  test('/tmp is writable unless excluded', async (t) => {
    const { ws, outside } = scratch(t);
    await assertSucceeds(workspaceOnly({ excludeSlashTmp: false }), ws, `echo x > ${outside}/in-tmp`);
    assert.equal(existsSync(join(outside, 'in-tmp')), true);
    await assertFails(workspaceOnly(), ws, `echo x > ${outside}/no-tmp`, /Read-only file system/);
  });

  test('$TMPDIR is writable unless excluded', async (t) => {
    const { ws, outside } = scratch(t);
    const env = { PATH: process.env.PATH, TMPDIR: outside };
    const policy = workspaceOnly({ excludeTmpdirEnvVar: false });
    assert.equal((await runSandboxed(policy, ws, 'echo x > "$TMPDIR/mine"', env)).code, 0);
    assert.notEqual((await runSandboxed(workspaceOnly(), ws, 'echo x > "$TMPDIR/mine2"', env)).code, 0);
  });

  test('the command cannot undo the mounts or reach kernel settings', async (t) => {
    const { ws } = scratch(t);
    await assertFails(workspaceOnly(), ws, 'mount -o remount,bind,rw /', /permission denied|not permitted|must be superuser/i);
    // Opening is enough to prove it, and writes nothing.
    await assertFails(workspaceOnly(), ws, 'true >> /proc/sys/kernel/core_pattern', /Read-only file system|Permission denied/);
  });
});

describe('read-only under bubblewrap', { skip }, () => {
  test('no writes anywhere, not even in the cwd or /tmp', async (t) => {
    const { ws, outside } = scratch(t);
    await assertFails(readOnly, ws, 'echo x > here', /Read-only file system/);
    await assertFails(readOnly, ws, `echo x > ${outside}/there`, /Read-only file system/);
    await assertFails(readOnly, ws, 'echo x > /tmp/weft-sandbox-ro-probe', /Read-only file system/);
  });

  test('restricted reads hide everything but the platform folders and the cwd', async (t) => {
    const { ws, outside } = scratch(t);
    writeFileSync(join(outside, 'secret'), 'hidden\n');
    writeFileSync(join(ws, 'mine'), 'visible\n');
    const policy: SandboxPolicy = { type: 'readOnly', access: { type: 'restricted', includePlatformDefaults: true, readableRoots: [] } };
    assert.equal(await assertSucceeds(policy, ws, 'cat mine'), 'visible\n');
    await assertFails(policy, ws, `cat ${outside}/secret`, /No such file/);
    await assertFails(policy, ws, 'echo x > /new-file', /Read-only file system/);
  });
});

describe('network under bubblewrap', { skip }, () => {
  /** A loopback server outside the sandbox; the script exits 0 when it connects. */
  async function loopbackServer(t: TestContext): Promise<string> {
    const server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.after(() => server.close());
    const { port } = server.address() as AddressInfo;
    const connect = `require('net').connect(${port}, '127.0.0.1').on('connect', () => process.exit(0)).on('error', (e) => { console.error(e.message); process.exit(3); })`;
    return `"${process.execPath}" -e "${connect}"`;
  }

  test('blocked: the sandbox has a network of its own, with nobody listening', async (t) => {
    const { ws } = scratch(t);
    await assertFails(workspaceOnly(), ws, await loopbackServer(t), /ECONNREFUSED/);
  });

  test('allowed: the connection is made', async (t) => {
    const { ws } = scratch(t);
    await assertSucceeds(workspaceOnly({ networkAccess: true }), ws, await loopbackServer(t));
  });

  test('the reference variable tells commands when the network is off', async (t) => {
    const { ws } = scratch(t);
    assert.equal(await assertSucceeds(workspaceOnly(), ws, 'echo "$CODEX_SANDBOX_NETWORK_DISABLED"'), '1\n');
    assert.equal(await assertSucceeds(workspaceOnly({ networkAccess: true }), ws, 'echo "${CODEX_SANDBOX_NETWORK_DISABLED-unset}"'), 'unset\n');
  });
});

describe('processes under bubblewrap', { skip }, () => {
  test('the exit code comes through', async (t) => {
    const { ws } = scratch(t);
    assert.equal((await runSandboxed(readOnly, ws, 'exit 7')).code, 7);
  });

  test('killing bwrap kills every process the command started', async (t) => {
    const { ws } = scratch(t);
    const cmd = sandboxCommand(['sh', '-c', 'sleep 300 & echo started; sleep 300'], { policy: readOnly, cwd: ws, env: { PATH: process.env.PATH } });
    const child = spawn(cmd.argv[0]!, cmd.argv.slice(1), { env: cmd.env, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => child.stdout.once('data', resolve));
    const started = performance.now();
    child.kill('SIGKILL');
    // stdout closes only when the background sleep, which holds it too, is gone.
    await new Promise((resolve) => child.stdout.on('close', resolve));
    assert.ok(performance.now() - started < 5_000);
  });
});

// Temporary homes and child processes for the store's tests.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';
import { openThreadStore, type StoreOptions, type ThreadStore } from '../../src/store/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = join(ROOT, 'test', 'store', 'child.ts');

/** A CODEX_HOME removed when the test ends. */
export function tempHome(t: TestContext): string {
  const home = mkdtempSync(join(tmpdir(), 'weft-store-'));
  t.after(() => rmSync(home, { recursive: true, force: true }));
  return home;
}

/** A store in a fresh home, closed when the test ends. */
export function tempStore(t: TestContext, opts?: StoreOptions): { store: ThreadStore; home: string } {
  const home = tempHome(t);
  const store = openThreadStore(home, opts);
  t.after(() => store.close());
  return { store, home };
}

export interface Child {
  process: ChildProcess;
  /** The child's next JSON line. */
  next(): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs test/store/child.ts; `shell` wraps the command (e.g. to set a ulimit first). */
export function spawnChild(
  t: TestContext,
  args: string[],
  opts: { shell?: string; spawn?: SpawnOptions } = {},
): Child {
  const argv = [process.execPath, '--import', 'tsx', CHILD, ...args];
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const proc = opts.shell
    ? spawn('/bin/sh', ['-c', `${opts.shell}; exec ${quoted}`], { cwd: ROOT, ...opts.spawn })
    : spawn(argv[0]!, argv.slice(1), { cwd: ROOT, ...opts.spawn });
  t.after(() => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    process: proc,
    exited,
    async next() {
      const line = await lines.next();
      if (line.done) throw new Error(`the child ended without reporting; its stderr:\n${stderr}`);
      return JSON.parse(line.value) as Record<string, unknown>;
    },
  };
}

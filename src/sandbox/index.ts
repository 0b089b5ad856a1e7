import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { SandboxPolicy } from '../protocol/index.ts';
import { bwrapArgs } from './bubblewrap.ts';
import { sandboxPermissions, type SandboxPermissions } from './policy.ts';
import { realpath, resolveOnDisk } from './resolve.ts';
import { SEATBELT_EXECUTABLE, seatbeltArgs } from './seatbelt.ts';

export { looksLikeSandboxDenial } from './denial.ts';
export { isWithin, sandboxPermissions, type SandboxPermissions, type WritableRoot } from './policy.ts';
export { widenSandboxPolicy, type SandboxGrant } from './widen.ts';

export interface SandboxRequest {
  policy: SandboxPolicy;
  /** The policy's cwd (the thread's): the workspace-write root. */
  cwd: string;
  /** The environment the command will get; `TMPDIR` in it is a writable root. */
  env: NodeJS.ProcessEnv;
  /** Where the command starts, when not in `cwd`. */
  workdir?: string;
  /** The command runs on a PTY of its own (see `BwrapOptions.tty`). */
  tty?: boolean;
}

export interface SandboxedCommand {
  /** Spawn this instead of the command. Killing its process kills everything it started. */
  argv: string[];
  /** Spawn with this environment: the request's, plus the variables the reference sets. */
  env: NodeJS.ProcessEnv;
  /** False when the policy asks for no sandbox. */
  sandboxed: boolean;
}

/** The policy needs a sandbox this machine cannot provide. Never run the command unconfined instead without asking. */
export class SandboxUnavailableError extends Error {
  constructor() {
    super(process.platform === 'linux'
      ? 'the sandbox needs bubblewrap (`bwrap`) with user namespaces, and it is not available; install the bubblewrap package'
      : `no sandbox is available on ${process.platform}`);
    this.name = 'SandboxUnavailableError';
  }
}

/** Wraps `argv` so it runs under `req.policy`. Throws SandboxUnavailableError when it cannot be enforced. */
export function sandboxCommand(argv: readonly string[], req: SandboxRequest): SandboxedCommand {
  const perms = sandboxPermissions(req.policy, req.cwd, req.env);
  const networkOff = perms ? !perms.networkAccess : req.policy.type === 'externalSandbox' && req.policy.networkAccess !== 'enabled';
  // Test suites look for this to skip what needs the network, as under the reference.
  const env = networkOff ? { ...req.env, CODEX_SANDBOX_NETWORK_DISABLED: '1' } : { ...req.env };
  if (!perms) return { argv: [...argv], env, sandboxed: false };
  const program = sandboxProgram();
  if (!program) throw new SandboxUnavailableError();
  const onDisk = resolveOnDisk(perms);
  if (process.platform === 'darwin') {
    return { argv: [program, ...seatbeltArgs(argv, onDisk)], env: { ...env, CODEX_SANDBOX: 'seatbelt' }, sandboxed: true };
  }
  const workdir = req.workdir ?? req.cwd;
  const args = bwrapArgs(argv, onDisk, { workdir: realpath(workdir) ?? workdir, tty: req.tty ?? false });
  return { argv: [program, ...args], env, sandboxed: true };
}

/** Whether commands can be sandboxed here; checked once (a few ms), then cached. */
export function isSandboxAvailable(): boolean {
  return sandboxProgram() !== null;
}

let cachedProgram: string | null | undefined;

function sandboxProgram(): string | null {
  if (cachedProgram === undefined) cachedProgram = findSandboxProgram();
  return cachedProgram;
}

function findSandboxProgram(): string | null {
  if (process.platform === 'darwin') return executable(SEATBELT_EXECUTABLE) ? SEATBELT_EXECUTABLE : null;
  if (process.platform !== 'linux') return null;
  const bwrap = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'bwrap')).find(executable);
  return bwrap && bwrapWorks(bwrap) ? bwrap : null;
}

/**
 * Runs `true` with every flag a real command gets, since each can be refused on its own: user
 * namespaces turned off (sysctl, AppArmor), /proc mounts denied in some containers.
 */
function bwrapWorks(bwrap: string): boolean {
  const perms: SandboxPermissions = { readableRoots: null, includePlatformDefaults: false, writableRoots: [], networkAccess: false };
  const r = spawnSync(bwrap, bwrapArgs(['true'], perms, { workdir: '/', tty: false }), { stdio: 'ignore', timeout: 10_000 });
  return r.status === 0;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

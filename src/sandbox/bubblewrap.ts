import { isWithin, type SandboxPermissions } from './policy.ts';

/** What programs need to start when reads are restricted (the reference's Linux list). */
export const LINUX_PLATFORM_READ_ROOTS = ['/bin', '/sbin', '/usr', '/etc', '/lib', '/lib64', '/nix/store', '/run/current-system/sw'];

export interface BwrapOptions {
  /** Where the command starts: a realpath visible in the sandbox. */
  workdir: string;
  /**
   * The command has a PTY of its own. Then it keeps it as its controlling terminal (job control,
   * /dev/tty); otherwise it gets a new session, so it cannot push input (TIOCSTI) into a terminal
   * Weft inherited.
   */
  tty: boolean;
}

/**
 * bwrap's arguments (without the program name) that run `command` with `perms`, which must come
 * from `resolveOnDisk`. Mount order matters, each mount covering what came before: the read view,
 * a fresh /dev, the writable roots, then their protected subpaths read-only again.
 */
export function bwrapArgs(command: readonly string[], perms: SandboxPermissions, opts: BwrapOptions): string[] {
  return [
    ...(opts.tty ? [] : ['--new-session']),
    '--die-with-parent',
    // A user namespace even when we run as root, so --cap-drop leaves the command no capability to
    // undo the mounts (as root without it, `mount -o remount,rw /` inside works).
    '--unshare-user',
    '--unshare-pid',
    '--unshare-ipc',
    ...(perms.networkAccess ? [] : ['--unshare-net']),
    '--cap-drop', 'ALL',
    ...readView(perms),
    '--dev', '/dev',
    ...perms.writableRoots.flatMap(({ root }) => ['--bind', root, root]),
    ...perms.writableRoots.flatMap(({ readOnlySubpaths }) => readOnlySubpaths.flatMap((p) => ['--ro-bind', p, p])),
    '--proc', '/proc',
    // bwrap leaves /proc/sys writable, and a command running as (namespaced) root keeps uid 0 there:
    // it could set the host's kernel.core_pattern.
    '--ro-bind', '/proc/sys', '/proc/sys',
    // The empty root of a restricted view is a tmpfs: make writes there fail rather than vanish.
    ...(perms.readableRoots ? ['--remount-ro', '/'] : []),
    '--chdir', opts.workdir,
    '--',
    ...command,
  ];
}

function readView(perms: SandboxPermissions): string[] {
  if (!perms.readableRoots) return ['--ro-bind', '/', '/'];
  const writable = perms.writableRoots.map((w) => w.root);
  // A readable root inside a writable one is covered by that bind anyway.
  const roots = perms.readableRoots.filter((r) => !writable.some((w) => isWithin(r, w)));
  return [
    '--tmpfs', '/',
    ...(perms.includePlatformDefaults ? LINUX_PLATFORM_READ_ROOTS.flatMap((p) => ['--ro-bind-try', p, p]) : []),
    ...roots.flatMap((p) => ['--ro-bind', p, p]),
  ];
}

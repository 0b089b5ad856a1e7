import type { SandboxPermissions } from './policy.ts';

/** Always this path: a `sandbox-exec` found on PATH could be anything. */
export const SEATBELT_EXECUTABLE = '/usr/bin/sandbox-exec';

/**
 * What every sandboxed process may do besides files and network: run and signal its own children,
 * read system settings, use POSIX semaphores (Python multiprocessing) and terminals (interactive
 * commands), and look up users.
 */
const BASE = `(version 1)
(deny default)
(allow process-exec process-fork)
(allow signal (target same-sandbox))
(allow process-info* (target same-sandbox))
(allow user-preference-read)
(allow sysctl-read)
(allow ipc-posix-sem)
(allow pseudo-tty)
(allow file-read* file-write* file-ioctl (literal "/dev/ptmx") (regex #"^/dev/ttys[0-9]+$"))
(allow file-write-data (literal "/dev/null") (literal "/dev/zero"))
(allow mach-lookup (global-name "com.apple.system.opendirectoryd.libinfo") (global-name "com.apple.PowerManagement.control"))`;

/** Name resolution and TLS certificate checks go through these services. */
const NETWORK = `(allow network-outbound network-inbound system-socket)
(allow mach-lookup (global-name "com.apple.bsd.dirhelper") (global-name "com.apple.SecurityServer") (global-name "com.apple.networkd") (global-name "com.apple.ocspd") (global-name "com.apple.trustd.agent") (global-name "com.apple.SystemConfiguration.DNSConfiguration") (global-name "com.apple.SystemConfiguration.configd"))`;

/** What programs need to start when reads are restricted. */
export const MACOS_PLATFORM_READ_ROOTS = [
  '/bin', '/sbin', '/usr', '/System', '/Library', '/Applications', '/private/etc', '/private/var/db', '/dev', '/opt/homebrew',
];

export interface SeatbeltProfile {
  /** SBPL text; paths are parameters, so no path needs quoting in it. */
  profile: string;
  /** `-D` definitions for the parameters the profile names. */
  params: [name: string, value: string][];
}

/** The profile enforcing `perms`, which must come from `resolveOnDisk` (seatbelt matches realpaths). */
export function seatbeltProfile(perms: SandboxPermissions): SeatbeltProfile {
  const params: [string, string][] = [];
  const param = (name: string, value: string) => {
    params.push([name, value]);
    return `(param "${name}")`;
  };
  const sections = [BASE, readRules(perms, param)];
  const writable = perms.writableRoots.map(({ root, readOnlySubpaths }, i) => {
    const grant = `(subpath ${param(`WRITABLE_ROOT_${i}`, root)})`;
    if (!readOnlySubpaths.length) return grant;
    const carveOuts = readOnlySubpaths.map((p, j) => `(require-not (subpath ${param(`WRITABLE_ROOT_${i}_RO_${j}`, p)}))`);
    return `(require-all ${grant} ${carveOuts.join(' ')})`;
  });
  if (writable.length) sections.push(`(allow file-write*\n  ${writable.join('\n  ')})`);
  if (perms.networkAccess) sections.push(NETWORK);
  return { profile: `${sections.join('\n')}\n`, params };
}

function readRules(perms: SandboxPermissions, param: (name: string, value: string) => string): string {
  if (!perms.readableRoots) return '(allow file-read*)';
  const roots = perms.readableRoots.map((root, i) => `(subpath ${param(`READABLE_ROOT_${i}`, root)})`);
  roots.push(...perms.writableRoots.map((_, i) => `(subpath (param "WRITABLE_ROOT_${i}"))`));
  if (perms.includePlatformDefaults) roots.push(...MACOS_PLATFORM_READ_ROOTS.map((p) => `(subpath "${p}")`));
  // Metadata everywhere lets path lookups cross the system's symlinks (/tmp, /var, /etc) and getcwd work.
  return `(allow file-read-metadata)\n(allow file-read*\n  ${roots.join('\n  ')})`;
}

/** `sandbox-exec` arguments running `command` under the profile. */
export function seatbeltArgs(command: readonly string[], perms: SandboxPermissions): string[] {
  const { profile, params } = seatbeltProfile(perms);
  return ['-p', profile, ...params.map(([name, value]) => `-D${name}=${value}`), '--', ...command];
}

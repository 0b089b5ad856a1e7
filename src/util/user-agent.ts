import { readFileSync } from 'node:fs';
import { arch as osArch, platform, release } from 'node:os';
import { PROTOCOL_CLI_VERSION } from '../version.ts';

const OS_NAMES: Record<string, string> = {
  debian: 'Debian',
  ubuntu: 'Ubuntu',
  fedora: 'Fedora',
  alpine: 'Alpine Linux',
  arch: 'Arch Linux',
  centos: 'CentOS',
  rhel: 'Red Hat Enterprise Linux',
  opensuse: 'openSUSE',
  amzn: 'Amazon Linux',
};

/** Versions are shown as major.minor.patch, as the reference's OS probe reports them. */
const semver = (v: string) => {
  const parts = v.split('.').filter((p) => /^\d+$/.test(p));
  while (parts.length < 3) parts.push('0');
  return parts.slice(0, 3).join('.');
};

let cachedOs: string | undefined;

/** "<os> <version>; <arch>", computed once per process. */
function osDescription(): string {
  if (cachedOs) return cachedOs;
  let name = platform() === 'darwin' ? 'Mac OS' : platform() === 'win32' ? 'Windows' : 'Linux';
  let version = semver(release());
  if (platform() === 'linux') {
    try {
      const fields = Object.fromEntries(
        readFileSync('/etc/os-release', 'utf8')
          .split('\n')
          .map((l) => l.match(/^(\w+)=(.*)$/))
          .filter((m): m is RegExpMatchArray => m !== null)
          .map((m) => [m[1], m[2]!.replace(/^"|"$/g, '')]),
      );
      name = OS_NAMES[fields.ID ?? ''] ?? fields.NAME ?? name;
      if (fields.VERSION_ID) version = semver(fields.VERSION_ID);
    } catch {
      // Keep the kernel-based description.
    }
  }
  const arch = osArch() === 'x64' ? 'x86_64' : osArch() === 'arm64' ? 'aarch64' : osArch();
  cachedOs = `${name} ${version}; ${arch}`;
  return cachedOs;
}

function terminal(env: NodeJS.ProcessEnv): string {
  if (env.TERM_PROGRAM) return env.TERM_PROGRAM_VERSION ? `${env.TERM_PROGRAM}/${env.TERM_PROGRAM_VERSION}` : env.TERM_PROGRAM;
  return env.TERM || 'unknown';
}

/** `<client>/<cli version> (<os> <version>; <arch>) <terminal> (<client>; <client version>)`. */
export function userAgent(clientName: string, clientVersion: string, env: NodeJS.ProcessEnv = process.env): string {
  return `${clientName}/${PROTOCOL_CLI_VERSION} (${osDescription()}) ${terminal(env)} (${clientName}; ${clientVersion})`;
}

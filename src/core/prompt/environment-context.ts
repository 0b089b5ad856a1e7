import { readlinkSync } from 'node:fs';
import { ENVIRONMENT_CONTEXT_OPEN } from './context-markers.ts';

export interface EnvironmentFacts {
  cwd: string;
  /** Name of the user's shell, e.g. "bash". */
  shell: string;
  /** YYYY-MM-DD, local time. */
  currentDate: string;
  /** IANA name, e.g. "Europe/Paris". */
  timezone: string;
}

/** The user-message text telling the model where and when it works. */
export function environmentContextText(facts: EnvironmentFacts): string {
  return [
    ENVIRONMENT_CONTEXT_OPEN,
    `  <cwd>${facts.cwd}</cwd>`,
    `  <shell>${facts.shell}</shell>`,
    `  <current_date>${facts.currentDate}</current_date>`,
    `  <timezone>${facts.timezone}</timezone>`,
    '</environment_context>',
  ].join('\n');
}

export function currentDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The zone's IANA name. ICU reports "UTC" where the system is set to "Etc/UTC", so the system
 * setting (TZ, then the /etc/localtime link) is read first, as the reference does.
 */
export function localTimezone(env: NodeJS.ProcessEnv = process.env): string {
  const tz = env.TZ?.replace(/^:/, '');
  if (tz) return tz;
  try {
    const link = readlinkSync('/etc/localtime');
    const at = link.indexOf('zoneinfo/');
    if (at >= 0) return link.slice(at + 'zoneinfo/'.length);
  } catch {
    // Not a link (or absent): fall back to ICU's view.
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

import type { Settings } from '../config/index.ts';

type Policy = Settings['shellEnvironmentPolicy'];

/** What `inherit = "core"` keeps: enough for programs to run, nothing personal. */
const CORE_VARIABLES = new Set(['HOME', 'LOGNAME', 'PATH', 'SHELL', 'USER', 'USERNAME', 'TMPDIR', 'TEMP', 'TMP']);
/** Names that usually hold credentials, dropped unless `ignore_default_excludes` is set. */
const DEFAULT_EXCLUDES = ['*KEY*', '*SECRET*', '*TOKEN*'];

/** A case-insensitive glob (`*` any run, `?` one character), as the reference matches names. */
function globMatcher(patterns: readonly string[]): (name: string) => boolean {
  const regexes = patterns.map(
    (p) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i'),
  );
  return (name) => regexes.some((r) => r.test(name));
}

/**
 * The environment commands run with (`shell_environment_policy`), in the reference's order:
 * inherit (all, core or none), drop likely secrets, drop `exclude`, apply `set`, keep `include_only`.
 */
export function shellEnvironment(policy: Policy, parent: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  let entries = Object.entries(parent).filter((e): e is [string, string] => e[1] !== undefined);
  if (policy.inherit === 'none') entries = [];
  else if (policy.inherit === 'core') entries = entries.filter(([name]) => CORE_VARIABLES.has(name));
  if (!policy.ignoreDefaultExcludes) {
    const secret = globMatcher(DEFAULT_EXCLUDES);
    entries = entries.filter(([name]) => !secret(name));
  }
  if (policy.exclude.length) {
    const excluded = globMatcher(policy.exclude);
    entries = entries.filter(([name]) => !excluded(name));
  }
  const env: NodeJS.ProcessEnv = Object.fromEntries(entries);
  Object.assign(env, policy.set);
  if (policy.includeOnly.length) {
    const included = globMatcher(policy.includeOnly);
    for (const name of Object.keys(env)) if (!included(name)) delete env[name];
  }
  return env;
}

/**
 * The rules on disk: every `*.rules` file in `<folder>/rules` of `$CODEX_HOME` and of the
 * project's `.codex` folders, and the `default.rules` an approved amendment is appended to.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigWarningNotification } from '../protocol/index.ts';
import { emptyPolicy, withPrefixRule } from './policy.ts';
import { parseRulesFiles, type RulesFile } from './rules.ts';
import type { ExecPolicy, TextRange } from './types.ts';

const RULES_DIR = 'rules';
const DEFAULT_RULES_FILE = 'default.rules';
export const RULES_WARNING_SUMMARY = 'Error parsing rules; custom rules not applied.';

export interface LoadedPolicy {
  policy: ExecPolicy;
  /** Params of the `configWarning` the reference sends when a rules file is broken; the policy is then empty. */
  warning: ConfigWarningNotification | null;
}

/**
 * Loads `codexHome/rules/*.rules`, then each of `projectFolders` (the project's `.codex` folders,
 * from the project root down to the cwd) the same way; files sorted by path within a folder.
 */
export function loadExecPolicy(codexHome: string, projectFolders: readonly string[] = []): LoadedPolicy {
  const files: RulesFile[] = [];
  for (const folder of [codexHome, ...projectFolders]) {
    const dir = join(folder, RULES_DIR);
    for (const path of rulesFilesIn(dir)) {
      const source = readText(path);
      if (source === null) return failed(path, `failed to read rules file ${path}: stream did not contain valid UTF-8`, null);
      files.push({ identifier: path, source });
    }
  }
  const parsed = parseRulesFiles(files);
  if (parsed.ok) return { policy: parsed.policy, warning: null };
  const { identifier, message, range } = parsed.error;
  return failed(identifier, `failed to parse rules file ${identifier}: ${message}`, range);
}

function failed(path: string, details: string, range: TextRange | null): LoadedPolicy {
  return { policy: emptyPolicy(), warning: { summary: RULES_WARNING_SUMMARY, details, path, ...(range ? { range } : {}) } };
}

/** Regular files named `*.rules` (not symlinks, not a bare `.rules`), sorted; none when the folder is missing. */
function rulesFilesIn(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.rules') && e.name !== '.rules')
    .map((e) => join(dir, e.name))
    .sort();
}

function readText(path: string): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch {
    return null;
  }
}

/** The line an approved amendment adds: tokens JSON-quoted, comma-separated. */
export function allowRuleLine(prefix: readonly string[]): string {
  return `prefix_rule(pattern=[${prefix.map((word) => JSON.stringify(word)).join(', ')}], decision="allow")`;
}

/**
 * acceptWithExecpolicyAmendment: appends the allow rule to `codexHome/rules/default.rules` (unless
 * that exact line is already there), creating the `rules` folder, and returns the policy with the
 * rule added.
 */
export function appendAllowRule(codexHome: string, policy: ExecPolicy, prefix: readonly string[]): { ok: true; policy: ExecPolicy } | { ok: false; error: string } {
  const path = join(codexHome, RULES_DIR, DEFAULT_RULES_FILE);
  if (prefix.length === 0) return { ok: false, error: `failed to update rules file ${path}: prefix rule requires at least one token` };
  const dir = join(codexHome, RULES_DIR);
  try {
    mkdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return { ok: false, error: `failed to update rules file ${path}: failed to create policy directory ${dir}: ${(err as Error).message}` };
  }
  const line = allowRuleLine(prefix);
  let fd: number;
  try {
    fd = openSync(path, 'a+');
  } catch (err) {
    return { ok: false, error: `failed to update rules file ${path}: failed to open policy file ${path}: ${(err as Error).message}` };
  }
  try {
    const contents = readFileSync(path, 'utf8');
    const present = contents.split('\n').some((existing) => existing.replace(/\r$/, '') === line);
    if (!present) writeSync(fd, `${contents !== '' && !contents.endsWith('\n') ? '\n' : ''}${line}\n`);
  } catch (err) {
    return { ok: false, error: `failed to update rules file ${path}: failed to write to policy file ${path}: ${(err as Error).message}` };
  } finally {
    closeSync(fd);
  }
  return { ok: true, policy: withPrefixRule(policy, prefix, 'allow') };
}

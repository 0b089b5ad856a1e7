import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { systemSkillsDir } from '../roots.ts';
import { SKILL_CREATOR } from './skill-creator.ts';
import { SKILL_INSTALLER } from './skill-installer.ts';

/** The skills every installation has, as the reference ships two of its own. */
export const SYSTEM_SKILLS: Readonly<Record<string, Record<string, string | Buffer>>> = {
  'skill-creator': SKILL_CREATOR,
  'skill-installer': SKILL_INSTALLER,
};

/** Records which version of the bundled skills the folder holds. */
const MARKER = '.codex-system-skills.marker';

/** A short digest of the bundled files, so an up-to-date folder is left alone. */
export function systemSkillsFingerprint(): string {
  const hash = createHash('sha256');
  for (const [skill, files] of Object.entries(SYSTEM_SKILLS)) {
    for (const [path, content] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
      hash.update(`${skill}/${path}\0`).update(content).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Writes the bundled skills to `$CODEX_HOME/skills/.system`, replacing the folder unless its
 * marker shows it already holds this version. Synchronous, as the reference does it at
 * start-up: the folder is complete before any client can list or watch it (usually this is a
 * single small read).
 */
export function installSystemSkills(codexHome: string): void {
  const dir = systemSkillsDir(codexHome);
  const fingerprint = systemSkillsFingerprint();
  let current: string | null = null;
  try {
    current = readFileSync(join(dir, MARKER), 'utf8');
  } catch {
    // Not installed yet.
  }
  if (current?.trim() === fingerprint) return;
  rmSync(dir, { recursive: true, force: true });
  for (const [skill, files] of Object.entries(SYSTEM_SKILLS)) {
    for (const [path, content] of Object.entries(files)) {
      const file = join(dir, skill, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
  writeFileSync(join(dir, MARKER), `${fingerprint}\n`);
}

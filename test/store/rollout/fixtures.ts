import { copyFileSync, mkdirSync, readFileSync, readdirSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Thread } from '../../../src/protocol/index.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/reference-rollouts/', import.meta.url));

export interface Fixture {
  name: string;
  path: string;
  text: string;
  /** What the reference answered to `thread/read {includeTurns: true}` for it. */
  read: Thread;
  /** For an archived thread: its `thread/list {archived: true}` entry. */
  listed?: Thread;
}

const json = (file: string) => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));

export function fixture(name: string): Fixture {
  const path = join(FIXTURES, `${name}.jsonl`);
  const listed = readdirSync(FIXTURES).includes(`${name}.list.json`) ? (json(`${name}.list.json`) as Thread) : undefined;
  return { name, path, text: readFileSync(path, 'utf8'), read: json(`${name}.read.json`) as Thread, ...(listed && { listed }) };
}

export const FIXTURE_NAMES = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.read.json'))
  .map((f) => f.slice(0, -'.read.json'.length))
  .sort();

/** Where the reference had the file, relative to its CODEX_HOME; an archived thread where it was archived to. */
export function homePath(f: Fixture): string {
  const path = (f.listed ?? f.read).path!;
  return path.slice(path.indexOf('/codex-home/') + '/codex-home/'.length);
}

/**
 * Copies the fixture into `codexHome` where the reference had it, with the modification time it
 * had then (the reference reports it as `updatedAt`); returns the new path.
 */
export function install(codexHome: string, f: Fixture): string {
  const target = join(codexHome, homePath(f));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(f.path, target);
  const mtime = (f.listed ?? f.read).updatedAt;
  utimesSync(target, mtime, mtime);
  return target;
}

/** Every fixture installed, with the reference's session index (which names two-turns). */
export function installAll(codexHome: string): Map<string, string> {
  copyFileSync(join(FIXTURES, 'two-turns.session_index.jsonl'), join(codexHome, 'session_index.jsonl'));
  return new Map(FIXTURE_NAMES.map((name) => [name, install(codexHome, fixture(name))]));
}

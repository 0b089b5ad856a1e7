import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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

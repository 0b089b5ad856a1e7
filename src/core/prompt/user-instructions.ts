import { lstat, open, readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_ROOT_MARKERS, projectDirs } from '../../config/index.ts';

/** The config keys that shape project-doc discovery; absent ones take the reference's defaults. */
export interface ProjectDocSettings {
  projectDocMaxBytes?: number;
  projectDocFallbackFilenames?: readonly string[];
  projectRootMarkers?: readonly string[];
}

const DEFAULT_MAX_BYTES = 32 * 1024;
/** Per directory the first of these that exists is used; the override lets a user shadow a shared file. */
const DOC_NAMES = ['AGENTS.override.md', 'AGENTS.md'];
const PROJECT_DOC_SEPARATOR = '\n\n--- project-doc ---\n\n';

/**
 * The user's standing instructions: `$CODEX_HOME/AGENTS(.override).md`, then the project docs
 * from the project root (the nearest ancestor holding a root marker, else the cwd alone) down to
 * the cwd. Project docs share one byte budget, the last one read is cut to fit; blank files count
 * for nothing. null when there is nothing.
 */
export async function loadUserInstructions(cwd: string, codexHome: string, settings: ProjectDocSettings = {}): Promise<string | null> {
  const global = await globalInstructions(codexHome);
  const project = await projectDocs(cwd, settings);
  const parts = [global, project].filter((p): p is string => p !== null);
  return parts.length ? parts.join(PROJECT_DOC_SEPARATOR) : null;
}

async function globalInstructions(codexHome: string): Promise<string | null> {
  for (const name of DOC_NAMES) {
    const text = await readFile(join(codexHome, name), 'utf8').catch(() => '');
    if (text.trim()) return text.trim();
  }
  return null;
}

async function projectDocs(cwd: string, settings: ProjectDocSettings): Promise<string | null> {
  let remaining = settings.projectDocMaxBytes ?? DEFAULT_MAX_BYTES;
  if (remaining <= 0) return null;
  const names = [...new Set([...DOC_NAMES, ...(settings.projectDocFallbackFilenames ?? []).filter(Boolean)])];
  const parts: string[] = [];
  // AGENTS.md is looked for along the real path, links resolved.
  const real = await realpath(cwd).catch(() => cwd);
  for (const dir of projectDirs(real, settings.projectRootMarkers ?? DEFAULT_ROOT_MARKERS)) {
    if (remaining <= 0) break;
    const file = await firstExisting(dir, names);
    if (!file) continue;
    const bytes = await readAtMost(file, remaining);
    if (bytes === null) continue;
    const text = new TextDecoder().decode(bytes);
    if (!text.trim()) continue;
    parts.push(text);
    remaining -= bytes.length;
  }
  return parts.length ? parts.join('\n\n') : null;
}

/** Files and symlinks count (a dangling link is skipped when read); directories do not. */
async function firstExisting(dir: string, names: readonly string[]): Promise<string | null> {
  for (const name of names) {
    const path = join(dir, name);
    const info = await lstat(path).catch(() => null);
    if (info && (info.isFile() || info.isSymbolicLink())) return path;
  }
  return null;
}

async function readAtMost(path: string, limit: number): Promise<Uint8Array | null> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const size = Math.min(limit, (await handle.stat()).size);
    const buffer = Buffer.alloc(size);
    let length = 0;
    while (length < size) {
      const { bytesRead } = await handle.read(buffer, length, size - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

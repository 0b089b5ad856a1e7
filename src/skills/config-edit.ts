import { stringify } from 'smol-toml';
import { parseToml } from '../config/toml.ts';
import { isTable, type TomlTable } from '../config/tree.ts';
import { normalizeSkillPath } from './settings.ts';

const ENTRY_HEADER = /^[ \t]*\[\[[ \t]*(?:skills|"skills"|'skills')[ \t]*\.[ \t]*(?:config|"config"|'config')[ \t]*\]\][ \t]*(?:#.*)?$/;
const SKILLS_HEADER = /^[ \t]*\[[ \t]*(?:skills|"skills"|'skills')[ \t]*\][ \t]*(?:#.*)?$/;
const ANY_HEADER = /^[ \t]*\[{1,2}[ \t]*[A-Za-z0-9_"'.\- \t]+\]{1,2}[ \t]*(?:#.*)?$/;
const ENABLED_LINE = /^[ \t]*(?:enabled|"enabled"|'enabled')[ \t]*=/;
const PATH_LINE = /^[ \t]*(?:path|"path"|'path')[ \t]*=/;

/**
 * The config text after turning a skill off or back on, or null when nothing changes. Off adds a
 * `[[skills.config]]` entry, or rewrites the path's first entry (resolved path, `enabled = false`);
 * on removes the path's first entry, and the `skills` table when nothing is left in it. The rest
 * of the file is kept as written. Throws when the text is not TOML.
 */
export function setSkillEnabled(text: string, skillPath: string, enabled: boolean): string | null {
  const doc = parseToml(text);
  const path = normalizeSkillPath(skillPath);
  const entries = skillEntries(doc);
  const lines = text.split('\n');
  const headers = lines.flatMap((line, i) => (ENTRY_HEADER.test(line) ? [i] : []));
  if (entries.length !== headers.length || (isTable(doc.skills) && doc.skills.config !== undefined && !headers.length)) {
    return replaced(text, doc, path, enabled);
  }
  const matches = entries.flatMap((entry, i) => (typeof entry.path === 'string' && normalizeSkillPath(entry.path) === path ? [i] : []));
  const first = matches[0];
  if (enabled) {
    if (first === undefined) return null;
    return dropEmptySkillsTable(removeBlocks(lines, [headers[first]!])).join('\n');
  }
  if (first === undefined) return appendEntry(text, path);
  const [start, end] = block(lines, headers[first]!);
  setKey(lines, start, end, PATH_LINE, `path = ${tomlString(path)}`);
  setKey(lines, start, end, ENABLED_LINE, 'enabled = false');
  return lines.join('\n');
}

/** Replaces a table's key line, or adds it after the table's last key. */
function setKey(lines: string[], start: number, end: number, key: RegExp, line: string): void {
  const at = lines.slice(start, end).findIndex((l) => key.test(l));
  if (at >= 0) lines[start + at] = line;
  else lines.splice(lastContentLine(lines, start, end) + 1, 0, line);
}

function skillEntries(doc: TomlTable): TomlTable[] {
  const config = isTable(doc.skills) ? doc.skills.config : undefined;
  return Array.isArray(config) ? config.filter(isTable) : [];
}

function appendEntry(text: string, path: string): string {
  const entry = `[[skills.config]]\npath = ${tomlString(path)}\nenabled = false\n`;
  if (!text.trim()) return entry;
  return `${text.endsWith('\n') ? text : `${text}\n`}\n${entry}`;
}

/** A table's lines: its header up to the next header (or the end). */
function block(lines: readonly string[], header: number): [number, number] {
  let end = header + 1;
  while (end < lines.length && !ANY_HEADER.test(lines[end]!)) end += 1;
  return [header, end];
}

function lastContentLine(lines: readonly string[], start: number, end: number): number {
  let last = start;
  for (let i = start; i < end; i++) if (lines[i]!.trim() && !lines[i]!.trim().startsWith('#')) last = i;
  return last;
}

/** Removes tables with the blank and comment lines just above their headers, which belong to them. */
function removeBlocks(lines: readonly string[], headers: readonly number[]): string[] {
  const drop = new Set<number>();
  for (const header of headers) {
    let start = header;
    while (start > 0 && isDecor(lines[start - 1]!)) start -= 1;
    // Blank and comment lines after the table's last key belong to what follows.
    const end = lastContentLine(lines, ...block(lines, header)) + 1;
    for (let i = start; i < end; i++) drop.add(i);
  }
  return lines.filter((_, i) => !drop.has(i));
}

const isDecor = (line: string) => !line.trim() || line.trim().startsWith('#');

/** An explicit `[skills]` header with nothing left under it goes too. */
function dropEmptySkillsTable(lines: string[]): string[] {
  const doc = parseToml(lines.join('\n'));
  if (!isTable(doc.skills) || Object.keys(doc.skills).length > 0) return lines;
  const header = lines.findIndex((line) => SKILLS_HEADER.test(line));
  return header < 0 ? lines : removeBlocks(lines, [header]);
}

/**
 * Skills settings in another form than `[[skills.config]]` tables (an inline `skills = {...}`, a
 * `config = [...]` array): as the reference, turning a skill on leaves them alone, turning one off
 * replaces them with a fresh list holding just that entry.
 */
function replaced(text: string, doc: TomlTable, path: string, enabled: boolean): string | null {
  if (enabled) return null;
  const inline = INLINE_SKILLS.test(topLevel(text));
  const skills: TomlTable = isTable(doc.skills) && !inline ? { ...doc.skills } : {};
  skills.config = [{ path, enabled: false }];
  return stringify({ ...doc, skills });
}

const INLINE_SKILLS = /^[ \t]*(?:skills|"skills"|'skills')[ \t]*=/m;

/** The part of the file before its first table header. */
function topLevel(text: string): string {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => ANY_HEADER.test(line));
  return (first < 0 ? lines : lines.slice(0, first)).join('\n');
}

/** A TOML basic string. */
function tomlString(text: string): string {
  const escaped = text.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => {
    const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

import { resolve } from 'node:path';
import { configToml } from './config-schema.ts';
import { isTable, type TomlTable, type TomlValue } from './tree.ts';

/**
 * Settings that name files or directories. A relative one means relative to the folder of the file
 * that sets it (CODEX_HOME for the user file, the `.codex` folder for a project), and `~` means
 * the home directory, so each layer's paths are made absolute as it is read; layers from different
 * folders then merge correctly. `*` is every element of an array, `+` every key of a table.
 */
const PROFILE_PATHS = ['model_instructions_file', 'experimental_compact_prompt_file', 'js_repl_node_path', 'zsh_path', 'model_catalog_json'];
const PATH_PATTERNS: readonly (readonly string[])[] = [
  ['sandbox_workspace_write', 'writable_roots', '*'],
  ['model_instructions_file'],
  ['experimental_instructions_file'],
  ['experimental_compact_prompt_file'],
  ['js_repl_node_path'],
  ['js_repl_node_module_dirs', '*'],
  ['model_catalog_json'],
  ['log_dir'],
  ['sqlite_home'],
  ['zsh_path'],
  ['skills', 'config', '*', 'path'],
  ['agents', '+', 'config_file'],
  ...PROFILE_PATHS.map((key) => ['profiles', '+', key]),
  ['profiles', '+', 'js_repl_node_module_dirs', '*'],
];

export function resolvePath(path: string, baseDir: string, home: string | undefined): string {
  if (home && (path === '~' || path.startsWith('~/'))) return resolve(home, path.slice(2));
  return resolve(baseDir, path);
}

/**
 * The layer with its paths made absolute. As in the reference, a layer that does not check out is
 * left as written: its problem is reported once the layers are merged.
 */
export function resolveLayerPaths(config: TomlTable, baseDir: string, home: string | undefined): TomlTable {
  if (configToml.check(config, []) !== undefined) return config;
  const out = structuredClone(config);
  for (const pattern of PATH_PATTERNS) visit(out, pattern, (p) => resolvePath(p, baseDir, home));
  return out;
}

function visit(node: TomlValue, pattern: readonly string[], fix: (path: string) => string): void {
  const [head, ...rest] = pattern;
  const children: [TomlTable | TomlValue[], string | number][] = [];
  if (head === '*' && Array.isArray(node)) node.forEach((_, i) => children.push([node, i]));
  else if (head === '+' && isTable(node)) for (const key of Object.keys(node)) children.push([node, key]);
  else if (isTable(node) && Object.hasOwn(node, head!)) children.push([node, head!]);
  for (const [parent, key] of children) {
    const child = (parent as Record<string | number, TomlValue>)[key]!;
    if (rest.length) visit(child, rest, fix);
    else if (typeof child === 'string') (parent as Record<string | number, TomlValue>)[key] = fix(child);
  }
}

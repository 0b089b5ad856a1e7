import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ConfigWriteResponse, MergeStrategy, OverriddenMetadata } from '../protocol/index.ts';
import { configToml } from './config-schema.ts';
import { ConfigError } from './errors.ts';
import { readLayerStack, type ConfigLayer, type LayerName, type LoadOptions } from './load.ts';
import { FROM_VALUE, type Issue } from './schema.ts';
import { TomlDocument } from './toml-edit/document.ts';
import { isTable, mergeTables, setKey, versionOf, type TomlTable, type TomlValue } from './tree.ts';
import { layerMetadata } from './view.ts';
import { sameFile, readConfigText, writeConfigText } from './user-file.ts';

/**
 * config/value/write and config/batchWrite: edits to the user's config.toml, applied all or none.
 * Each edit is applied to the user layer as data, the result is checked the way the reference
 * checks it, and only then is the file changed, edit by edit, keeping its comments and layout.
 */

export type ConfigWriteErrorCode = 'configLayerReadonly' | 'configVersionConflict' | 'configValidationError' | 'configPathNotFound';

/** A refusal the client caused; anything else thrown is a failure of the server. */
export class ConfigWriteError extends Error {
  constructor(
    readonly code: ConfigWriteErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigWriteError';
  }
}

export interface ConfigEditRequest {
  keyPath: string;
  value: unknown;
  mergeStrategy: MergeStrategy;
}

export interface ConfigWriteRequest {
  edits: readonly ConfigEditRequest[];
  filePath?: string | null;
  expectedVersion?: string | null;
}

type DocEdit = { path: string[]; value: TomlValue | undefined };

/** `options` load the layers every thread shares: no project layers. */
export function writeConfig(options: LoadOptions, request: ConfigWriteRequest): ConfigWriteResponse {
  let stack;
  try {
    stack = readLayerStack({ ...options, projectCwd: undefined });
  } catch (err) {
    if (err instanceof ConfigError) throw new Error(`failed to load configuration: ${err.message}`);
    throw err;
  }
  const filePath = request.filePath ? absolute(request.filePath) : stack.file;
  if (!sameFile(stack.file, filePath)) throw new ConfigWriteError('configLayerReadonly', 'Only writes to the user config are allowed');
  const userIndex = stack.layers.findIndex((l) => l.name.type === 'user');
  const userLayer = stack.layers[userIndex]!;
  if (request.expectedVersion != null && request.expectedVersion !== userLayer.version) {
    throw new ConfigWriteError('configVersionConflict', 'Configuration was modified since last read. Fetch latest version and retry.');
  }

  const user = structuredClone(userLayer.config);
  const edits: DocEdit[] = [];
  const paths: string[][] = [];
  for (const edit of request.edits) {
    const path = parseKeyPath(edit.keyPath);
    const before = structuredClone(valueAt(user, path));
    applyEdit(user, path, edit.value === null ? undefined : tomlFromJson(edit.value), edit.mergeStrategy);
    const after = valueAt(user, path);
    if (!isDeepStrictEqual(before, after)) edits.push({ path, value: after === undefined ? undefined : structuredClone(after) });
    paths.push(path);
  }

  checkValid(user);
  const layers = stack.layers.map((l, i) => (i === userIndex ? { ...l, config: user, version: versionOf(user) } : l));
  const effective = [...layers].reverse().filter((l) => !l.disabledReason).reduce<TomlTable>((m, l) => mergeTables(m, l.config), {});
  checkValid(effective);

  if (edits.length) persist(stack.file, edits);
  const overridden = firstOverridden(layers, effective, paths);
  return {
    status: overridden ? 'okOverridden' : 'ok',
    version: versionOf(user),
    filePath,
    overriddenMetadata: overridden ?? null,
  };
}

function absolute(path: string): string {
  return resolve(path);
}

/** The value at a key path; a number-like segment indexes an array. */
function valueAt(root: TomlValue, path: readonly string[]): TomlValue | undefined {
  let node: TomlValue | undefined = root;
  for (const segment of path) {
    if (Array.isArray(node)) node = /^\d+$/.test(segment) ? node[Number(segment)] : undefined;
    else node = isTable(node) && Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

export function parseKeyPath(keyPath: string): string[] {
  if (!keyPath.trim()) throw new ConfigWriteError('configValidationError', 'keyPath must not be empty');
  return keyPath.split('.');
}

// Doubles: 2 ** 63 is the first integer past i64, 2 ** 64 the first past u64.
const I64_END = 2 ** 63;
const U64_END = 2 ** 64;

/** A request's JSON value as TOML, which has no null. */
export function tomlFromJson(value: unknown): TomlValue {
  const invalid = (detail: string) => new ConfigWriteError('configValidationError', `invalid value: ${detail}`);
  const convert = (v: unknown): TomlValue => {
    if (v === null) throw invalid('invalid type: null, expected any valid TOML value');
    if (typeof v === 'number' && Number.isInteger(v) && v >= I64_END && v < U64_END) throw invalid('u64 value was too large');
    if (Array.isArray(v)) return v.map(convert);
    if (typeof v === 'object') {
      const out: TomlTable = {};
      for (const [k, x] of Object.entries(v as object)) setKey(out, k, convert(x));
      return out;
    }
    return v as TomlValue;
  };
  return convert(value);
}

/**
 * One edit on the user layer, as the reference applies it: a value met where a table is needed
 * below the first key is replaced by a table; `upsert` merges a table into an existing table;
 * `undefined` removes the key.
 */
export function applyEdit(root: TomlTable, path: readonly string[], value: TomlValue | undefined, strategy: MergeStrategy): void {
  if (value === undefined) return removeAt(root, path);
  const parents = path.slice(0, -1);
  const last = path[path.length - 1]!;
  // `holder[key]` is the node being descended into, so a non-table can be replaced in its place.
  let holder: TomlTable = { root };
  let key = 'root';
  for (const segment of parents) {
    let node = holder[key]!;
    if (!isTable(node)) {
      node = {};
      setKey(holder, key, node);
    }
    if (!Object.hasOwn(node, segment)) setKey(node, segment, {});
    holder = node;
    key = segment;
  }
  const parent = holder[key]!;
  if (!isTable(parent)) throw new ConfigWriteError('configValidationError', 'cannot set value on non-table parent');
  const existing = Object.hasOwn(parent, last) ? parent[last] : undefined;
  if (strategy === 'upsert' && isTable(existing) && isTable(value)) setKey(parent, last, mergeTables(existing, value));
  else setKey(parent, last, value);
}

function removeAt(root: TomlTable, path: readonly string[]): void {
  let node: TomlValue = root;
  for (const segment of path.slice(0, -1)) {
    const next: TomlValue | undefined = isTable(node) && Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (next === undefined) throw new ConfigWriteError('configPathNotFound', 'Path not found');
    node = next;
  }
  if (!isTable(node)) throw new ConfigWriteError('configPathNotFound', 'Path not found');
  delete node[path[path.length - 1]!];
}

function checkValid(document: TomlTable): void {
  const issue = configToml.check(document, [], FROM_VALUE);
  if (issue) throw new ConfigWriteError('configValidationError', `Invalid configuration: ${describeIssue(issue)}`);
}

/** A finding worded as the reference's TOML library words a problem in a document held as data. */
export function describeIssue(issue: Issue): string {
  const at = issue.path.map(String).join('.');
  return at ? `${issue.detail}\nin \`${at}\`\n` : `${issue.detail}\n`;
}

function persist(file: string, edits: readonly DocEdit[]): void {
  try {
    const { text, target } = readConfigText(file);
    const doc = TomlDocument.parse(text);
    let changed = false;
    for (const { path, value } of edits) changed = (value === undefined ? doc.remove(path) : doc.set(path, value)) || changed;
    if (changed) writeConfigText(target, doc.toString());
  } catch (err) {
    throw new Error(`failed to persist config.toml: ${(err as Error).message}`);
  }
}

/** The first edited key whose effective value comes from a layer above the user's, if any. */
function firstOverridden(layers: readonly ConfigLayer[], effective: TomlTable, paths: readonly string[][]): OverriddenMetadata | undefined {
  const user = layers.find((l) => l.name.type === 'user')!;
  for (const path of paths) {
    const mine = valueAt(user.config, path);
    const effectiveValue = valueAt(effective, path);
    if (mine !== undefined && isDeepStrictEqual(mine, effectiveValue)) continue;
    if (mine === undefined && effectiveValue === undefined) continue;
    const winner = layers.find((l) => !l.disabledReason && valueAt(l.config, path) !== undefined);
    if (!winner) continue;
    return { message: overrideMessage(winner.name), overridingLayer: layerMetadata(winner), effectiveValue: effectiveValue ?? null };
  }
  return undefined;
}

function overrideMessage(name: LayerName): string {
  switch (name.type) {
    case 'system':
      return `Overridden by managed config (system): ${name.file}`;
    case 'user':
      return `Overridden by user config: ${name.file}`;
    case 'project':
      return `Overridden by project config: ${name.dotCodexFolder}/config.toml`;
    case 'sessionFlags':
      return 'Overridden by session flags';
  }
}

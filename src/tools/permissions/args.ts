/**
 * `request_permissions` arguments, deserialized the way the reference's serde_json does, so a
 * model that sends bad arguments reads the same correction (`failed to parse function arguments:
 * missing field `permissions` at line 1 column 15`). Structs take an object (unknown fields
 * ignored, duplicates refused) or an array of their fields in declaration order. Paths are
 * resolved as the reference resolves them: `~` is the home directory, relative paths start at the
 * turn's cwd, and `.`/`..` are folded away.
 */
import { resolve } from 'node:path';
import { invalidLength, invalidType, missingField, unknownVariant } from '../../protocol/decode-format.ts';
import { argsFailure, errorAt, readJsonArgs, type JsonNode } from '../shell/args.ts';
import { MACOS_DEFAULTS, type MacOsAutomation, type MacOsPermissions, type PermissionProfile } from './profile.ts';

export interface RequestPermissionsArgs {
  reason: string | null;
  permissions: PermissionProfile;
}

export function parseRequestPermissionsArgs(
  text: string,
  paths: { cwd: string; home: string },
): { ok: true; value: RequestPermissionsArgs } | { ok: false; message: string } {
  const read = readJsonArgs(text);
  if (!read.ok) return read;
  const decoded = requestArgs(paths)(read.root);
  return decoded.ok ? decoded : argsFailure(text, decoded.message, decoded.at);
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string; at: number };
export type Decoder<T> = (node: JsonNode) => Decoded<T>;

const ok = <T>(value: T): Decoded<T> => ({ ok: true, value });
const fail = (message: string, at: number): Decoded<never> => ({ ok: false, message, at });

/** `Option<T>`: null is None. */
const option =
  <T>(inner: Decoder<T>): Decoder<T | null> =>
  (node) =>
    node.kind === 'null' ? ok(null) : inner(node);

const str: Decoder<string> = (node) => (node.kind === 'string' ? ok(node.value as string) : fail(invalidType(node.value, 'a string'), errorAt(node)));
const bool: Decoder<boolean> = (node) => (node.kind === 'bool' ? ok(node.value as boolean) : fail(invalidType(node.value, 'a boolean'), errorAt(node)));

interface Field {
  name: string;
  decode: Decoder<unknown>;
  /** `#[serde(default)]`: the value when the field is absent. Otherwise an absent Option is None and an absent plain field is missing. */
  absent?: { value: unknown } | 'none' | 'missing';
}

/** A derived struct `name` with `fields` in declaration order. */
function struct<T>(name: string, fields: Field[]): Decoder<T> {
  const expected = `struct ${name}`;
  return (node) => {
    const out: Record<string, unknown> = {};
    if (node.kind === 'array') {
      for (const [i, field] of fields.entries()) {
        const item = node.items[i];
        if (item === undefined) {
          if (typeof field.absent !== 'object') return fail(invalidLength(i, `${expected} with ${fields.length} elements`), node.end);
          out[field.name] = field.absent.value;
          continue;
        }
        const decoded = field.decode(item);
        if (!decoded.ok) return decoded;
        out[field.name] = decoded.value;
      }
      const extra = node.items[fields.length];
      return extra ? fail('trailing characters', extra.start + 1) : ok(out as T);
    }
    if (node.kind !== 'object') return fail(invalidType(node.value, expected), errorAt(node));
    for (const member of node.members) {
      const field = fields.find((f) => f.name === member.key);
      if (!field) continue;
      if (field.name in out) return fail(`duplicate field \`${field.name}\``, member.keyEnd);
      const decoded = field.decode(member.node);
      if (!decoded.ok) return decoded;
      out[field.name] = decoded.value;
    }
    for (const field of fields) {
      if (field.name in out) continue;
      if (field.absent === 'missing') return fail(missingField(field.name), node.end);
      out[field.name] = typeof field.absent === 'object' ? field.absent.value : null;
    }
    return ok(out as T);
  };
}

/** An enum of unit variants, named by strings. */
function unitEnum<T extends string>(variants: readonly T[]): Decoder<T> {
  return (node) => {
    if (node.kind !== 'string') return fail('expected value', node.start + 1);
    const value = node.value as string;
    return variants.includes(value as T) ? ok(value as T) : fail(unknownVariant(value, variants), node.end);
  };
}

/**
 * macOS automation access: `none`, `all`, a list of bundle ids, or `{bundle_ids}`. The reference
 * reads it as an untagged enum, whose errors come a character later than a plain field's.
 */
const automation: Decoder<MacOsAutomation> = (node) => {
  const at = node.end + 1;
  if (node.kind === 'string') {
    const value = node.value as string;
    if (value === 'none' || value === 'all') return ok(value);
    return fail(`invalid macOS automation permission: ${value}; expected none, all, or bundle ids`, at);
  }
  const ids = node.kind === 'object' ? node.members.find((m) => m.key === 'bundle_ids')?.node : node;
  if (ids?.kind === 'array' && ids.items.every((item) => item.kind === 'string')) return ok({ bundle_ids: ids.value as string[] });
  return fail('data did not match any variant of untagged enum MacOsAutomationPermissionDe', at);
};

/** The arguments as the model spells them. */
interface RawMacOs {
  preferences: MacOsPermissions['preferences'];
  automations: MacOsAutomation;
  accessibility: boolean;
  calendar: boolean;
}

interface RawProfile {
  network: PermissionProfile['network'];
  file_system: PermissionProfile['fileSystem'];
  macos: RawMacOs | null;
}

function requestArgs({ cwd, home }: { cwd: string; home: string }): Decoder<RequestPermissionsArgs> {
  return struct<RequestPermissionsArgs>('RequestPermissionsArgs', [
    { name: 'reason', decode: option(str), absent: 'none' },
    { name: 'permissions', decode: permissionProfileDecoder((path) => absolutePath(path, cwd, home)), absent: 'missing' },
  ]);
}

/**
 * A `PermissionProfile` as the model spells it (`file_system`, `automations`), read into ours;
 * `toAbsolute` makes each path absolute. The command tools' `additional_permissions` has this
 * type too.
 */
export function permissionProfileDecoder(toAbsolute: (path: string) => string): Decoder<PermissionProfile> {
  const path: Decoder<string> = (node) => (node.kind === 'string' ? ok(toAbsolute(node.value as string)) : fail(invalidType(node.value, 'path string'), errorAt(node)));
  const paths: Decoder<string[]> = (node) => {
    if (node.kind !== 'array') return fail(invalidType(node.value, 'a sequence'), errorAt(node));
    const out: string[] = [];
    for (const item of node.items) {
      const decoded = path(item);
      if (!decoded.ok) return decoded;
      out.push(decoded.value);
    }
    return ok(out);
  };
  const network = struct<NonNullable<PermissionProfile['network']>>('NetworkPermissions', [{ name: 'enabled', decode: option(bool), absent: 'none' }]);
  const fileSystem = struct<NonNullable<PermissionProfile['fileSystem']>>('FileSystemPermissions', [
    { name: 'read', decode: option(paths), absent: 'none' },
    { name: 'write', decode: option(paths), absent: 'none' },
  ]);
  const macos = struct<RawMacOs>('MacOsPermissions', [
    { name: 'preferences', decode: unitEnum(['none', 'read_only', 'read_write'] as const), absent: { value: MACOS_DEFAULTS.preferences } },
    { name: 'automations', decode: automation, absent: { value: MACOS_DEFAULTS.automation } },
    { name: 'accessibility', decode: bool, absent: { value: MACOS_DEFAULTS.accessibility } },
    { name: 'calendar', decode: bool, absent: { value: MACOS_DEFAULTS.calendar } },
  ]);
  const profile = struct<RawProfile>('PermissionProfile', [
    { name: 'network', decode: option(network), absent: 'none' },
    { name: 'file_system', decode: option(fileSystem), absent: 'none' },
    { name: 'macos', decode: option(macos), absent: 'none' },
  ]);
  return (node) => {
    const decoded = profile(node);
    if (!decoded.ok) return decoded;
    const { network: net, file_system, macos: mac } = decoded.value;
    return ok({
      network: net,
      fileSystem: file_system,
      macos: mac && { preferences: mac.preferences, automation: mac.automations, accessibility: mac.accessibility, calendar: mac.calendar },
    });
  };
}

/** `~` and `~/…` start at the home directory, other relative paths at the cwd; the result is normalized. */
export function absolutePath(path: string, cwd: string, home: string): string {
  if (path === '~') return resolve(home);
  if (path.startsWith('~/')) return resolve(home, path.slice(2));
  return resolve(cwd, path);
}

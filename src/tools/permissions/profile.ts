/**
 * Permission profiles: what the model asks for with `request_permissions`, what the user grants,
 * and what a turn has been granted so far. One shape serves all three; the reference's rules for
 * combining them (normalize, intersect, merge) live here as pure functions.
 */
import { isAbsolute, resolve } from 'node:path';
import type { PermissionsRequestApprovalParams } from '../../protocol/index.ts';
import type { SandboxGrant } from '../../sandbox/index.ts';

export type MacOsPreferences = 'none' | 'read_only' | 'read_write';
export type MacOsAutomation = 'none' | 'all' | { bundle_ids: string[] };

export interface MacOsPermissions {
  preferences: MacOsPreferences;
  automation: MacOsAutomation;
  accessibility: boolean;
  calendar: boolean;
}

export interface PermissionProfile {
  network: { enabled: boolean | null } | null;
  fileSystem: { read: string[] | null; write: string[] | null } | null;
  macos: MacOsPermissions | null;
}

export const NO_PERMISSIONS: PermissionProfile = { network: null, fileSystem: null, macos: null };

export const MACOS_DEFAULTS: MacOsPermissions = { preferences: 'read_only', automation: 'none', accessibility: false, calendar: false };

export function isEmptyProfile(p: PermissionProfile): boolean {
  return p.network === null && p.fileSystem === null && p.macos === null;
}

/**
 * A requested profile as the reference keeps it: a network entry that says nothing and a file
 * system entry with neither list are dropped; paths are resolved to where they really are when
 * they exist (`realpath`) and listed once.
 */
export function normalizeRequest(p: PermissionProfile, realpath: (path: string) => string | null): PermissionProfile {
  const paths = (list: string[] | null) => (list === null ? null : unique(list.map((path) => realpath(path) ?? path)));
  const fileSystem = p.fileSystem && { read: paths(p.fileSystem.read), write: paths(p.fileSystem.write) };
  return {
    network: p.network?.enabled === null ? null : p.network,
    fileSystem: fileSystem && (fileSystem.read !== null || fileSystem.write !== null) ? fileSystem : null,
    macos: p.macos,
  };
}

/** `p` with every path replaced by `f(path)`. */
export function mapProfilePaths(p: PermissionProfile, f: (path: string) => string): PermissionProfile {
  const paths = (list: string[] | null) => list && list.map(f);
  return { ...p, fileSystem: p.fileSystem && { read: paths(p.fileSystem.read), write: paths(p.fileSystem.write) } };
}

/**
 * What of `requested` the user granted: paths granted exactly as requested, the network when both
 * enable it, macOS access each field at the lesser of the two. Lists left empty disappear.
 */
export function intersectProfiles(requested: PermissionProfile, granted: PermissionProfile): PermissionProfile {
  const kept = (want: string[] | null, have: string[] | null | undefined) => {
    if (want === null) return null;
    const both = want.filter((path) => (have ?? []).includes(path));
    return both.length ? both : null;
  };
  const read = kept(requested.fileSystem?.read ?? null, granted.fileSystem?.read);
  const write = kept(requested.fileSystem?.write ?? null, granted.fileSystem?.write);
  const macos = requested.macos && granted.macos && {
    preferences: PREFERENCES[Math.min(PREFERENCES.indexOf(requested.macos.preferences), PREFERENCES.indexOf(granted.macos.preferences))]!,
    automation: intersectAutomation(requested.macos.automation, granted.macos.automation),
    accessibility: requested.macos.accessibility && granted.macos.accessibility,
    calendar: requested.macos.calendar && granted.macos.calendar,
  };
  return {
    network: requested.network?.enabled === true && granted.network?.enabled === true ? { enabled: true } : null,
    fileSystem: read !== null || write !== null ? { read, write } : null,
    macos,
  };
}

/** Grants add up: the union of both profiles. */
export function mergeProfiles(base: PermissionProfile, more: PermissionProfile): PermissionProfile {
  const union = (a: string[] | null | undefined, b: string[] | null | undefined) => (a == null && b == null ? null : unique([...(a ?? []), ...(b ?? [])]));
  const read = union(base.fileSystem?.read, more.fileSystem?.read);
  const write = union(base.fileSystem?.write, more.fileSystem?.write);
  const macos =
    base.macos && more.macos
      ? {
          preferences: PREFERENCES[Math.max(PREFERENCES.indexOf(base.macos.preferences), PREFERENCES.indexOf(more.macos.preferences))]!,
          automation: mergeAutomation(base.macos.automation, more.macos.automation),
          accessibility: base.macos.accessibility || more.macos.accessibility,
          calendar: base.macos.calendar || more.macos.calendar,
        }
      : base.macos ?? more.macos;
  return {
    network: base.network?.enabled === true || more.network?.enabled === true ? { enabled: true } : null,
    fileSystem: read?.length || write?.length ? { read, write } : null,
    macos,
  };
}

/** What a granted profile lets sandboxed commands do (macOS access means nothing to bubblewrap). */
export function sandboxGrant(p: PermissionProfile): SandboxGrant {
  return { networkAccess: p.network?.enabled === true, readableRoots: p.fileSystem?.read ?? [], writableRoots: p.fileSystem?.write ?? [] };
}

/** The profile in `item/permissions/requestApproval`. */
export function approvalProfile(p: PermissionProfile): PermissionsRequestApprovalParams['permissions'] {
  return {
    network: p.network,
    fileSystem: p.fileSystem,
    macos: p.macos && { preferences: p.macos.preferences, automations: p.macos.automation, accessibility: p.macos.accessibility, calendar: p.macos.calendar },
  };
}

/** The tool's answer to the model: the granted profile, in the reference's field names and order. */
export function grantForModel(p: PermissionProfile): string {
  const macos = p.macos && {
    macos_preferences: p.macos.preferences,
    macos_automation: p.macos.automation,
    macos_accessibility: p.macos.accessibility,
    macos_calendar: p.macos.calendar,
  };
  const fileSystem = p.fileSystem && { read: p.fileSystem.read, write: p.fileSystem.write };
  return JSON.stringify({ permissions: { network: p.network, file_system: fileSystem, macos } });
}

/**
 * The client's answer to `item/permissions/requestApproval` (a GrantedPermissionProfile under
 * `permissions`). An answer that does not fit that type — a missing profile, a wrong type, a
 * relative path — grants nothing, as under the reference. Unknown fields are ignored.
 */
export function grantedProfile(result: unknown): PermissionProfile {
  const permissions = field(result, 'permissions');
  if (!isObject(permissions)) return NO_PERMISSIONS;
  try {
    return {
      network: optional(permissions.network, (n) => ({ enabled: optional(field(n, 'enabled'), boolean) })),
      fileSystem: optional(permissions.fileSystem, (fs) => ({ read: optional(field(fs, 'read'), absolutePaths), write: optional(field(fs, 'write'), absolutePaths) })),
      macos: optional(permissions.macos, grantedMacOs),
    };
  } catch (err) {
    if (err instanceof NotAGrant) return NO_PERMISSIONS;
    throw err;
  }
}

/** Granted macOS fields default to no access; a grant naming none of them is no grant. */
function grantedMacOs(value: unknown): MacOsPermissions | null {
  if (!isObject(value)) throw new NotAGrant();
  const preferences = optional(value.preferences, (v) => oneOf(v, PREFERENCES));
  const automation = optional(value.automations, automationValue);
  const accessibility = optional(value.accessibility, boolean);
  const calendar = optional(value.calendar, boolean);
  if (preferences === null && automation === null && accessibility === null && calendar === null) return null;
  return { preferences: preferences ?? 'none', automation: automation ?? 'none', accessibility: accessibility ?? false, calendar: calendar ?? false };
}

const PREFERENCES: readonly MacOsPreferences[] = ['none', 'read_only', 'read_write'];

function intersectAutomation(a: MacOsAutomation, b: MacOsAutomation): MacOsAutomation {
  if (a === 'none' || b === 'none') return 'none';
  if (a === 'all') return b;
  if (b === 'all') return a;
  const both = a.bundle_ids.filter((id) => b.bundle_ids.includes(id));
  return both.length ? { bundle_ids: both } : 'none';
}

function mergeAutomation(a: MacOsAutomation, b: MacOsAutomation): MacOsAutomation {
  if (a === 'all' || b === 'all') return 'all';
  if (a === 'none') return b;
  if (b === 'none') return a;
  return { bundle_ids: unique([...a.bundle_ids, ...b.bundle_ids]) };
}

class NotAGrant extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const field = (v: unknown, key: string): unknown => (isObject(v) ? v[key] : undefined);
const unique = (paths: string[]) => [...new Set(paths)];

function optional<T>(v: unknown, read: (v: unknown) => T): T | null {
  return v === undefined || v === null ? null : read(v);
}

function boolean(v: unknown): boolean {
  if (typeof v !== 'boolean') throw new NotAGrant();
  return v;
}

function oneOf<T extends string>(v: unknown, values: readonly T[]): T {
  if (!values.includes(v as T)) throw new NotAGrant();
  return v as T;
}

function automationValue(v: unknown): MacOsAutomation {
  if (v === 'none' || v === 'all') return v;
  const ids = field(v, 'bundle_ids');
  if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) return { bundle_ids: ids };
  throw new NotAGrant();
}

/** Granted paths must be absolute; they are normalized (`..`, `.`, doubled and trailing slashes) but not resolved. */
function absolutePaths(v: unknown): string[] {
  if (!Array.isArray(v) || !v.every((p) => typeof p === 'string' && isAbsolute(p))) throw new NotAGrant();
  return v.map((p: string) => resolve(p));
}

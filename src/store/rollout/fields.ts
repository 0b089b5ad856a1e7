/**
 * Reading fields of one rollout payload. The reference drops a whole line when serde cannot read
 * it, so a wrong field throws `InvalidPayload`, and the reader turns that into a skipped line.
 */
import { isAbsent, isObject, type Json } from '../../model/json.ts';

export type { Json };

export class InvalidPayload extends Error {}

export function obj(v: unknown, what: string): Json {
  if (!isObject(v)) throw new InvalidPayload(`${what} is not an object`);
  return v;
}

export function str(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new InvalidPayload(`${what} is not a string`);
  return v;
}

/** serde reads a missing key and `null` alike as `None`. */
export function optStr(v: unknown, what: string): string | null {
  return isAbsent(v) ? null : str(v, what);
}

export function int(v: unknown, what: string): number {
  if (!Number.isInteger(v)) throw new InvalidPayload(`${what} is not an integer`);
  return v as number;
}

export function bool(v: unknown, what: string): boolean {
  if (typeof v !== 'boolean') throw new InvalidPayload(`${what} is not a boolean`);
  return v;
}

export function list(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new InvalidPayload(`${what} is not an array`);
  return v;
}

export function optList(v: unknown, what: string): unknown[] {
  return isAbsent(v) ? [] : list(v, what);
}

export function oneOf<T extends string>(v: unknown, allowed: readonly T[], what: string): T {
  if (!allowed.includes(v as T)) throw new InvalidPayload(`${what} is not one of ${allowed.join(', ')}`);
  return v as T;
}

/** A Rust `Duration` as serde writes it, in whole milliseconds (`as_millis` truncates). */
export function durationMs(v: unknown, what: string): number {
  const d = obj(v, what);
  return int(d.secs, `${what}.secs`) * 1000 + Math.floor(int(d.nanos, `${what}.nanos`) / 1e6);
}

/** Whole unix seconds of an RFC 3339 time, or undefined when it does not parse. */
export function unixSeconds(iso: string): number | undefined {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** Plain JSON objects, as payloads from the API are read before anything is trusted. */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** serde reads a missing key and an explicit null alike as `None`. */
export const isAbsent = (v: unknown): v is null | undefined => v === undefined || v === null;

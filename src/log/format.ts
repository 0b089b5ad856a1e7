import type { LevelName } from './levels.ts';

export type Fields = Readonly<Record<string, unknown>>;
export type LogFormat = 'text' | 'json';

export interface LogRecord {
  time: Date;
  level: LevelName;
  /** Dotted name of the component that logged, '' for the root logger. */
  scope: string;
  message: string;
  fields?: Fields;
}

/**
 * One human-readable line, laid out like the reference's tracing output:
 * `2026-11-26T10:00:00.000Z  WARN rpc: dropped message conn=3 error="bad json"`.
 */
export function formatText(record: LogRecord): string {
  let line = `${record.time.toISOString()} ${record.level.toUpperCase().padStart(5)} `;
  if (record.scope) line += `${record.scope}: `;
  line += oneLine(record.message);
  for (const [key, value] of Object.entries(record.fields ?? {})) line += ` ${key}=${textValue(value)}`;
  return `${line}\n`;
}

/** One JSON line, shaped like the reference's LOG_FORMAT=json records. */
export function formatJson(record: LogRecord): string {
  const fields: Record<string, unknown> = { message: record.message };
  for (const [key, value] of Object.entries(record.fields ?? {})) fields[key] = jsonValue(value);
  const out = { timestamp: record.time.toISOString(), level: record.level.toUpperCase(), fields, target: record.scope };
  try {
    return `${JSON.stringify(out, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))}\n`;
  } catch {
    // A circular field must not cost the record.
    return `${JSON.stringify({ ...out, fields: { message: record.message } })}\n`;
  }
}

// Records stay one line each, whatever a message contains.
const oneLine = (text: string) => text.replace(/\r?\n/g, '\\n');

function textValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  if (value instanceof Error) return JSON.stringify(value.message);
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return '[unserializable]';
    }
  }
  return String(value);
}

function jsonValue(value: unknown): unknown {
  return value instanceof Error ? value.message : value;
}

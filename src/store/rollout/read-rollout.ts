/**
 * Imports a thread the reference (codex-cli 0.113.0) wrote: one rollout file becomes the record
 * and entries our store holds, so `thread/read` shows what the reference showed and a resumed
 * thread continues with the same model history.
 *
 * A rollout is JSON lines `{"timestamp", "type", "payload"}`; `type` is `session_meta` (first),
 * `response_item` (model history), `event_msg` (what clients saw), `turn_context` (a turn's
 * settings) or `compacted` (a replacement history). Like the reference, a line that cannot be read
 * is skipped wherever it is (a crash leaves a torn last line), and only a file without readable
 * session metadata first is refused.
 */
import { parseResponseItem, type ResponseItem } from '../../model/index.ts';
import { isObject, type Json } from '../../model/json.ts';
import { uuidv7 } from '../../util/uuid.ts';
import type { ThreadEntry, ThreadRecord } from '../types.ts';
import { applyEvent } from './apply-event.ts';
import { InvalidPayload, list, obj, unixSeconds } from './fields.ts';
import { userMessagePreview } from './preview.ts';
import { readSessionMeta, type SessionMeta } from './session-meta.ts';
import { emptySettings, withTurnContext, type RolloutSettings } from './settings.ts';
import { TurnBuilder } from './turn-builder.ts';

export { findRolloutFiles, type RolloutFile } from './find-files.ts';
export type { RolloutSettings } from './settings.ts';

export class RolloutError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    reason: string,
  ) {
    super(`${line === null ? file : `${file}:${line}`}: ${reason}`);
    this.name = 'RolloutError';
  }
}

export interface SkippedLine {
  /** 1-based. */
  line: number;
  reason: string;
}

export interface ImportedThread {
  /** `settings` is a `RolloutSettings`; `name` is null (see `readSessionNames`). */
  record: ThreadRecord;
  entries: ThreadEntry[];
  /** Lines the reference would also have skipped, for a warning. */
  skipped: SkippedLine[];
}

export interface ParseOptions {
  archived: boolean;
  /** The file's modification time: the reference reports it as `updatedAt`. Without it, the last line's time. */
  mtimeMs?: number;
}

/** Models without a provider in their session metadata ran on the reference's default. */
const DEFAULT_PROVIDER = 'openai';

interface Line {
  timestamp: string;
  type: string;
  payload: unknown;
}

function readLine(text: string): Line {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new InvalidPayload('not JSON (a torn write?)');
  }
  if (!isObject(v) || typeof v.timestamp !== 'string' || typeof v.type !== 'string') {
    throw new InvalidPayload('not a rollout line');
  }
  return { timestamp: v.timestamp, type: v.type, payload: v.payload };
}

function responseItem(v: unknown): ResponseItem {
  const item = parseResponseItem(v);
  if (!item) throw new InvalidPayload('not a response item');
  return item;
}

/** A compaction without a replacement history predates 0.113.0; the history is then kept whole. */
function replacementHistory(p: Json): ResponseItem[] | null {
  const history = p.replacement_history;
  return history === undefined || history === null ? null : list(history, 'replacement_history').map(responseItem);
}

export function parseRollout(text: string, path: string, opts: ParseOptions): ImportedThread {
  const skipped: SkippedLine[] = [];
  let meta: SessionMeta | undefined;
  let settings: RolloutSettings | undefined;
  let preview: string | undefined;
  let lastAt: number | undefined;
  let lineMs = 0;
  const builder = new TurnBuilder(() => uuidv7(lineMs));

  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const lineNo = index + 1;
    try {
      const line = readLine(raw);
      const at = unixSeconds(line.timestamp);
      if (at !== undefined) {
        lineMs = Date.parse(line.timestamp);
        lastAt = at;
        builder.setTime(at);
      }
      if (line.type === 'session_meta') {
        const m = readSessionMeta(obj(line.payload, 'payload'));
        // A fork copies its parent's session metadata after its own; the first one names the thread.
        if (!meta) {
          meta = m;
          settings = emptySettings(m);
        }
        return;
      }
      if (!['response_item', 'event_msg', 'turn_context', 'compacted'].includes(line.type)) {
        throw new InvalidPayload(`unknown line type ${line.type}`);
      }
      const p = obj(line.payload, 'payload');
      const item = line.type === 'response_item' ? responseItem(p) : undefined;
      const replacement = line.type === 'compacted' ? replacementHistory(p) : undefined;
      if (!meta || !settings) throw new RolloutError(path, lineNo, 'does not start with session metadata');
      if (item) {
        // An item of a kind this version does not know cannot be sent back to the model.
        if (item.type !== 'other') builder.response(item);
      } else if (replacement !== undefined) {
        builder.compacted(replacement);
      } else if (line.type === 'turn_context') {
        settings = withTurnContext(settings, p);
      } else {
        const note = applyEvent(builder, p);
        if (note) skipped.push({ line: lineNo, reason: note });
        if (p.type === 'user_message') preview ??= userMessagePreview(p);
      }
    } catch (err) {
      if (!(err instanceof InvalidPayload)) throw err;
      skipped.push({ line: lineNo, reason: err.message });
    }
  });

  if (!meta || !settings) {
    throw new RolloutError(path, null, skipped.length ? 'has no readable session metadata' : 'is empty');
  }
  const createdAt = unixSeconds(meta.timestamp) ?? 0;
  const record: ThreadRecord = {
    id: meta.id,
    createdAt,
    updatedAt: opts.mtimeMs === undefined ? (lastAt ?? createdAt) : Math.floor(opts.mtimeMs / 1000),
    cwd: meta.cwd,
    modelProvider: meta.modelProvider ?? DEFAULT_PROVIDER,
    source: meta.source,
    cliVersion: meta.cliVersion,
    name: null,
    preview: preview ?? '',
    gitInfo: meta.gitInfo,
    agentNickname: meta.agentNickname,
    agentRole: meta.agentRole,
    archived: opts.archived,
    path,
    forkedFromId: meta.forkedFromId,
    settings,
  };
  return { record, entries: builder.finish(), skipped };
}

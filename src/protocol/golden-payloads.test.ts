import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { CLIENT_REQUESTS, SERVER_NOTIFICATIONS, SERVER_REQUESTS } from './methods.ts';

/**
 * Every payload the reference server wrote in the recorded conformance transcripts must satisfy
 * our schema for it: notification params, server request params and the results of client
 * requests. This checks the schemas against real traffic, not only against the reference schema.
 */
const GOLDEN = join(fileURLToPath(new URL('../..', import.meta.url)), '..', 'shared', 'conformance', 'golden');

interface Message {
  id?: unknown;
  method?: string;
  params?: unknown;
  result?: unknown;
}
interface Entry {
  send?: Message;
  recv?: Message;
  conn?: string;
}

const notifications = new Map(SERVER_NOTIFICATIONS.map((s) => [s.method, s.params]));
const serverRequests = new Map(SERVER_REQUESTS.map((s) => [s.method, s.params]));
const results = new Map(CLIENT_REQUESTS.map((s) => [s.method, s.result]));

// The transcripts replace numeric timestamps and durations with placeholders.
const NUMERIC_PLACEHOLDERS = new Set(['createdAt', 'updatedAt', 'durationMs']);
function restoreNumbers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(restoreNumbers);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, NUMERIC_PLACEHOLDERS.has(k) && typeof v === 'string' && v.startsWith('<') ? 0 : restoreNumbers(v)]),
  );
}

function problem(schema: TSchema | null | undefined, value: unknown, what: string): string | null {
  if (schema === undefined) return `${what}: no schema`;
  if (schema === null) return value === undefined ? null : `${what}: unexpected params`;
  const restored = restoreNumbers(value);
  if (Value.Check(schema, restored)) return null;
  const first = Value.Errors(schema, restored).First();
  return `${what}: ${first?.path} ${first?.message} (${JSON.stringify(first?.value)?.slice(0, 120)})`;
}

test('payloads recorded from the reference server match our schemas', () => {
  const problems: string[] = [];
  let checked = 0;
  for (const file of readdirSync(GOLDEN).filter((f) => f.endsWith('.json'))) {
    const golden = JSON.parse(readFileSync(join(GOLDEN, file), 'utf8')) as { transcript: Entry[]; sideband?: Message[] };
    const pending = new Map<string, string>();
    const messages: Entry[] = [...golden.transcript, ...(golden.sideband ?? []).map((recv) => ({ recv }))];
    for (const entry of messages) {
      const key = (id: unknown) => `${entry.conn ?? ''}/${JSON.stringify(id)}`;
      if (entry.send?.method && entry.send.id !== undefined) pending.set(key(entry.send.id), entry.send.method);
      const msg = entry.recv;
      if (!msg) continue;
      let found: string | null;
      if (msg.method && msg.id === undefined) found = problem(notifications.get(msg.method), msg.params, `${file} ${msg.method}`);
      else if (msg.method) found = problem(serverRequests.get(msg.method), msg.params, `${file} ${msg.method}`);
      else if ('result' in msg) {
        const method = pending.get(key(msg.id));
        if (!method) continue;
        found = problem(results.get(method), msg.result, `${file} ${method} result`);
      } else continue;
      checked++;
      if (found) problems.push(found);
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(checked > 300, `only ${checked} payloads checked`);
});

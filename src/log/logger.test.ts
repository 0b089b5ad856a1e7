import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { logSettingsFromEnv } from './env.ts';
import { formatJson, formatText } from './format.ts';
import { createLogger } from './logger.ts';

const time = new Date('2026-11-26T10:00:00.000Z');

function capture(level: Parameters<typeof createLogger>[0]['level'], format?: 'text' | 'json') {
  const lines: string[] = [];
  const log = createLogger({ level, format, stream: { write: (line: string) => lines.push(line) }, clock: () => time });
  return { log, lines };
}

test('text lines: time, padded level, scope, message, fields', () => {
  assert.equal(
    formatText({ time, level: 'warn', scope: 'rpc', message: 'dropped message', fields: { conn: 3, error: 'bad json', ok: true } }),
    '2026-11-26T10:00:00.000Z  WARN rpc: dropped message conn=3 error="bad json" ok=true\n',
  );
  assert.equal(
    formatText({ time, level: 'error', scope: '', message: 'a\nb', fields: { e: new Error('boom'), o: { a: [1] }, s: '' } }),
    '2026-11-26T10:00:00.000Z ERROR a\\nb e="boom" o={"a":[1]} s=""\n',
  );
});

test('JSON lines follow the reference layout', () => {
  const line = formatJson({ time, level: 'info', scope: 'transport.ws', message: 'listening', fields: { port: 4500, big: 1n } });
  assert.deepEqual(JSON.parse(line), {
    timestamp: '2026-11-26T10:00:00.000Z',
    level: 'INFO',
    fields: { message: 'listening', port: 4500, big: '1' },
    target: 'transport.ws',
  });
  const circular: Record<string, unknown> = {};
  circular['self'] = circular;
  assert.deepEqual(JSON.parse(formatJson({ time, level: 'warn', scope: '', message: 'm', fields: { circular } })).fields, { message: 'm' });
});

test('records below the threshold are dropped; children nest scopes', () => {
  const { log, lines } = capture('warn');
  log.info('hidden');
  log.debug('hidden');
  log.warn('shown');
  log.child('rpc').child('conn').error('nested', { id: 1 });
  assert.deepEqual(lines, [
    '2026-11-26T10:00:00.000Z  WARN shown\n',
    '2026-11-26T10:00:00.000Z ERROR rpc.conn: nested id=1\n',
  ]);
  assert.equal(log.enabled('warn'), true);
  assert.equal(log.enabled('info'), false);
});

test('off writes nothing', () => {
  const { log, lines } = capture('off');
  log.error('nope');
  assert.deepEqual(lines, []);
});

test('settings from the environment: WEFT_LOG wins over RUST_LOG, default error', () => {
  assert.equal(logSettingsFromEnv({}).level, 'error');
  assert.equal(logSettingsFromEnv({ RUST_LOG: 'info' }).level, 'info');
  assert.equal(logSettingsFromEnv({ RUST_LOG: 'info', WEFT_LOG: 'trace' }).level, 'trace');
  assert.equal(logSettingsFromEnv({ RUST_LOG: 'garbage' }).level, 'error');
  assert.equal(logSettingsFromEnv({ LOG_FORMAT: 'JSON' }).format, 'json');
  assert.equal(logSettingsFromEnv({}).format, 'text');
});

test('WEFT_LOG_FILE adds a file under $CODEX_HOME/log/', () => {
  const codexHome = mkdtempSync(join(tmpdir(), 'weft-log-'));
  const settings = logSettingsFromEnv({ CODEX_HOME: codexHome, WEFT_LOG_FILE: '1' });
  const sinks = settings.stream as { write(line: string): unknown }[];
  assert.equal(sinks.length, 2);
  sinks[1]!.write('one\n');
  sinks[1]!.write('two\n');
  assert.equal(readFileSync(join(codexHome, 'log', 'weft.log'), 'utf8'), 'one\ntwo\n');
  assert.equal((logSettingsFromEnv({ CODEX_HOME: codexHome }).stream as unknown[]).length, 1);
});

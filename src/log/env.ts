import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_THRESHOLD, parseLogFilter } from './levels.ts';
import type { LoggerOptions, LogSink } from './logger.ts';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Logger settings from the environment: `WEFT_LOG` (else the reference's `RUST_LOG`) for the
 * level, `LOG_FORMAT=json` for JSON lines, and `WEFT_LOG_FILE` to also append to a file —
 * `1`/`true` for `$CODEX_HOME/log/weft.log`, or a path (relative ones under `$CODEX_HOME/log/`).
 */
export function logSettingsFromEnv(env: Env): LoggerOptions {
  const level = parseLogFilter(env['WEFT_LOG'] || env['RUST_LOG']) ?? DEFAULT_THRESHOLD;
  const format = env['LOG_FORMAT']?.trim().toLowerCase() === 'json' ? 'json' : 'text';
  const file = logFilePath(env);
  const stream: LogSink[] = [process.stderr];
  if (file) {
    const sink = fileSink(file);
    if (sink) stream.push(sink);
  }
  return { level, format, stream };
}

function logFilePath(env: Env): string | undefined {
  const setting = env['WEFT_LOG_FILE']?.trim();
  if (!setting || setting === '0' || setting.toLowerCase() === 'false') return undefined;
  // The logger starts before CODEX_HOME is checked, so this only computes where it would be.
  const codexHome = env['CODEX_HOME'] ? resolve(env['CODEX_HOME']) : join(env['HOME'] || homedir(), '.codex');
  const logDir = join(codexHome, 'log');
  if (setting === '1' || setting.toLowerCase() === 'true') return join(logDir, 'weft.log');
  return isAbsolute(setting) ? setting : join(logDir, setting);
}

/**
 * Appends synchronously, so a crash cannot lose the lines that explain it. A file that cannot be
 * opened or written is reported once on stderr and then left alone: logging never stops the server.
 */
function fileSink(path: string): LogSink | undefined {
  let fd: number | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, 'a');
  } catch (err) {
    process.stderr.write(`weft: not logging to ${path}: ${(err as Error).message}\n`);
    return undefined;
  }
  return {
    write(line: string) {
      if (fd === undefined) return;
      try {
        writeSync(fd, line);
      } catch (err) {
        process.stderr.write(`weft: stopped logging to ${path}: ${(err as Error).message}\n`);
        closeSync(fd);
        fd = undefined;
      }
    },
  };
}

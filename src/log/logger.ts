import { formatJson, formatText, type Fields, type LogFormat, type LogRecord } from './format.ts';
import { RANK, type LevelName, type Threshold } from './levels.ts';

/** Where formatted lines go: process.stderr, a file, an array in a test. */
export interface LogSink {
  write(line: string): unknown;
}

export interface LoggerOptions {
  level: Threshold;
  format?: LogFormat;
  /** Defaults to stderr; never stdout, which carries the stdio transport. */
  stream?: LogSink | readonly LogSink[];
  /** For tests. */
  clock?: () => Date;
}

export interface Logger {
  readonly level: Threshold;
  /** For callers that would do real work to build fields; plain calls below a level are already cheap. */
  enabled(level: LevelName): boolean;
  error(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  debug(message: string, fields?: Fields): void;
  trace(message: string, fields?: Fields): void;
  /** A logger for a component; scopes nest as `parent.child`. */
  child(scope: string): Logger;
}

export function createLogger(options: LoggerOptions): Logger {
  const sinks = options.stream === undefined ? [process.stderr] : ([] as LogSink[]).concat(options.stream);
  const output: Output = {
    rank: RANK[options.level],
    format: options.format === 'json' ? formatJson : formatText,
    sinks,
    clock: options.clock ?? (() => new Date()),
  };
  return new ScopedLogger(options.level, output, '');
}

interface Output {
  rank: number;
  format: (record: LogRecord) => string;
  sinks: readonly LogSink[];
  clock: () => Date;
}

class ScopedLogger implements Logger {
  constructor(
    readonly level: Threshold,
    private readonly output: Output,
    private readonly scope: string,
  ) {}

  enabled(level: LevelName): boolean {
    return RANK[level] <= this.output.rank;
  }
  error(message: string, fields?: Fields): void {
    if (this.output.rank >= 1) this.write('error', message, fields);
  }
  warn(message: string, fields?: Fields): void {
    if (this.output.rank >= 2) this.write('warn', message, fields);
  }
  info(message: string, fields?: Fields): void {
    if (this.output.rank >= 3) this.write('info', message, fields);
  }
  debug(message: string, fields?: Fields): void {
    if (this.output.rank >= 4) this.write('debug', message, fields);
  }
  trace(message: string, fields?: Fields): void {
    if (this.output.rank >= 5) this.write('trace', message, fields);
  }
  child(scope: string): Logger {
    return new ScopedLogger(this.level, this.output, this.scope ? `${this.scope}.${scope}` : scope);
  }

  private write(level: LevelName, message: string, fields: Fields | undefined): void {
    const line = this.output.format({ time: this.output.clock(), level, scope: this.scope, message, fields });
    for (const sink of this.output.sinks) sink.write(line);
  }
}

export { logSettingsFromEnv } from './env.ts';
export { formatJson, formatText } from './format.ts';
export type { Fields, LogFormat, LogRecord } from './format.ts';
export { DEFAULT_THRESHOLD, LEVELS, parseLogFilter } from './levels.ts';
export type { LevelName, Threshold } from './levels.ts';
export { createLogger } from './logger.ts';
export type { Logger, LoggerOptions, LogSink } from './logger.ts';

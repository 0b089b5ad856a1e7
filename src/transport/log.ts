/**
 * The few log calls a transport makes. Kept local so transports do not depend on the application
 * logger; any logger with these methods fits. Nothing here may write to stdout, which is the stdio
 * protocol channel.
 */
export interface TransportLog {
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

export const silentLog: TransportLog = {
  warn() {},
  info() {},
  debug() {},
};

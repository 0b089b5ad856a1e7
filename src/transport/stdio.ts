import type { Readable, Writable } from 'node:stream';
import type { AcceptChannel, Channel, Listener } from './channel.ts';
import { LineSplitter, type LineEvent } from './lines.ts';
import { silentLog, type TransportLog } from './log.ts';

export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;
export const DEFAULT_OUTPUT_HIGH_WATER_BYTES = 8 * 1024 * 1024;
/**
 * Unwritten output at which the client is given up on. Pausing input does not stop output that
 * running turns produce by themselves, so without this a client that never reads would make the
 * server buffer without bound.
 */
export const DEFAULT_OUTPUT_HARD_LIMIT_BYTES = 512 * 1024 * 1024;

/** How long `close()` waits for a client that is not reading to take the output already written. */
const FLUSH_TIMEOUT_MS = 5_000;

export interface StdioOptions {
  /** Defaults to `process.stdin`. */
  input?: Readable;
  /** Defaults to `process.stdout`; nothing but protocol lines is ever written to it. */
  output?: Writable;
  log?: TransportLog;
  /** Longest accepted line; longer lines are discarded (and logged) without being buffered. */
  maxLineBytes?: number;
  /** Unwritten output above which input is paused until the output drains. */
  outputHighWaterBytes?: number;
  /** Unwritten output at which the connection is closed. */
  outputHardLimitBytes?: number;
}

/**
 * Serves exactly one connection over a pair of streams as newline-delimited JSON.
 *
 * The single peer cannot be dropped the way a slow websocket is, so when it stops reading its
 * output, reading its input stops too, until the output drains.
 *
 * `close()` resolves once output already sent has been handed to the OS (bounded by a timeout for a
 * client that is not reading), so exiting the process right after it loses no responses.
 */
export function listenStdio(accept: AcceptChannel, opts: StdioOptions = {}): Listener {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const log = opts.log ?? silentLog;
  const highWater = opts.outputHighWaterBytes ?? DEFAULT_OUTPUT_HIGH_WATER_BYTES;
  const hardLimit = opts.outputHardLimitBytes ?? DEFAULT_OUTPUT_HARD_LIMIT_BYTES;

  let closed = false;
  let waitingForDrain = false;

  const channel: Channel = {
    transport: 'stdio',
    label: 'stdio',
    send(text) {
      if (closed) return;
      if (output.writableLength >= hardLimit) {
        log.warn('stdio: client stopped reading; closing the connection', { bufferedBytes: output.writableLength });
        finish('client not reading');
        return;
      }
      const belowStreamLimit = output.write(text + '\n');
      // 'drain' is only promised after write() returned false, so that is the condition to wait on.
      if (!belowStreamLimit && !waitingForDrain && output.writableLength >= highWater) {
        waitingForDrain = true;
        input.pause();
        log.debug('stdio output backlog; pausing input', { bufferedBytes: output.writableLength });
        output.once('drain', onDrain);
      }
    },
    close: () => finish('closed by server'),
  };
  const handlers = accept(channel);

  const splitter = new LineSplitter(opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES, (event: LineEvent) => {
    if (closed) return;
    switch (event.kind) {
      case 'line':
        handlers.onMessage(event.text);
        return;
      case 'invalidUtf8':
        log.warn('stdio: dropped a line that is not valid UTF-8', { bytes: event.bytes });
        return;
      case 'tooLong':
        log.warn('stdio: discarding a line longer than the limit', { limitBytes: event.limitBytes });
        return;
    }
  });

  function onDrain(): void {
    waitingForDrain = false;
    if (closed) return;
    log.debug('stdio output drained; resuming input');
    input.resume();
  }
  function onData(chunk: Buffer | string): void {
    splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  function onEnd(): void {
    splitter.end();
    finish('input ended');
  }
  // Without a preceding 'end' the stream was torn down, so a partial last line is not trustworthy.
  function onInputClose(): void {
    finish('input closed');
  }
  function finish(reason: string): void {
    if (closed) return;
    closed = true;
    input.off('data', onData);
    input.off('end', onEnd);
    input.off('close', onInputClose);
    input.pause();
    output.off('drain', onDrain);
    log.debug('stdio connection closed', { reason });
    handlers.onClose();
  }

  // Error listeners stay attached after close: a late EPIPE with no listener would crash the process.
  input.on('error', (err) => {
    if (!closed) log.warn('stdio input failed', { error: err.message });
    finish('input error');
  });
  output.on('error', (err: NodeJS.ErrnoException) => {
    // EPIPE means the client closed its end: the connection is over, not the process.
    if (!closed) log.warn('stdio output failed', { error: err.message, code: err.code });
    finish('output error');
  });
  input.on('data', onData);
  input.on('end', onEnd);
  input.on('close', onInputClose);

  function flushed(): Promise<void> {
    if (output.writableLength === 0 || output.destroyed || output.writableEnded) return Promise.resolve();
    return new Promise((resolve) => {
      setTimeout(resolve, FLUSH_TIMEOUT_MS).unref();
      // Writes complete in order, so an empty write's callback marks everything before it as flushed.
      output.write('', () => resolve());
    });
  }

  return {
    close() {
      finish('listener closed');
      return flushed();
    },
  };
}

import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type ServerOptions, type WebSocket } from 'ws';
import type { AcceptChannel, Channel, ChannelHandlers, Listener } from './channel.ts';
import { silentLog, type TransportLog } from './log.ts';
import { decodeUtf8 } from './utf8.ts';

export const DEFAULT_MAX_BUFFERED_BYTES = 32 * 1024 * 1024;
export const DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

/** How long a socket we close may take to answer our close frame before it is destroyed. */
const CLOSE_HANDSHAKE_TIMEOUT_MS = 5_000;

/** 1008 (policy violation) rather than 1013 (try again later): reconnecting and reading no faster would fail the same way. */
const CLOSE_SLOW_READER = 1008;
const CLOSE_GOING_AWAY = 1001;
const CLOSE_NORMAL = 1000;

const HEALTH_PATHS = new Set(['/healthz', '/readyz']);

export interface WebSocketOptions {
  host: string;
  port: number;
  /**
   * When set, every upgrade must carry `Authorization: Bearer <token>`, as upstream codex's
   * `--ws-auth capability-token` does. There is deliberately no `Sec-WebSocket-Protocol` variant
   * for browsers: browsers always send `Origin` on websocket upgrades, and those are refused anyway.
   */
  token?: string;
  log?: TransportLog;
  /** Unsent bytes a socket may hold before it is disconnected as a slow reader. */
  maxBufferedBytes?: number;
  /** Largest incoming message; a bigger one closes that socket with 1009. */
  maxPayloadBytes?: number;
}

export type WebSocketListener = Listener & { port: number };

/**
 * Listens for websocket clients; each socket is an independent channel carrying one JSON-RPC
 * message per text frame. The same port answers `GET /healthz` and `GET /readyz`.
 *
 * Any request carrying `Origin` is refused with 403 (web pages cannot reach the server), and
 * binding beyond loopback requires a token, so an unauthenticated server is never exposed.
 */
export async function listenWebSocket(accept: AcceptChannel, opts: WebSocketOptions): Promise<WebSocketListener> {
  const log = opts.log ?? silentLog;
  if (opts.token !== undefined && (opts.token === '' || opts.token !== opts.token.trim())) {
    throw new Error('websocket token must be non-empty and have no surrounding whitespace');
  }
  if (opts.token === undefined && !isLoopbackHost(opts.host)) {
    throw new Error(
      `refusing to listen on non-loopback address ${opts.host} without a token; ` +
        'bind to 127.0.0.1 (and forward the port over SSH) or configure a bearer token',
    );
  }
  const tokenDigest = opts.token === undefined ? undefined : sha256(opts.token);
  const maxBufferedBytes = opts.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;

  // `closeTimeout` exists in ws >= 8.19 but is not yet in @types/ws.
  const wssOptions: ServerOptions & { closeTimeout: number } = {
    noServer: true,
    maxPayload: opts.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES,
    // ws would close the whole socket (1007) on a bad text frame; we drop just that frame instead.
    skipUTF8Validation: true,
    perMessageDeflate: false,
    closeTimeout: CLOSE_HANDSHAKE_TIMEOUT_MS,
  };
  const wss = new WebSocketServer(wssOptions);
  const open = new Set<WebSocketChannel>();
  let nextId = 1;
  let closing: Promise<void> | undefined;

  const server = http.createServer((req, res) => {
    const status = plainHttpStatus(req);
    if (status === 403) log.warn('refusing HTTP request with Origin header', { url: req.url });
    if (status === 405) res.setHeader('Allow', 'GET, HEAD');
    res.writeHead(status, { 'Content-Length': 0 }).end();
  });

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node drops its own error handling once a request turns into an upgrade.
    socket.on('error', (err) => log.debug('websocket upgrade socket error', { error: err.message }));
    if (closing) {
      socket.destroy();
      return;
    }
    if (req.headers.origin !== undefined) {
      log.warn('refusing websocket upgrade with Origin header', { origin: req.headers.origin });
      refuseUpgrade(socket, 403, '');
      return;
    }
    if (tokenDigest) {
      const refusal = checkBearer(req.headers.authorization, tokenDigest);
      if (refusal) {
        log.warn('refusing websocket upgrade', { reason: refusal, peer: req.socket.remoteAddress });
        refuseUpgrade(socket, 401, refusal);
        return;
      }
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const label = `ws#${nextId++} ${req.socket.remoteAddress}:${req.socket.remotePort}`;
      const channel = new WebSocketChannel(ws, label, maxBufferedBytes, log, () => open.delete(channel));
      open.add(channel);
      log.info('websocket client connected', { peer: label });
      channel.serve(accept(channel));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => log.warn('websocket listener error', { error: err.message }));

  return {
    port: (server.address() as net.AddressInfo).port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        // server.close() drops idle keep-alive connections and waits for every other one, upgraded
        // sockets included, so this resolves once each socket finished its close handshake or hit
        // the handshake timeout.
        server.close(() => resolve());
        for (const channel of open) channel.disconnect(CLOSE_GOING_AWAY, 'server shutting down');
      });
      return closing;
    },
  };
}

class WebSocketChannel implements Channel {
  readonly transport = 'websocket';
  private handlers: ChannelHandlers | undefined;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    readonly label: string,
    private readonly maxBufferedBytes: number,
    private readonly log: TransportLog,
    private readonly forget: () => void,
  ) {}

  serve(handlers: ChannelHandlers): void {
    this.handlers = handlers;
    this.ws.on('message', (data, isBinary) => {
      if (this.closed) return;
      if (isBinary) {
        this.log.warn('dropping binary websocket frame', { peer: this.label });
        return;
      }
      // binaryType is the default 'nodebuffer', so a (possibly fragmented) message is one Buffer.
      const text = decodeUtf8(data as Buffer);
      if (text === undefined) {
        this.log.warn('dropping websocket text frame that is not valid UTF-8', { peer: this.label });
        return;
      }
      handlers.onMessage(text);
    });
    this.ws.on('error', (err) => this.log.warn('websocket error', { peer: this.label, error: err.message }));
    this.ws.on('close', (code) => {
      this.log.info('websocket client disconnected', { peer: this.label, code });
      this.finish();
    });
  }

  send(text: string): void {
    if (this.closed) return;
    // Checked before queueing, so one large message to a reader that is keeping up is never refused;
    // the backlog is bounded by the limit plus one message.
    const backlog = this.ws.bufferedAmount;
    if (backlog > this.maxBufferedBytes) {
      this.log.warn('disconnecting websocket client that is not reading', { peer: this.label, bufferedBytes: backlog });
      this.disconnect(CLOSE_SLOW_READER, 'slow reader: too much unread output');
      return;
    }
    this.ws.send(text);
  }

  close(): void {
    this.disconnect(CLOSE_NORMAL, '');
  }

  /** The channel ends now; the socket follows once its close handshake finishes or times out. */
  disconnect(code: number, reason: string): void {
    if (this.closed) return;
    this.ws.close(code, reason);
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.forget();
    this.handlers?.onClose();
  }
}

/** Status for a request that is not a websocket upgrade. */
function plainHttpStatus(req: http.IncomingMessage): number {
  if (req.headers.origin !== undefined) return 403;
  const path = (req.url ?? '').split('?', 1)[0] ?? '';
  if (!HEALTH_PATHS.has(path)) return 404;
  return req.method === 'GET' || req.method === 'HEAD' ? 200 : 405;
}

/** Refusal message (upstream's wording) or undefined when the header carries the token. */
function checkBearer(header: string | undefined, tokenDigest: Buffer): string | undefined {
  if (header === undefined) return 'missing websocket bearer token';
  const space = header.indexOf(' ');
  const presented = header.slice(space + 1).trim();
  if (space <= 0 || header.slice(0, space).toLowerCase() !== 'bearer' || presented === '') {
    return 'invalid authorization header';
  }
  // Comparing fixed-size digests keeps the comparison constant-time whatever the lengths.
  return timingSafeEqual(sha256(presented), tokenDigest) ? undefined : 'invalid websocket bearer token';
}

function refuseUpgrade(socket: Duplex, status: number, body: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Only literal loopback addresses and `localhost` count; any other name could resolve anywhere. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (bare.toLowerCase() === 'localhost') return true;
  const family = net.isIP(bare);
  return family !== 0 && LOOPBACK.check(bare, family === 6 ? 'ipv6' : 'ipv4');
}

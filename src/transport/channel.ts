/**
 * A channel is one client connection seen as a stream of whole JSON-RPC message texts.
 * Transports (stdio, websocket) frame bytes into messages and hand each accepted client to the
 * RPC layer as a Channel; the RPC layer never sees sockets or streams.
 *
 * Ordering: messages are delivered to `onMessage` in the order the client sent them, and texts
 * passed to `send` reach the client in call order.
 */
export interface Channel {
  /** Transport name, for logs and per-transport behaviour. */
  readonly transport: 'stdio' | 'websocket';
  /** Human-readable peer description, for logs only. */
  readonly label: string;
  /**
   * Queues one outgoing message (a complete JSON text, no framing). Never blocks; a no-op once the
   * channel is closed. A websocket peer that does not read fast enough is disconnected instead of
   * being buffered without bound; the single stdio peer cannot be dropped, so stdio stops reading
   * its input until its output drains.
   */
  send(text: string): void;
  /** Closes the connection; `onClose` of its handlers fires once, before `close` returns. */
  close(): void;
}

/** What the RPC layer gives a transport for each accepted channel. */
export interface ChannelHandlers {
  /** One incoming message text (a line on stdio, a text frame on websocket), already valid UTF-8. */
  onMessage(text: string): void;
  /**
   * The connection is gone (peer closed, error, `close()`, or the transport dropped a slow peer);
   * called exactly once, after which no `onMessage` follows.
   */
  onClose(): void;
}

/** Called by a transport for every new client connection. */
export type AcceptChannel = (channel: Channel) => ChannelHandlers;

/**
 * A running transport; `close` stops accepting and closes every open channel (each `onClose` fires
 * before `close` resolves).
 */
export interface Listener {
  close(): Promise<void>;
}

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
   * Queues one outgoing message (a complete JSON text, no framing). Never blocks. A peer that does
   * not read fast enough is disconnected by the transport instead of being buffered without bound.
   */
  send(text: string): void;
  /** Closes the connection; `onClose` of its handlers fires once. */
  close(): void;
}

/** What the RPC layer gives a transport for each accepted channel. */
export interface ChannelHandlers {
  /** One incoming message text (a line on stdio, a text frame on websocket), already valid UTF-8. */
  onMessage(text: string): void;
  /** The connection is gone (peer closed, error, or `close()`); called exactly once. */
  onClose(): void;
}

/** Called by a transport for every new client connection. */
export type AcceptChannel = (channel: Channel) => ChannelHandlers;

/** A running transport; `close` stops accepting and closes every open channel. */
export interface Listener {
  close(): Promise<void>;
}

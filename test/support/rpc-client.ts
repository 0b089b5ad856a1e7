import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import WebSocket from 'ws';

export type Message = Record<string, any>;

/**
 * A test client speaking the protocol over stdio or websocket. Every incoming message is queued;
 * `next` consumes the first one matching a predicate, waiting for it if needed, so tests wait for
 * messages instead of sleeping.
 */
export class RpcClient {
  private nextId = 1;
  private readonly inbox: Message[] = [];
  private waiters: Array<{ match: (m: Message) => boolean; resolve: (m: Message) => void }> = [];
  private closedFlag = false;
  private readonly closeWaiters: Array<() => void> = [];
  /** Every message received, in order, including consumed ones. */
  readonly log: Message[] = [];
  private observers: Array<(m: Message) => void> = [];

  private constructor(
    private readonly write: (text: string) => void,
    private readonly end: () => void,
  ) {}

  static overStdio(proc: ChildProcessWithoutNullStreams): RpcClient {
    const client = new RpcClient(
      (text) => proc.stdin.write(text + '\n'),
      () => proc.stdin.end(),
    );
    let buf = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.trim()) client.receive(JSON.parse(line));
      }
    });
    proc.stdout.on('close', () => client.markClosed());
    proc.stdin.on('error', () => {});
    return client;
  }

  static overWebSocket(url: string, headers?: Record<string, string>): Promise<RpcClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const client = new RpcClient(
        (text) => ws.send(text),
        () => ws.close(),
      );
      ws.on('message', (data, isBinary) => {
        if (!isBinary) client.receive(JSON.parse(data.toString()));
      });
      ws.on('close', () => client.markClosed());
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  sendRaw(text: string): void {
    this.write(text);
  }

  send(message: Message): void {
    this.write(JSON.stringify(message));
  }

  /** Sends a request with the next id; returns the id. */
  sendRequest(method: string, params?: unknown): number {
    const id = this.nextId++;
    this.send(params === undefined ? { id, method } : { id, method, params });
    return id;
  }

  /** Sends a request and waits for its response (result or error). */
  request(method: string, params?: unknown): Promise<Message> {
    const id = this.sendRequest(method, params);
    return this.response(id);
  }

  response(id: number | string): Promise<Message> {
    return this.next((m) => m.id === id && !('method' in m));
  }

  notification(method: string): Promise<Message> {
    return this.next((m) => m.method === method && !('id' in m));
  }

  async initialize(params: Message = {}): Promise<Message> {
    const res = await this.request('initialize', {
      clientInfo: { name: 'weft_test', title: 'Weft Test', version: '1.0.0' },
      capabilities: { experimentalApi: true },
      ...params,
    });
    this.send({ method: 'initialized' });
    return res;
  }

  next(match: (m: Message) => boolean, timeoutMs = 10_000): Promise<Message> {
    const i = this.inbox.findIndex(match);
    if (i >= 0) return Promise.resolve(this.inbox.splice(i, 1)[0]!);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (m: Message) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for a message; inbox: ${JSON.stringify(this.inbox).slice(0, 2000)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Messages received and not consumed by `next`. */
  pending(): Message[] {
    return [...this.inbox];
  }

  close(): void {
    this.end();
  }

  waitClosed(): Promise<void> {
    if (this.closedFlag) return Promise.resolve();
    return new Promise((resolve) => this.closeWaiters.push(resolve));
  }

  /** Calls `fn` with every message received from now on. */
  observe(fn: (m: Message) => void): void {
    this.observers.push(fn);
  }

  private receive(message: Message): void {
    this.log.push(message);
    for (const fn of this.observers) fn(message);
    const w = this.waiters.find((x) => x.match(message));
    if (w) {
      this.waiters = this.waiters.filter((x) => x !== w);
      w.resolve(message);
    } else {
      this.inbox.push(message);
    }
  }

  private markClosed(): void {
    this.closedFlag = true;
    for (const w of this.closeWaiters.splice(0)) w();
  }
}

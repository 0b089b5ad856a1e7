import { UsageError } from './usage.ts';

export type ListenTarget = { kind: 'stdio' } | { kind: 'websocket'; host: string; port: number };

/** `stdio://` or `ws://IP:PORT` (IPv6 in brackets), the transports the reference accepts. */
export function parseListenUrl(url: string): ListenTarget {
  if (url === 'stdio://' || url === 'stdio') return { kind: 'stdio' };
  const m = url.match(/^ws:\/\/(\[[^\]]+\]|[^:/]+):(\d+)\/?$/);
  const port = m ? Number(m[2]) : NaN;
  if (!m || port > 65535) {
    throw new UsageError(`invalid --listen URL '${url}': expected stdio:// or ws://IP:PORT`);
  }
  return { kind: 'websocket', host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

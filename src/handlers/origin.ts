import type { RequestOrigin } from '../core/model-request.ts';
import type { Connection } from '../rpc/connection.ts';
import { userAgent } from '../util/user-agent.ts';

/** Who the model provider is told it is talking to: the client that caused the request. */
export function origin(conn: Connection): RequestOrigin {
  const name = conn.session?.clientName ?? 'codex_vscode';
  return { originator: name, userAgent: userAgent(name, conn.session?.clientVersion ?? '') };
}

import { RpcError } from '../rpc/errors.ts';
import { parseUuid } from '../util/uuid.ts';

/** Validates a client-supplied thread id, answering as the reference does for a malformed one. */
export function threadIdParam(raw: string): string {
  const parsed = parseUuid(raw);
  if (!parsed.ok) throw RpcError.badRequest(`invalid thread id: ${parsed.message}`);
  return parsed.uuid;
}

import type { DynamicToolSpec } from '../../protocol/index.ts';
import { toApiSchema } from './json-schema.ts';
import { functionTool, type FunctionToolSpec } from './types.ts';

/** A client's tool from thread/start, offered under the client's own name and description. */
export function dynamicTool(spec: DynamicToolSpec): FunctionToolSpec {
  return functionTool(spec.name, spec.description, toApiSchema(spec.inputSchema));
}

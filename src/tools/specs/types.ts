/**
 * The tool definitions the Responses API takes, in the subset of JSON Schema the reference offers
 * (its `JsonSchema`): keys are written in the order the reference serializes them, so a request
 * body reads the same as the reference's.
 */

export type JsonSchema =
  | { type: 'string' | 'number' | 'boolean'; description?: string }
  | { type: 'array'; items: JsonSchema; description?: string }
  | {
      type: 'object';
      properties: Record<string, JsonSchema>;
      required?: string[];
      additionalProperties?: boolean | JsonSchema;
    };

export interface FunctionToolSpec {
  type: 'function';
  name: string;
  description: string;
  strict: false;
  parameters: JsonSchema;
}

/** A freeform tool: the model writes raw text that the grammar constrains. */
export interface CustomToolSpec {
  type: 'custom';
  name: string;
  description: string;
  format: { type: 'grammar'; syntax: 'lark'; definition: string };
}

export interface WebSearchToolSpec {
  type: 'web_search';
  /** false: answers come from the search provider's cache only. */
  external_web_access: boolean;
  filters?: { allowed_domains: string[] };
  user_location?: { type: 'approximate'; country?: string; region?: string; city?: string; timezone?: string };
  search_context_size?: 'low' | 'medium' | 'high';
}

export type ToolSpec = FunctionToolSpec | CustomToolSpec | WebSearchToolSpec;

/** The name a tool has in a request's tool list (built-in tools go by their type). */
export function toolName(spec: ToolSpec): string {
  return spec.type === 'web_search' ? spec.type : spec.name;
}

export function functionTool(name: string, description: string, parameters: JsonSchema): FunctionToolSpec {
  return { type: 'function', name, description, strict: false, parameters };
}

/**
 * A closed object schema. Properties are sorted because the reference keeps them in a sorted
 * map; `required` keeps the order given.
 */
export function closedObject(properties: Record<string, JsonSchema>, required?: string[]): JsonSchema {
  const sorted = Object.fromEntries(Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return required ? { type: 'object', properties: sorted, required, additionalProperties: false } : { type: 'object', properties: sorted, additionalProperties: false };
}

export const string = (description?: string): JsonSchema => (description ? { type: 'string', description } : { type: 'string' });
export const number = (description: string): JsonSchema => ({ type: 'number', description });
export const boolean = (description: string): JsonSchema => ({ type: 'boolean', description });
export const stringArray = (description: string): JsonSchema => ({ type: 'array', items: { type: 'string' }, description });

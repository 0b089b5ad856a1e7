/**
 * The `response` of `response.completed`, read with the reference's serde rules so a malformed one
 * fails with the same text ("failed to parse ResponseCompleted: missing field `id`").
 */
import { unexpected } from '../protocol/decode-format.ts';
import type { TokenUsage } from './events.ts';
import { isAbsent, isObject, type Json } from './json.ts';

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const I64_LIMIT = 2 ** 63;
const isI64 = (v: unknown): v is number => Number.isInteger(v) && Math.abs(v as number) < I64_LIMIT;
const invalid = (v: unknown, expected: string) => `invalid type: ${unexpected(v)}, expected ${expected}`;

/**
 * serde visits the keys present (reporting the first wrong type) before it reports the first missing
 * field in declaration order. A field is required when its check refuses `undefined`.
 */
function readStruct(value: unknown, name: string, fields: Record<string, (v: unknown) => string | undefined>): string | undefined {
  if (!isObject(value)) return invalid(value, `struct ${name}`);
  for (const key of Object.keys(value)) {
    const error = Object.hasOwn(fields, key) ? fields[key]!(value[key]) : undefined;
    if (error) return error;
  }
  for (const [key, check] of Object.entries(fields)) {
    if (!Object.hasOwn(value, key) && check(undefined) !== undefined) return `missing field \`${key}\``;
  }
  return undefined;
}

const i64 = (v: unknown) => (isI64(v) ? undefined : invalid(v, 'i64'));
const str = (v: unknown) => (typeof v === 'string' ? undefined : invalid(v, 'a string'));
const optional = (check: (v: unknown) => string | undefined) => (v: unknown) => (isAbsent(v) ? undefined : check(v));

const inputDetails = (v: unknown) => readStruct(v, 'ResponseCompletedInputTokensDetails', { cached_tokens: i64 });
const outputDetails = (v: unknown) => readStruct(v, 'ResponseCompletedOutputTokensDetails', { reasoning_tokens: i64 });
const usageShape = (v: unknown) =>
  readStruct(v, 'ResponseCompletedUsage', {
    input_tokens: i64,
    input_tokens_details: optional(inputDetails),
    output_tokens: i64,
    output_tokens_details: optional(outputDetails),
    total_tokens: i64,
  });

export function parseCompleted(response: unknown): Parsed<{ responseId: string; usage: TokenUsage | null }> {
  const error = readStruct(response, 'ResponseCompleted', { id: str, usage: optional(usageShape) });
  if (error) return { ok: false, error };
  const { id, usage } = response as { id: string; usage?: Json | null };
  if (!usage) return { ok: true, value: { responseId: id, usage: null } };
  const input = usage.input_tokens_details as { cached_tokens: number } | null | undefined;
  const output = usage.output_tokens_details as { reasoning_tokens: number } | null | undefined;
  return {
    ok: true,
    value: {
      responseId: id,
      usage: {
        inputTokens: usage.input_tokens as number,
        cachedInputTokens: input?.cached_tokens ?? 0,
        outputTokens: usage.output_tokens as number,
        reasoningOutputTokens: output?.reasoning_tokens ?? 0,
        totalTokens: usage.total_tokens as number,
      },
    },
  };
}

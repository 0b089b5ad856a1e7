import { parse, TomlDate, TomlError } from 'smol-toml';
import { setKey, type TomlTable, type TomlValue } from './tree.ts';

/** A TOML syntax error with its 1-based position and the parser's one-line reason. */
export class TomlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${reason}`);
  }
}

export function parseToml(text: string): TomlTable {
  try {
    return plainTable(parse(text));
  } catch (err) {
    if (err instanceof TomlError) {
      // The parser's message carries a code excerpt after the first line; positions say enough.
      const reason = err.message.split('\n', 1)[0]!.replace(/^Invalid TOML document: /, '');
      throw new TomlSyntaxError(reason, err.line, err.column);
    }
    throw err;
  }
}

/** Parses the right-hand side of `key = <raw>`; undefined when it is not a TOML value. */
export function parseTomlValue(raw: string): TomlValue | undefined {
  try {
    // The sentinel key keeps `raw` a value: whatever else it might declare is ignored.
    return plainTable(parse(`_x_ = ${raw}`))['_x_'];
  } catch (err) {
    if (err instanceof TomlError) return undefined;
    throw err;
  }
}

// The parser returns null-prototype objects and Date subclasses; the rest of the code (and
// deep-equality in tests) wants ordinary objects and strings.
function plainTable(table: Record<string, unknown>): TomlTable {
  const out: TomlTable = {};
  for (const [key, value] of Object.entries(table)) setKey(out, key, plainValue(value));
  return out;
}

function plainValue(value: unknown): TomlValue {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value === 'object' && value !== null) return plainTable(value as Record<string, unknown>);
  return value as TomlValue;
}

/** A time-ordered UUID (version 7), as the reference uses for thread and turn ids. */
export function uuidv7(now = Date.now()): string {
  // Web Crypto is global and initialised lazily, unlike an import of node:crypto at start-up.
  const b = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16)));
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const HEX = /^[0-9a-fA-F]$/;
const GROUP_STARTS = [0, 9, 14, 19, 24];
const GROUP_LENGTHS = [8, 4, 4, 4, 12];

export type UuidParse = { ok: true; uuid: string } | { ok: false; message: string };

/**
 * Parses a UUID in the forms clients of the reference may send (hyphenated, simple, braced,
 * `urn:uuid:`), and on failure explains why in the same words as the reference's parser, since
 * those texts reach clients inside error messages ("invalid thread id: …").
 */
export function parseUuid(input: string): UuidParse {
  let body = input;
  let offset = 0;
  let simpleAllowed = true;
  if (input.length >= 2 && input.startsWith('{') && input.endsWith('}')) {
    body = input.slice(1, -1);
    offset = 1;
    simpleAllowed = false;
  } else if (input.startsWith('urn:uuid:')) {
    body = input.slice(9);
    offset = 9;
    simpleAllowed = false;
  }
  const hyphens: number[] = [];
  // Offsets are counted in UTF-8 bytes, and reported 1-based.
  let byteIndex = 0;
  for (const ch of body) {
    if (ch === '-') hyphens.push(byteIndex);
    else if (!HEX.test(ch)) {
      return { ok: false, message: `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${ch}\` at ${byteIndex + offset + 1}` };
    }
    byteIndex += Buffer.byteLength(ch);
  }
  if (hyphens.length === 0) {
    if (body.length === 32) return { ok: true, uuid: hyphenate(body.toLowerCase()) };
    if (simpleAllowed) return { ok: false, message: `invalid length: expected length 32 for simple format, found ${input.length}` };
    return { ok: false, message: `invalid group count: expected 5, found 1` };
  }
  if (hyphens.length !== 4) return { ok: false, message: `invalid group count: expected 5, found ${hyphens.length + 1}` };
  for (let i = 0; i < 4; i++) {
    if (hyphens[i] !== GROUP_STARTS[i + 1]! - 1) {
      const len = hyphens[i]! - (i === 0 ? 0 : hyphens[i - 1]! + 1);
      return { ok: false, message: `invalid group length in group ${i}: expected ${GROUP_LENGTHS[i]}, found ${len}` };
    }
  }
  if (body.length !== 36) {
    // The reference measures the last group against the whole input, braces or prefix included.
    return { ok: false, message: `invalid group length in group 4: expected 12, found ${Buffer.byteLength(input) - GROUP_STARTS[4]!}` };
  }
  return { ok: true, uuid: body.toLowerCase() };
}

function hyphenate(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

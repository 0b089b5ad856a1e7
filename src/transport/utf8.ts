// `ignoreBOM` keeps a leading U+FEFF in the text, so the message reaches the parser byte-for-byte
// as the client sent it instead of being silently repaired.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes one whole message; `undefined` when it is not valid UTF-8, so only that message is dropped. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

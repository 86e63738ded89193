// A key name split on `:` into byte-exact strings, one character per byte (latin1), so that the
// namespace derivation and the TTL policy audit split a name once, compare bytes exactly (a
// pattern's literal is converted the same way) and never choke on names that are not UTF-8.
// Pure, no imports.

export const SEGMENT_SEPARATOR = ':';

/** The name's `:`-separated segments, each a string of one character per byte. */
export function nameSegments(name: Buffer): string[] {
  return name.toString('latin1').split(SEGMENT_SEPARATOR);
}

/** A text as the one-character-per-byte string of its UTF-8 bytes (what nameSegments makes of it). */
export function byteString(text: string): string {
  let bytes = '';
  for (const byte of new TextEncoder().encode(text)) bytes += String.fromCharCode(byte);
  return bytes;
}

/** The bytes of a one-character-per-byte string. */
export function stringBytes(bytes: string): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) out[i] = bytes.charCodeAt(i);
  return out;
}

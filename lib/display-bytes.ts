// Shows bytes from Redis as safe, readable text: valid UTF-8 stays as it is; invalid bytes,
// control characters and bidi overrides become visible escapes, so a name can neither hide
// nor reorder what an operator reads. A backslash is doubled, so escapes are unambiguous.
// Pure; used for keys and slow log arguments.

// C0/C1 controls, DEL, the bidi marks, embeddings, overrides and isolates, and the BOM.
const NEEDS_ESCAPE = /^[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\\]$/;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Byte length of the valid UTF-8 sequence at bytes[i], or 0 when there is none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
  if (length <= 1 || i + length > bytes.length) return length === 1 ? 1 : 0;
  try {
    strictUtf8.decode(bytes.subarray(i, i + length)); // rejects overlongs and surrogates
    return length;
  } catch {
    return 0;
  }
}

/** The display form of some bytes, and whether anything had to be escaped. */
export function displayBytes(bytes: Uint8Array): { text: string; escaped: boolean } {
  let text = '';
  let escaped = false;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      text += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
      escaped = true;
      i += 1;
      continue;
    }
    const char = length === 1 ? String.fromCharCode(bytes[i]!) : Buffer.from(bytes.subarray(i, i + length)).toString('utf8');
    if (NEEDS_ESCAPE.test(char)) {
      text += escapeChar(char);
      escaped = true;
    } else {
      text += char;
    }
    i += length;
  }
  return { text, escaped };
}

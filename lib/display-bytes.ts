// Shows bytes from Redis as safe, readable text: valid UTF-8 stays as it is; invalid bytes,
// control characters and bidi overrides become visible escapes, so a name can neither hide
// nor reorder what an operator reads. The one place bytes become display text: key names,
// value elements and slow log arguments on the server, string values in the browser, audit
// targets. Pure and browser-safe (no Buffer, no server imports), so both sides share it.

// C0/C1 controls, DEL, the bidi marks, embeddings, overrides and isolates, and the BOM.
const CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff';
/** One-line text (names, arguments): every control, and the backslash, so escapes are unambiguous. */
const LINE_ESCAPES = new RegExp(`[${CONTROLS}\\\\]`, 'g');
/** Multi-line text (values): newlines and tabs are layout there; a backslash is just a character. */
const TEXT_ESCAPES = new RegExp(`[${CONTROLS.replace('\\u0000-\\u001f', '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f')}]`, 'g');
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

function escapeChar(char: string): string {
  const code = char.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

// ignoreBOM: a leading BOM is a character to show (escaped), not one to drop unseen.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const ascii = new TextDecoder();

/** Index of the first byte at or after `from` that does not start a valid UTF-8 sequence. */
function firstInvalid(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    if (length === 1) {
      i += 1; // ASCII is always valid: no decode per byte
      continue;
    }
    try {
      strict.decode(bytes.subarray(i, i + length)); // rejects overlongs and surrogates
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}

function show(bytes: Uint8Array, escapes: RegExp, named: boolean): { text: string; escaped: boolean } {
  let text = '';
  let escaped = false;
  const escape = (char: string) => {
    escaped = true;
    return (named && NAMED[char]) || escapeChar(char);
  };
  let start = 0;
  // Decode the longest valid run, escape one bad byte, go on: O(n) for mostly valid text.
  while (start < bytes.length) {
    let end = bytes.length;
    let decoded: string;
    try {
      decoded = strict.decode(bytes.subarray(start, end));
    } catch {
      end = firstInvalid(bytes, start);
      decoded = strict.decode(bytes.subarray(start, end));
    }
    text += decoded.replace(escapes, escape);
    start = end;
    if (start < bytes.length) {
      text += `\\x${bytes[start]!.toString(16).padStart(2, '0')}`;
      escaped = true;
      start += 1;
    }
  }
  return { text, escaped };
}

/** One-line display form (a key name, a slow log argument), and whether anything was escaped. */
export function displayBytes(bytes: Uint8Array): { text: string; escaped: boolean } {
  return show(bytes, LINE_ESCAPES, true);
}

/**
 * Multi-line display form of a value: like displayBytes, but newlines and tabs stay as layout
 * and a backslash stays single.
 */
export function displayText(bytes: Uint8Array): { text: string; escaped: boolean } {
  return show(bytes, TEXT_ESCAPES, false);
}

/** True when every byte is printable ASCII other than the backslash: shown as it is. */
function isPlainAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    if (byte < 0x20 || byte > 0x7e || byte === 0x5c) return false;
  }
  return true;
}

/** displayBytes' text, with a fast path for the plain-ASCII names most keys have. */
export function displayName(bytes: Uint8Array): string {
  return isPlainAscii(bytes) ? ascii.decode(bytes) : displayBytes(bytes).text;
}

// String values in the browser: text with visible escapes, pretty JSON, or a hex dump. Pure and
// browser-safe (no Buffer). Unlike key names, values keep their newlines and tabs as layout;
// invalid UTF-8, other control characters and bidi overrides still become visible escapes.

const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function escapeCode(char: string): string {
  const code = char.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** Text for display: valid UTF-8 runs decoded, every invalid byte as \xNN, controls escaped. */
export function valueText(bytes: Uint8Array): { text: string; escaped: boolean } {
  let text = '';
  let escaped = false;
  let start = 0;
  // Decode the longest valid prefix, escape one bad byte, go on: O(n) for mostly valid text.
  while (start < bytes.length) {
    let end = bytes.length;
    let decoded: string | null = null;
    try {
      decoded = strict.decode(bytes.subarray(start, end));
    } catch {
      end = firstInvalid(bytes, start);
      decoded = strict.decode(bytes.subarray(start, end));
    }
    text += decoded;
    start = end;
    if (start < bytes.length) {
      text += `\\x${bytes[start]!.toString(16).padStart(2, '0')}`;
      escaped = true;
      start += 1;
    }
  }
  const safe = text.replace(NEEDS_ESCAPE, (char) => {
    escaped = true;
    return escapeCode(char);
  });
  return { text: safe, escaped };
}

/** Index of the first byte that does not start (or continue) a valid UTF-8 sequence. */
function firstInvalid(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      strict.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}

/** Pretty JSON when the bytes are one valid JSON document, else null. */
export function prettyJson(bytes: Uint8Array): string | null {
  try {
    const text = strict.decode(bytes).trim();
    if (!text.startsWith('{') && !text.startsWith('[')) return null;
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}

/** Classic hex dump lines: offset, 16 bytes in hex, printable ASCII. */
export function hexDump(bytes: Uint8Array, baseOffset = 0): string[] {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    const row = bytes.subarray(i, i + 16);
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${(baseOffset + i).toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines;
}

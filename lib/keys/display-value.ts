// String values in the browser, besides their text (lib/display-bytes.ts displayText): pretty
// JSON, a hex dump, and the bytes of the API's base64. Pure and browser-safe (no Buffer).

export function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const strict = new TextDecoder('utf-8', { fatal: true });

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

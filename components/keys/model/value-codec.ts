// What an edit form writes: the bytes typed as text (UTF-8), as JSON (checked, then written as
// typed) or as hex, and their base64 for the API. Pure and browser-safe (no Buffer).
import { base64ToBytes, prettyJson } from '@/lib/keys/display-value';

export const EDIT_MODES = ['text', 'json', 'hex'] as const;
export type EditMode = (typeof EDIT_MODES)[number];

export type Encoded = { ok: true; bytes: Uint8Array; b64: string } | { ok: false; error: string };

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Standard base64 with padding, as the API takes it; chunked so a 512 KiB value does not overflow the call stack. */
export function bytesToB64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export { base64ToBytes };

/** Bytes as hex pairs, space separated, 16 to a line (what the hex box shows and takes back). */
export function bytesToHex(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    lines.push(Array.from(bytes.subarray(i, i + 16), (b) => b.toString(16).padStart(2, '0')).join(' '));
  }
  return lines.join('\n');
}

/** Hex digits in pairs; spaces, newlines and an optional 0x prefix are ignored. */
export function hexToBytes(text: string): Encoded {
  const digits = text.replace(/^\s*0x/i, '').replace(/\s+/g, '');
  const bad = /[^0-9a-f]/i.exec(digits);
  if (bad) return { ok: false, error: `“${bad[0]}” is not a hex digit (0-9, a-f).` };
  if (digits.length % 2 !== 0) return { ok: false, error: `Hex needs two digits per byte: ${digits.length} digits is an odd number.` };
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Number.parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return { ok: true, bytes, b64: bytesToB64(bytes) };
}

/** Why `text` is not one JSON document (JSON.parse's own words), or null when it is. */
export function jsonError(text: string): string | null {
  if (text.trim() === '') return 'Empty: JSON needs a value (an object, an array, a string, a number, true, false or null).';
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return `Not valid JSON: ${(error as Error).message}`;
  }
}

/** The JSON pretty-printed (2 spaces), or null when it is not valid. */
export function formatJson(text: string, indent: 0 | 2 = 2): string | null {
  if (jsonError(text) !== null) return null;
  return JSON.stringify(JSON.parse(text), null, indent || undefined);
}

/** The bytes a form writes for what was typed in `mode`; JSON is written as typed once it parses. */
export function encodeInput(text: string, mode: EditMode): Encoded {
  if (mode === 'hex') return hexToBytes(text);
  if (mode === 'json') {
    const error = jsonError(text);
    if (error !== null) return { ok: false, error };
  }
  const bytes = utf8.encode(text);
  return { ok: true, bytes, b64: bytesToB64(bytes) };
}

/** The bytes as UTF-8 text, or null when they are not valid UTF-8 (edit those as hex). */
export function bytesAsText(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * How an editor opens on existing bytes: pretty JSON when they are a JSON object or array, text
 * when they are UTF-8, hex otherwise (so no byte is lost by a round trip through a text box).
 */
export function initialEdit(bytes: Uint8Array): { mode: EditMode; text: string } {
  const json = prettyJson(bytes);
  if (json !== null) return { mode: 'json', text: json };
  const text = bytesAsText(bytes);
  if (text !== null) return { mode: 'text', text };
  return { mode: 'hex', text: bytesToHex(bytes) };
}

/** The text of `bytes` as `mode` shows it: used when the user switches modes, so nothing typed is lost. */
export function convertText(text: string, from: EditMode, to: EditMode): { text: string } | { error: string } {
  if (from === to) return { text };
  const encoded = encodeInput(text, from === 'json' ? 'text' : from);
  if (!encoded.ok) return { error: encoded.error };
  if (to === 'hex') return { text: bytesToHex(encoded.bytes) };
  const asText = bytesAsText(encoded.bytes);
  if (asText === null) return { error: 'These bytes are not valid UTF-8 text: keep editing them as hex.' };
  if (to === 'json') return { text: formatJson(asText) ?? asText };
  return { text: asText };
}

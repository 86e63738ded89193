import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesAsText, bytesToB64, bytesToHex, convertText, encodeInput, formatJson, hexToBytes, initialEdit, jsonError } from './value-codec';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('encodeInput', () => {
  it('writes text as UTF-8 bytes, the empty text as no bytes', () => {
    const encoded = encodeInput('crème 🥑\n', 'text');
    expect(encoded.ok && Buffer.from(encoded.bytes).toString('utf8')).toBe('crème 🥑\n');
    expect(encoded.ok && encoded.b64).toBe(Buffer.from('crème 🥑\n').toString('base64'));
    expect(encodeInput('', 'text')).toEqual({ ok: true, bytes: bytes(), b64: '' });
  });

  it('writes JSON as typed once it parses, and says why when it does not', () => {
    const text = '{ "a": [1, 2] }';
    const encoded = encodeInput(text, 'json');
    expect(encoded.ok && Buffer.from(encoded.bytes).toString()).toBe(text);
    const bad = encodeInput('{"a": }', 'json');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^Not valid JSON: /);
    expect(encodeInput('  ', 'json')).toMatchObject({ ok: false, error: expect.stringMatching(/^Empty/) });
    expect(encodeInput('"just a string"', 'json').ok).toBe(true);
  });

  it('reads hex in pairs, with spaces, newlines and 0x allowed; refuses odd lengths and other digits', () => {
    expect(hexToBytes('00 ff\n80 0a')).toEqual({ ok: true, bytes: bytes(0, 0xff, 0x80, 0x0a), b64: Buffer.from([0, 0xff, 0x80, 0x0a]).toString('base64') });
    expect(hexToBytes('0xDEADbeef')).toMatchObject({ ok: true, bytes: bytes(0xde, 0xad, 0xbe, 0xef) });
    expect(hexToBytes('')).toEqual({ ok: true, bytes: bytes(), b64: '' });
    expect(hexToBytes('abc')).toEqual({ ok: false, error: 'Hex needs two digits per byte: 3 digits is an odd number.' });
    expect(hexToBytes('zz')).toEqual({ ok: false, error: '“z” is not a hex digit (0-9, a-f).' });
    expect(encodeInput('0g', 'hex').ok).toBe(false);
  });
});

describe('base64 and hex', () => {
  it('round-trips every byte value, and a 512 KiB value without overflowing the stack', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(bytesToB64(all)).toBe(Buffer.from(all).toString('base64'));
    expect(base64ToBytes(bytesToB64(all))).toEqual(all);
    const big = new Uint8Array(512 * 1024).fill(0xab);
    expect(bytesToB64(big)).toBe(Buffer.from(big).toString('base64'));
    const hex = bytesToHex(all);
    expect(hex.split('\n')).toHaveLength(16);
    expect(hexToBytes(hex)).toMatchObject({ ok: true, bytes: all });
  });
});

describe('JSON helpers', () => {
  it('pretty-prints or compacts valid JSON, and names the error of invalid JSON', () => {
    expect(formatJson('{"a":1,"b":[true,null]}')).toBe('{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ]\n}');
    expect(formatJson('{ "a" : 1 }', 0)).toBe('{"a":1}');
    expect(formatJson('{a:1}')).toBeNull();
    expect(jsonError('[1,2]')).toBeNull();
    expect(jsonError('[1,2')).toMatch(/^Not valid JSON/);
  });
});

describe('opening an editor on existing bytes', () => {
  it('opens JSON pretty, UTF-8 as text and anything else as hex, so no byte is lost', () => {
    expect(initialEdit(new TextEncoder().encode('{"a":1}'))).toEqual({ mode: 'json', text: '{\n  "a": 1\n}' });
    expect(initialEdit(new TextEncoder().encode('plain é'))).toEqual({ mode: 'text', text: 'plain é' });
    expect(initialEdit(bytes(0x61, 0xff))).toEqual({ mode: 'hex', text: '61 ff' });
    expect(bytesAsText(bytes(0xc3, 0x28))).toBeNull();
  });

  it('converts between modes, and refuses to turn non-UTF-8 bytes into text', () => {
    expect(convertText('hi', 'text', 'hex')).toEqual({ text: '68 69' });
    expect(convertText('68 69', 'hex', 'text')).toEqual({ text: 'hi' });
    expect(convertText('7b 22 61 22 3a 31 7d', 'hex', 'json')).toEqual({ text: '{\n  "a": 1\n}' });
    expect(convertText('ff', 'hex', 'text')).toEqual({ error: 'These bytes are not valid UTF-8 text: keep editing them as hex.' });
    expect(convertText('f', 'hex', 'text')).toMatchObject({ error: expect.stringMatching(/odd/) });
    expect(convertText('{"a": 1}', 'json', 'text')).toEqual({ text: '{"a": 1}' });
  });
});

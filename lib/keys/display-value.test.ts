import { describe, expect, it } from 'vitest';
import { base64ToBytes, hexDump, prettyJson } from './display-value';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('prettyJson', () => {
  it('indents a JSON document and refuses anything else', () => {
    expect(prettyJson(utf8('{"a":[1,2]}'))).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(prettyJson(utf8('{"a":'))).toBeNull();
    expect(prettyJson(utf8('42'))).toBeNull();
    expect(prettyJson(new Uint8Array([0x7b, 0xff, 0x7d]))).toBeNull();
  });
});

describe('hexDump and base64ToBytes', () => {
  it('dumps offset, hex and printable ASCII', () => {
    const lines = hexDump(base64ToBytes(btoa('Hello, Redis!\u0000\u0001\u0002xyz')), 0x10);
    expect(lines).toEqual([
      '00000010  48 65 6c 6c 6f 2c 20 52 65 64 69 73 21 00 01 02  Hello, Redis!...',
      '00000020  78 79 7a                                         xyz',
    ]);
  });
});

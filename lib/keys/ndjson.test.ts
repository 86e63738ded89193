import { describe, expect, it } from 'vitest';
import { exportLine, NdjsonDecoder, NdjsonLines } from './ndjson';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('NdjsonDecoder', () => {
  it('parses whole lines and keeps a partial one for the next chunk', () => {
    const decoder = new NdjsonDecoder();
    expect(decoder.push(bytes('{"key":"a","keyB64":"YQ=="}\n{"key":"b","ke'))).toEqual([{ key: 'a', keyB64: 'YQ==' }]);
    expect(decoder.push(bytes('yB64":"Yg=="}\n'))).toEqual([{ key: 'b', keyB64: 'Yg==' }]);
    expect(decoder.end()).toEqual([]);
  });

  it('joins a multi-byte character split across chunks', () => {
    const line = bytes('{"key":"菜谱:1","keyB64":"x"}\n');
    const decoder = new NdjsonDecoder();
    // Cut inside the 3-byte encoding of 菜.
    expect(decoder.push(line.slice(0, 10))).toEqual([]);
    expect(decoder.push(line.slice(10))).toEqual([{ key: '菜谱:1', keyB64: 'x' }]);
  });

  it('reads a last line without a newline at the end, and skips blank lines', () => {
    const decoder = new NdjsonDecoder();
    expect(decoder.push(bytes('\n{"done":true,"scanned":3,"keys":3}'))).toEqual([]);
    expect(decoder.end()).toEqual([{ done: true, scanned: 3, keys: 3 }]);
  });

  it('parses many lines from one chunk in order', () => {
    const text = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ key: `k:${i}`, keyB64: String(i) })).join('\n') + '\n';
    const values = new NdjsonDecoder().push(bytes(text));
    expect(values).toHaveLength(1000);
    expect(values[999]).toEqual({ key: 'k:999', keyB64: '999' });
  });

  it('says so when a line is not JSON', () => {
    expect(() => new NdjsonDecoder().push(bytes('<html>\n'))).toThrow(/not JSON/);
  });
});

describe('exportLine', () => {
  it('tells names, the end and an error apart, and refuses anything else', () => {
    expect(exportLine({ key: 'a', keyB64: 'YQ==' })).toEqual({ key: 'a', keyB64: 'YQ==' });
    expect(exportLine({ done: true, scanned: 1, keys: 1 })).toMatchObject({ done: true });
    expect(exportLine({ error: { code: 'REDIS_TIMEOUT', message: 'slow' } })).toMatchObject({ error: { code: 'REDIS_TIMEOUT' } });
    expect(() => exportLine({ key: 1 })).toThrow(/unknown shape/);
    expect(() => exportLine(null)).toThrow(/unknown shape/);
  });
});

describe('NdjsonLines', () => {
  it('hands back whole lines as text and keeps the partial one', () => {
    const lines = new NdjsonLines();
    expect(lines.push(bytes('{"a":1}\n{"b"'))).toBe('{"a":1}\n');
    expect(lines.push(bytes(':2}'))).toBe('');
    expect(lines.push(bytes('\n'))).toBe('{"b":2}\n');
    expect(lines.push(bytes('{"c":3}'))).toBe('');
    expect(lines.end()).toBe('{"c":3}\n');
    expect(lines.end()).toBe('');
  });
});

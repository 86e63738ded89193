import { describe, expect, it } from 'vitest';
import { displayBytes, displayName, displayText } from './display-bytes';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('displayBytes', () => {
  it.each([
    ['plain ASCII', Buffer.from('user:42:session'), 'user:42:session', false],
    ['UTF-8 text', Buffer.from('recipe:crème-brûlée 菜谱 🍲'), 'recipe:crème-brûlée 菜谱 🍲', false],
    ['markup as it is (React renders it as text)', Buffer.from('<script>alert(1)</script>'), '<script>alert(1)</script>', false],
    ['invalid UTF-8', Buffer.from([0x62, 0x69, 0x6e, 0x3a, 0xff, 0xfe]), 'bin:\\xff\\xfe', true],
    ['NUL and newline', Buffer.from('a\u0000b\nc\td'), 'a\\x00b\\nc\\td', true],
    ['a bidi override', Buffer.from('invoice\u202Egnp.exe'), 'invoice\\u202egnp.exe', true],
    ['a backslash, doubled', Buffer.from('a\\x41'), 'a\\\\x41', true],
    ['a truncated multi-byte sequence', Buffer.from([0xe8, 0x8f]), '\\xe8\\x8f', true],
    ['an overlong encoding', Buffer.from([0xc0, 0xaf]), '\\xc0\\xaf', true],
    ['nothing', Buffer.alloc(0), '', false],
    ['a leading BOM', Buffer.from([0xef, 0xbb, 0xbf, 0x61]), '\\ufeffa', true],
    ['an escape right after an invalid byte', Buffer.from([0xff, 0x5c, 0x0a]), '\\xff\\\\\\n', true],
  ])('shows %s', (_name, bytes, text, escaped) => {
    expect(displayBytes(bytes)).toEqual({ text, escaped });
  });

  it('takes the bytes of the browser (Uint8Array) as well as Buffers', () => {
    expect(displayBytes(utf8('crème\n'))).toEqual({ text: 'crème\\n', escaped: true });
  });
});

describe('displayName', () => {
  it('shows plain ASCII names as they are, and the rest as displayBytes does', () => {
    expect(displayName(Buffer.from('user:42:session'))).toBe('user:42:session');
    expect(displayName(Buffer.from('a\\b'))).toBe('a\\\\b');
    expect(displayName(Buffer.from([0x61, 0xff]))).toBe('a\\xff');
    expect(displayName(utf8('crème'))).toBe('crème');
  });
});

describe('displayText', () => {
  it('keeps valid text, newlines and tabs as they are', () => {
    expect(displayText(utf8('crème brûlée\nline 2\tcol'))).toEqual({ text: 'crème brûlée\nline 2\tcol', escaped: false });
  });

  it('escapes invalid UTF-8 byte by byte, and resumes after it', () => {
    expect(displayText(new Uint8Array([0x61, 0xff, 0xc3, 0x28, 0x62]))).toEqual({ text: 'a\\xff\\xc3(b', escaped: true });
  });

  it('escapes NUL, other controls and bidi overrides', () => {
    expect(displayText(utf8('a\u0000b\u202Ec\u0007')).text).toBe('a\\x00b\\u202ec\\x07');
  });

  it('leaves markup as plain characters (React renders them as text)', () => {
    expect(displayText(utf8('<script>alert(1)</script>')).text).toBe('<script>alert(1)</script>');
  });

  it('shows a leading BOM instead of dropping it unseen', () => {
    expect(displayText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: '\\ufeffa', escaped: true });
  });

  it('keeps a backslash single: values have no escapes of their own to tell apart', () => {
    expect(displayText(utf8('C:\\temp'))).toEqual({ text: 'C:\\temp', escaped: false });
  });
});

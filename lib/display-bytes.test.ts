import { describe, expect, it } from 'vitest';
import { displayBytes } from './display-bytes';

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
  ])('shows %s', (_name, bytes, text, escaped) => {
    expect(displayBytes(bytes)).toEqual({ text, escaped });
  });
});

import { describe, expect, it } from 'vitest';
import { countUnescapedStars, escapeGlob, isExactPattern, searchPattern, unescapeGlob } from './glob';

describe('glob helpers', () => {
  it('escapes every special character of Redis globs', () => {
    expect(escapeGlob('search:[draft]*?\\x')).toBe('search:\\[draft\\]\\*\\?\\\\x');
  });

  it('round-trips a literal through escape and unescape', () => {
    for (const text of ['plain', 'search:[draft]*?', 'a\\b', '', '**']) {
      expect(unescapeGlob(escapeGlob(text))).toBe(text);
      expect(isExactPattern(escapeGlob(text))).toBe(true);
    }
  });

  it('tells exact patterns from wildcard ones', () => {
    expect(isExactPattern('user:42:session')).toBe(true);
    expect(isExactPattern('user:*')).toBe(false);
    expect(isExactPattern('user:?')).toBe(false);
    expect(isExactPattern('user:[12]')).toBe(false);
    expect(isExactPattern('user:\\*')).toBe(true);
    expect(isExactPattern('a]b')).toBe(true);
  });

  it('counts only unescaped stars', () => {
    expect(countUnescapedStars('*a*\\*b')).toBe(2);
    expect(countUnescapedStars('\\\\*')).toBe(1);
  });

  it('builds a contains-pattern in literal mode and passes globs through otherwise', () => {
    expect(searchPattern('a*b', true)).toBe('*a\\*b*');
    expect(searchPattern('a*b', false)).toBe('a*b');
    expect(searchPattern('', true)).toBeUndefined();
  });
});

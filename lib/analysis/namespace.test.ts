import { describe, expect, it } from 'vitest';
import { namespaceOf, NAMESPACE_MAX_CHARS } from './namespace';

const name = (text: string) => Buffer.from(text);
const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

describe('namespaceOf', () => {
  it.each([
    ['a number', 'user:42:session', 'user:{id}:session'],
    ['another number, the same namespace', 'user:7:session', 'user:{id}:session'],
    ['a negative and a decimal number', 'score:-7:3.5', 'score:{id}:{id}'],
    ['a lowercase hex hash', 'search:9f86d081884c7d65', 'search:{id}'],
    ['an uppercase hex hash', 'search:9F86D081', 'search:{id}'],
    ['8 hex digits is a hash', 'etag:cafe1234', 'etag:{id}'],
    ['7 hex digits is a word', 'etag:cafe123', 'etag:cafe123'],
    ['mixed case is not a hash', 'mixed:9f86D081', 'mixed:9f86D081'],
    ['a UUID', 'order:123e4567-e89b-12d3-a456-426614174000:items', 'order:{id}:items'],
    ['a date', 'user:42:mealplan:2026-11-26', 'user:{id}:mealplan:{id}'],
    ['a compact date', 'report:20261126', 'report:{id}'],
    ['a month', 'stats:2026-11', 'stats:{id}'],
    ['words stay', 'popular:recipes:vegan', 'popular:recipes:vegan'],
    ['letters and digits stay', 'cache:v2:page', 'cache:v2:page'],
    ['a name without separator', 'counter', 'counter'],
    ['a bare id', '12345', '{id}'],
    ['ids only', '42:17', '{id}:{id}'],
    ['empty segments', 'a::b:', 'a::b:'],
    ['the empty name', '', ''],
    ['UTF-8 text', 'recette:crème-brûlée:42', 'recette:crème-brûlée:{id}'],
    ['CJK and emoji', '菜谱:42:🍲', '菜谱:{id}:🍲'],
    ['a backslash, doubled as the key browser shows it', 'path:C\\temp:1', 'path:C\\\\temp:{id}'],
    ['a bidi override, escaped', 'file:invoice\u202Egnp.exe', 'file:invoice\\u202egnp.exe'],
  ])('folds %s', (_what, key, namespace) => {
    expect(namespaceOf(name(key))).toBe(namespace);
  });

  it('makes a binary segment and everything after it one {id}', () => {
    expect(namespaceOf(bytes('bin:', [0xff, 0xfe]))).toBe('bin:{id}');
    // A `:` byte inside the binary id does not make a new namespace per key.
    expect(namespaceOf(bytes('bin:', [0xff, 0x3a, 0x61]))).toBe('bin:{id}');
    expect(namespaceOf(bytes('bin:', [0x01, 0x02], ':session'))).toBe('bin:{id}');
    expect(namespaceOf(bytes([0x00, 0x9f, 0x92]))).toBe('{id}');
    // Control characters are bytes, not words, even when they are valid UTF-8.
    expect(namespaceOf(bytes('a:x\ny:b'))).toBe('a:{id}');
  });

  it('caps long names at a segment boundary', () => {
    const long = Array.from({ length: 100 }, () => 'abcd').join(':');
    const namespace = namespaceOf(name(long));
    expect(namespace).toBe(`${Array.from({ length: 39 }, () => 'abcd').join(':')}:…`);
    expect(namespace.length).toBe(196);
  });

  it('cuts one huge segment, never inside a surrogate pair', () => {
    // (x, not a: a run of a-f letters is a hex hash.)
    expect(namespaceOf(name('a'.repeat(300)))).toBe('{id}');
    expect(namespaceOf(name('x'.repeat(300)))).toBe(`${'x'.repeat(NAMESPACE_MAX_CHARS - 1)}…`);
    expect(namespaceOf(name(`${'x'.repeat(198)}😀tail`))).toBe(`${'x'.repeat(198)}…`);
    expect(namespaceOf(name(`${'x'.repeat(500)}:x`)).length).toBe(NAMESPACE_MAX_CHARS);
  });

  it('keeps a name right at the cap whole', () => {
    const key = `${'x'.repeat(100)}:${'y'.repeat(99)}`;
    expect(key.length).toBe(NAMESPACE_MAX_CHARS);
    expect(namespaceOf(name(key))).toBe(key);
    expect(namespaceOf(name(`${key}y`))).toBe(`${'x'.repeat(100)}:…`);
  });
});

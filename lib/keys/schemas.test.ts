import { describe, expect, it } from 'vitest';
import { KeyQuery, KeysQuery } from './schemas';

const keys = (query: Record<string, string>) => KeysQuery.safeParse(query).success;
const key = (query: Record<string, string>) => KeyQuery.safeParse({ keyB64: 'YQ==', ...query }).success;

describe('KeysQuery bounds (SPEC section 5)', () => {
  it('allows at most 4 unescaped stars', () => {
    expect(keys({ match: '*a*a*a*b' })).toBe(true);
    expect(keys({ match: '*a*a*a*a*b' })).toBe(false);
    expect(keys({ match: '*a*a*a\\*b*' })).toBe(true);
  });

  it('takes the core types and 9-character module type names, nothing else', () => {
    for (const type of ['string', 'list', 'set', 'zset', 'hash', 'stream', 'ReJSON-RL', 'MBbloom--']) expect(keys({ type }), type).toBe(true);
    for (const type of ['bogus', 'String', 'ReJSON-R', 'ReJSON-RLX', 'none', '']) expect(keys({ type }), type).toBe(false);
  });

  it('leaves the db to the instance when none is given', () => {
    expect(KeysQuery.parse({}).db).toBeUndefined();
    expect(KeysQuery.parse({ db: '3' }).db).toBe(3);
  });
});

describe('KeyQuery stream ids', () => {
  it('accepts each part up to 2^64-1 and refuses one above', () => {
    expect(key({ start: '18446744073709551615-18446744073709551615' })).toBe(true);
    expect(key({ end: '(18446744073709551615' })).toBe(true);
    expect(key({ start: '18446744073709551616-0' })).toBe(false);
    expect(key({ start: '0-18446744073709551616' })).toBe(false);
    expect(key({ end: '99999999999999999999' })).toBe(false);
  });
});

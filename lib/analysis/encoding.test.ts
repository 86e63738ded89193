import { describe, expect, it } from 'vitest';
import { ENCODING_CONFIG_NAMES, encodingCandidate, encodingFindingOf, encodingThresholdsOf, type EncodingThresholds } from './encoding';
import type { KeyFacts } from './types';

/** CONFIG GET of ENCODING_CONFIG_NAMES on redis-server 7.0.15 (aliases answered by their own names). */
const REDIS_70: Record<string, string> = {
  'hash-max-ziplist-value': '64',
  'list-max-ziplist-size': '-2',
  'hash-max-listpack-value': '64',
  'zset-max-ziplist-entries': '128',
  'zset-max-ziplist-value': '64',
  'set-max-intset-entries': '512',
  'zset-max-listpack-value': '64',
  'list-max-listpack-size': '-2',
  'zset-max-listpack-entries': '128',
  'hash-max-ziplist-entries': '512',
  'hash-max-listpack-entries': '512',
};
/** Redis 6: the ziplist names only. */
const REDIS_6: Record<string, string> = {
  'hash-max-ziplist-entries': '256',
  'hash-max-ziplist-value': '32',
  'zset-max-ziplist-entries': '64',
  'zset-max-ziplist-value': '16',
  'set-max-intset-entries': '1024',
  'list-max-ziplist-size': '-2',
};
/** Redis 7.2: small sets of strings and small lists are listpacks too. */
const REDIS_72: Record<string, string> = { ...REDIS_70, 'set-max-listpack-entries': '128', 'set-max-listpack-value': '64', 'list-max-listpack-size': '64' };

const facts = (type: string, length: number | null, encoding?: string, name: Buffer = Buffer.from('recipe:42')): KeyFacts => ({
  name,
  type,
  ttlMs: -1,
  memoryBytes: 9000,
  length,
  ...(encoding === undefined ? {} : { encoding }),
});

describe('encodingThresholdsOf', () => {
  it('reads Redis 7.0 by its listpack names; sets and lists are not compact-able there', () => {
    expect(encodingThresholdsOf(REDIS_70)).toEqual({
      hashEntries: { setting: 'hash-max-listpack-entries', value: 512 },
      hashValue: { setting: 'hash-max-listpack-value', value: 64 },
      zsetEntries: { setting: 'zset-max-listpack-entries', value: 128 },
      zsetValue: { setting: 'zset-max-listpack-value', value: 64 },
      setIntsetEntries: { setting: 'set-max-intset-entries', value: 512 },
      setListpackEntries: null,
      setListpackValue: null,
      listEntries: null,
      source: 'config',
    } satisfies EncodingThresholds);
  });

  it('names the Redis 6 ziplist settings when those are what the server has', () => {
    const t = encodingThresholdsOf(REDIS_6);
    expect(t.hashEntries).toEqual({ setting: 'hash-max-ziplist-entries', value: 256 });
    expect(t.zsetValue).toEqual({ setting: 'zset-max-ziplist-value', value: 16 });
    expect(t.setIntsetEntries).toEqual({ setting: 'set-max-intset-entries', value: 1024 });
    expect(t.source).toBe('config');
  });

  it('knows Redis 7.2 by set-max-listpack-entries, and takes an entry-count list size', () => {
    const t = encodingThresholdsOf(REDIS_72);
    expect(t.setListpackEntries).toEqual({ setting: 'set-max-listpack-entries', value: 128 });
    expect(t.setListpackValue).toEqual({ setting: 'set-max-listpack-value', value: 64 });
    expect(t.listEntries).toEqual({ setting: 'list-max-listpack-size', value: 64 });
    expect(encodingThresholdsOf({ ...REDIS_72, 'list-max-listpack-size': '-2' }).listEntries).toBeNull();
  });

  it("uses Redis's defaults when CONFIG was denied or a value is not a number", () => {
    const t = encodingThresholdsOf({});
    expect(t.source).toBe('defaults');
    expect(t.hashEntries).toEqual({ setting: 'hash-max-listpack-entries', value: 512 });
    expect(t.zsetEntries).toEqual({ setting: 'zset-max-listpack-entries', value: 128 });
    expect(encodingThresholdsOf({ 'hash-max-listpack-entries': 'lots' }).hashEntries).toEqual({ setting: 'hash-max-listpack-entries', value: 512 });
  });

  it('asks for every name it reads', () => {
    expect(new Set(Object.keys({ ...REDIS_70, ...REDIS_6, ...REDIS_72 }))).toEqual(new Set(ENCODING_CONFIG_NAMES));
  });
});

describe('encodingCandidate', () => {
  const r70 = encodingThresholdsOf(REDIS_70);
  const r72 = encodingThresholdsOf(REDIS_72);
  it.each([
    ['a hash below the minimum worth asking', 'hash', 15, r70, false],
    ['a hash at the minimum', 'hash', 16, r70, true],
    ['a hash at the threshold', 'hash', 512, r70, true],
    ['a hash past it', 'hash', 513, r70, false],
    ['a hash of unknown length', 'hash', null, r70, false],
    ['a zset at its threshold', 'zset', 128, r70, true],
    ['a zset past it', 'zset', 129, r70, false],
    ['a set before 7.2 (strings are always a hashtable)', 'set', 100, r70, false],
    ['a set on 7.2 within the listpack bound', 'set', 128, r72, true],
    ['a set on 7.2 past it', 'set', 129, r72, false],
    ['a list before 7.2', 'list', 20, r70, false],
    ['a list on 7.2 within an entry-count size', 'list', 64, r72, true],
    ['a string', 'string', 20, r72, false],
    ['a stream', 'stream', 20, r72, false],
  ])('%s: %s', (_what, type, length, t, expected) => {
    expect(encodingCandidate(type, length, t)).toBe(expected);
  });
});

describe('encodingFindingOf', () => {
  const r70 = encodingThresholdsOf(REDIS_70);
  const r72 = encodingThresholdsOf(REDIS_72);

  it('finds a hash within the thresholds held as a hashtable', () => {
    expect(encodingFindingOf(facts('hash', 100, 'hashtable'), r70)).toEqual({
      key: 'recipe:42',
      keyB64: Buffer.from('recipe:42').toString('base64'),
      type: 'hash',
      encoding: 'hashtable',
      length: 100,
      setting: 'hash-max-listpack-entries',
      threshold: 512,
      valueSetting: 'hash-max-listpack-value',
      valueThreshold: 64,
      memoryBytes: 9000,
    });
  });

  it('names a binary key as the key browser does', () => {
    const name = Buffer.from([0x62, 0x3a, 0xff]);
    expect(encodingFindingOf(facts('zset', 20, 'skiplist', name), r70)).toMatchObject({ key: 'b:\\xff', keyB64: 'Yjr/', setting: 'zset-max-listpack-entries', threshold: 128 });
  });

  it('finds sets and lists on 7.2', () => {
    expect(encodingFindingOf(facts('set', 50, 'hashtable'), r72)).toMatchObject({ setting: 'set-max-listpack-entries', threshold: 128, valueSetting: 'set-max-listpack-value', valueThreshold: 64 });
    expect(encodingFindingOf(facts('list', 50, 'quicklist'), r72)).toMatchObject({ setting: 'list-max-listpack-size', threshold: 64, valueSetting: null, valueThreshold: null });
  });

  it.each([
    ['a compact hash', facts('hash', 100, 'listpack'), r70],
    ['a Redis 6 ziplist', facts('hash', 100, 'ziplist'), r70],
    ['an intset', facts('set', 50, 'intset'), r72],
    ['a set of strings before 7.2', facts('set', 50, 'hashtable'), r70],
    ['a hash past the threshold', facts('hash', 600, 'hashtable'), r70],
    ['a key whose encoding was not asked', facts('hash', 100), r70],
    ['a short hash', facts('hash', 5, 'hashtable'), r70],
  ])('finds nothing in %s', (_what, key, t) => {
    expect(encodingFindingOf(key, t)).toBeNull();
  });
});

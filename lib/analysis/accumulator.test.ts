import { describe, expect, it } from 'vitest';
import { DEFAULT_TTL_POLICY } from '@/lib/keys/ttl-policy';
import { AnalysisAccumulator } from './accumulator';
import { encodingThresholdsOf } from './encoding';
import { compilePolicy } from './ttl-policy-audit';
import type { KeyFacts } from './types';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const b64 = (name: Buffer | string) => Buffer.from(name).toString('base64');
const key = (name: string | Buffer, type: string, ttlMs: number, memoryBytes: number | null, length: number | null, encoding?: string): KeyFacts => ({
  name: typeof name === 'string' ? Buffer.from(name) : name,
  type,
  ttlMs,
  memoryBytes,
  length,
  ...(encoding === undefined ? {} : { encoding }),
});

const BINARY = Buffer.from([0x62, 0x69, 0x6e, 0x3a, 0xff, 0xfe]); // bin:\xff\xfe
const KEYS: KeyFacts[] = [
  key('user:1:session', 'string', HOUR, 100, 20),
  key('user:2:session', 'string', -1, 120, 30),
  key('user:3:session', 'string', 2 * DAY, 80, 10),
  key('recipe:42', 'hash', 5 * HOUR, 1000, 100, 'hashtable'),
  key('recipe:43', 'hash', 13 * HOUR, 300, 10),
  key('popular:recipes:vegan', 'zset', -1, 500, 50, 'listpack'),
  key('counter', 'string', -1, 50, 2),
  // MEMORY USAGE refused: a key of 0 bytes.
  key(BINARY, 'string', 8 * DAY, null, 5),
  key('菜谱:7', 'list', 30 * MIN, 200, 3),
  key('search:9f86d081884c7d65', 'string', 10 * MIN, 60, 5),
];

const accumulator = (options: { topN?: number; namespacesMax?: number; namespacesShown?: number } = {}) =>
  new AnalysisAccumulator({ policy: compilePolicy(DEFAULT_TTL_POLICY), encoding: encodingThresholdsOf({}), ...options });
const full = { db: 0, mode: 'full' as const, scanned: 10, dbSize: 10 };

describe('AnalysisAccumulator', () => {
  const acc = accumulator({ topN: 3 });
  acc.add(KEYS.slice(0, 4));
  acc.add(KEYS.slice(4));
  const result = acc.result(full);

  it('counts keys and bytes, by type (elements: lengths summed)', () => {
    expect(acc.keys).toBe(10);
    expect(result).toMatchObject({ db: 0, mode: 'full', estimated: false, fractionSeen: 1, scanned: 10, dbSize: 10 });
    expect(result.totals).toEqual({ keys: 10, memoryBytes: 2410 });
    expect(result.byType).toEqual([
      { type: 'hash', keys: 2, memoryBytes: 1300, elements: 110 },
      { type: 'zset', keys: 1, memoryBytes: 500, elements: 50 },
      { type: 'string', keys: 6, memoryBytes: 410, elements: 72 },
      { type: 'list', keys: 1, memoryBytes: 200, elements: 3 },
    ]);
  });

  it('folds names into namespaces, most memory first, with an example each', () => {
    expect(result.namespaces.map((n) => [n.namespace, n.keys, n.memoryBytes, n.withoutTtl, n.withoutTtlBytes])).toEqual([
      ['recipe:{id}', 2, 1300, 0, 0],
      ['popular:recipes:vegan', 1, 500, 1, 500],
      ['user:{id}:session', 3, 300, 1, 120],
      ['菜谱:{id}', 1, 200, 0, 0],
      ['search:{id}', 1, 60, 0, 0],
      ['counter', 1, 50, 1, 50],
      ['bin:{id}', 1, 0, 0, 0],
    ]);
    expect(result.namespaces[2]!.example).toEqual({ key: 'user:1:session', keyB64: b64('user:1:session') });
    expect(result.namespaces[6]!.example).toEqual({ key: 'bin:\\xff\\xfe', keyB64: b64(BINARY) });
    expect(result.namespacesCapped).toBe(false);
  });

  it('fills the TTL histogram in keys and bytes', () => {
    expect(result.ttlHistogram).toEqual([
      { bucket: 'none', keys: 3, memoryBytes: 670 },
      { bucket: '<1h', keys: 2, memoryBytes: 260 },
      { bucket: '1-4h', keys: 1, memoryBytes: 100 },
      { bucket: '4-12h', keys: 1, memoryBytes: 1000 },
      { bucket: '12-24h', keys: 1, memoryBytes: 300 },
      { bucket: '1-7d', keys: 1, memoryBytes: 80 },
      { bucket: '>7d', keys: 1, memoryBytes: 0 },
    ]);
    expect(result.withoutTtlByNamespace).toEqual([
      { namespace: 'popular:recipes:vegan', keys: 1, memoryBytes: 500 },
      { namespace: 'user:{id}:session', keys: 1, memoryBytes: 120 },
      { namespace: 'counter', keys: 1, memoryBytes: 50 },
    ]);
  });

  it('audits the TTL policy per pattern, with examples of the violations', () => {
    const figures = Object.fromEntries(result.ttlPolicy.map((p) => [p.pattern, [p.keys, p.memoryBytes, p.violations]]));
    expect(figures).toEqual({
      'user:{id}:session': [3, 300, 2],
      'session:{id}': [0, 0, 0],
      'user:{id}:preferences': [0, 0, 0],
      'user:{id}:mealplan:{date}': [0, 0, 0],
      'mealplan:{id}...': [0, 0, 0],
      'recipe:{id}': [2, 1300, 0],
      'search:{hash}': [1, 60, 0],
      'progress:{id}...': [0, 0, 0],
      'popular:recipes:{category}': [1, 500, 1],
    });
    expect(result.ttlPolicy[0]).toMatchObject({ meaning: 'user session', policy: '24 h (sliding)' });
    expect(result.ttlPolicy[0]!.examples).toEqual([
      { key: 'user:2:session', keyB64: b64('user:2:session'), ttlMs: -1, reason: 'no-ttl' },
      { key: 'user:3:session', keyB64: b64('user:3:session'), ttlMs: 2 * DAY, reason: 'ttl-too-long' },
    ]);
    expect(result.ttlPolicy[8]!.examples).toEqual([{ key: 'popular:recipes:vegan', keyB64: b64('popular:recipes:vegan'), ttlMs: -1, reason: 'no-ttl' }]);
    expect(result.unclassified).toEqual({ keys: 3, memoryBytes: 250 });
  });

  it('keeps the top keys by memory, and collections by length', () => {
    expect(result.topByMemory).toEqual([
      { key: 'recipe:42', keyB64: b64('recipe:42'), type: 'hash', ttlMs: 5 * HOUR, memoryBytes: 1000, length: 100, encoding: 'hashtable', namespace: 'recipe:{id}' },
      { key: 'popular:recipes:vegan', keyB64: b64('popular:recipes:vegan'), type: 'zset', ttlMs: -1, memoryBytes: 500, length: 50, encoding: 'listpack', namespace: 'popular:recipes:vegan' },
      { key: 'recipe:43', keyB64: b64('recipe:43'), type: 'hash', ttlMs: 13 * HOUR, memoryBytes: 300, length: 10, namespace: 'recipe:{id}' },
    ]);
    // Strings' lengths are bytes (user:2:session's 30 would beat recipe:43's 10 elements): not here.
    expect(result.topByLength.map((k) => [k.key, k.length])).toEqual([
      ['recipe:42', 100],
      ['popular:recipes:vegan', 50],
      ['recipe:43', 10],
    ]);
  });

  it('reports the hash held as a hashtable within the thresholds', () => {
    expect(result.encodingFindings).toEqual([
      {
        key: 'recipe:42',
        keyB64: b64('recipe:42'),
        type: 'hash',
        encoding: 'hashtable',
        length: 100,
        setting: 'hash-max-listpack-entries',
        threshold: 512,
        valueSetting: 'hash-max-listpack-value',
        valueThreshold: 64,
        memoryBytes: 1000,
      },
    ]);
    expect(result.encodingFindingsTotal).toBe(1);
  });

  it('scales a sample by DBSIZE / scanned and labels it an estimate', () => {
    const sample = acc.result({ db: 0, mode: 'sample', scanned: 10, dbSize: 40 });
    expect(sample).toMatchObject({ estimated: true, fractionSeen: 0.25, totals: { keys: 40, memoryBytes: 9640 } });
    expect(sample.byType[0]).toEqual({ type: 'hash', keys: 8, memoryBytes: 5200, elements: 440 });
    expect(sample.namespaces[0]).toMatchObject({ namespace: 'recipe:{id}', keys: 8, memoryBytes: 5200 });
    expect(sample.ttlHistogram[0]).toEqual({ bucket: 'none', keys: 12, memoryBytes: 2680 });
    expect(sample.ttlPolicy[0]).toMatchObject({ keys: 12, violations: 8 });
    expect(sample.ttlPolicy[0]!.examples).toHaveLength(2);
    expect(sample.unclassified).toEqual({ keys: 12, memoryBytes: 1000 });
    // The keys seen are real keys: not scaled.
    expect(sample.topByMemory[0]!.memoryBytes).toBe(1000);
    // Rounded to whole keys.
    expect(acc.result({ db: 0, mode: 'sample', scanned: 10, dbSize: 33 }).totals).toEqual({ keys: 33, memoryBytes: 7953 });
  });

  it('does not scale a sample that saw the whole db, nor a full run', () => {
    expect(acc.result({ db: 0, mode: 'sample', scanned: 10, dbSize: 10 })).toMatchObject({ estimated: false, totals: { keys: 10, memoryBytes: 2410 } });
    expect(acc.result({ db: 0, mode: 'full', scanned: 10, dbSize: 20 })).toMatchObject({ estimated: false, fractionSeen: 0.5, totals: { keys: 10 } });
  });

  it('answers an empty result before any key', () => {
    const empty = accumulator().result({ db: 3, mode: 'full', scanned: 0, dbSize: 0 });
    expect(empty).toMatchObject({ db: 3, estimated: false, fractionSeen: 1, totals: { keys: 0, memoryBytes: 0 }, byType: [], namespaces: [], topByMemory: [], encodingFindings: [] });
    expect(empty.ttlHistogram.every((bucket) => bucket.keys === 0)).toBe(true);
  });
});

describe('AnalysisAccumulator bounds', () => {
  it('folds namespaces past the cap into (other), and lists only the biggest', () => {
    const acc = accumulator({ namespacesMax: 3, namespacesShown: 2 });
    acc.add([
      key('a:1', 'string', -1, 10, 1),
      key('b:1', 'string', -1, 30, 1),
      key('c:1', 'string', 5, 20, 1),
      key('d:1', 'string', -1, 100, 1), // past the cap
      key('e:1', 'string', 5, 1, 1), // past the cap
      key('a:2', 'string', 5, 10, 1), // a known namespace still counts as itself
    ]);
    const result = acc.result({ db: 0, mode: 'full', scanned: 6, dbSize: 6 });
    expect(result.namespacesCapped).toBe(true);
    expect(result.namespaces.map((n) => [n.namespace, n.keys, n.memoryBytes, n.withoutTtl])).toEqual([
      ['b:{id}', 1, 30, 1],
      ['a:{id}', 2, 20, 1],
      // c (20 bytes, listed third) and the keys past the cap (d, e).
      ['(other)', 3, 121, 1],
    ]);
    expect(result.namespaces[2]!.example.key).toBe('d:1');
    expect(result.withoutTtlByNamespace).toEqual([
      { namespace: 'b:{id}', keys: 1, memoryBytes: 30 },
      { namespace: 'a:{id}', keys: 1, memoryBytes: 10 },
      { namespace: '(other)', keys: 1, memoryBytes: 100 },
    ]);
  });

  it('keeps 5 examples per rule however many keys break it', () => {
    const acc = accumulator();
    acc.add(Array.from({ length: 8 }, (_, i) => key(`session:${i}`, 'string', -1, 10, 1)));
    const rule = acc.result({ db: 0, mode: 'full', scanned: 8, dbSize: 8 }).ttlPolicy[1]!;
    expect(rule).toMatchObject({ pattern: 'session:{id}', keys: 8, violations: 8 });
    expect(rule.examples.map((e) => e.key)).toEqual(['session:0', 'session:1', 'session:2', 'session:3', 'session:4']);
  });

  it('keeps 100 top keys of 200,000, and 1,000 namespaces of 50,000', () => {
    const acc = accumulator();
    for (let batch = 0; batch < 200; batch += 1) {
      acc.add(Array.from({ length: 1000 }, (_, i) => key(`ns${(batch * 1000 + i) % 50_000}x:k`, 'hash', -1, batch * 1000 + i, i, 'listpack')));
    }
    const result = acc.result({ db: 0, mode: 'full', scanned: 200_000, dbSize: 200_000 });
    expect(result.totals.keys).toBe(200_000);
    expect(result.topByMemory).toHaveLength(100);
    expect(result.topByMemory[0]!.memoryBytes).toBe(199_999);
    expect(result.topByMemory[99]!.memoryBytes).toBe(199_900);
    expect(result.topByLength[0]!.length).toBe(999);
    expect(result.namespacesCapped).toBe(true);
    expect(result.namespaces).toHaveLength(1001);
    expect(result.namespaces[1000]!.namespace).toBe('(other)');
    expect(result.namespaces.reduce((sum, n) => sum + n.keys, 0)).toBe(200_000);
  });
});

describe('AnalysisAccumulator speed', () => {
  it('adds 1,000 keys in well under a couple of milliseconds', () => {
    const names = ['user:{}:session', 'session:{}', 'recipe:{}', 'search:{}', 'user:{}:mealplan:2026-11-26', 'progress:{}:week:3', 'popular:recipes:vegan', 'tags:recipe:{}'];
    const types = ['string', 'hash', 'list', 'set', 'zset'];
    const batch = (n: number): KeyFacts[] =>
      Array.from({ length: 1000 }, (_, i) => {
        const id = n * 1000 + i;
        return key(names[id % names.length]!.replace('{}', String(id)), types[id % types.length]!, id % 3 === 0 ? -1 : (id % 200) * HOUR, 50 + (id % 5000), id % 700);
      });
    const batches = Array.from({ length: 300 }, (_, n) => batch(n));
    const acc = accumulator();
    for (const keys of batches.slice(0, 50)) acc.add(keys); // warm up the JIT
    const started = performance.now();
    for (const keys of batches.slice(50)) acc.add(keys);
    const perThousand = (performance.now() - started) / 250;
    console.log(`AnalysisAccumulator.add: ${perThousand.toFixed(3)} ms per 1,000 keys`);
    expect(acc.keys).toBe(300_000);
    expect(perThousand).toBeLessThan(20);
  });
});

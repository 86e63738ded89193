import { describe, expect, it } from 'vitest';
import { TTL_BUCKETS } from '@/lib/analysis/types';
import { fullResult, sampledResult } from './fixtures';
import {
  coverageText, keyLengthText, namespaceChartRows, namespaceRows, ttlLeftText, ttlRows, typeRows, violationText, withoutTtlSummary,
} from './result-view';

describe('coverageText', () => {
  it('labels a sample as an estimate with the fraction seen', () => {
    expect(coverageText(sampledResult, 'done')).toBe('Estimate from 10 % of the keys (1,000 of 10,000 keys sampled): totals are scaled up.');
  });

  it('says a stopped full run is partial, and nothing for a finished one', () => {
    const stopped = { ...fullResult, scanned: 400 };
    expect(coverageText(stopped, 'cancelled')).toBe('Partial: 400 of 1,000 keys counted before the run stopped.');
    expect(coverageText(fullResult, 'done')).toBeNull();
  });
});

describe('namespaceRows', () => {
  it('gives each namespace its share of the memory', () => {
    const rows = namespaceRows(fullResult);
    expect(rows.map((row) => [row.namespace, row.share])).toEqual([
      ['recipe:{id}', 0.75], ['user:{id}:session', 0.225], ['config', 0.015], ['(other)', 0.01],
    ]);
    expect(namespaceRows({ ...fullResult, totals: { keys: 0, memoryBytes: 0 } })[0]!.share).toBe(0);
  });
});

describe('namespaceChartRows', () => {
  it('keeps the biggest and folds the rest into one bar with their sums', () => {
    const rows = namespaceChartRows(namespaceRows(fullResult), 3);
    expect(rows).toEqual([
      { namespace: 'recipe:{id}', memoryBytes: 3_000_000, keys: 300 },
      { namespace: 'user:{id}:session', memoryBytes: 900_000, keys: 600 },
      { namespace: '2 more namespaces', memoryBytes: 100_000, keys: 100 },
    ]);
    expect(namespaceChartRows(namespaceRows(fullResult), 10)).toHaveLength(4);
  });
});

describe('ttlRows', () => {
  it('lists every bucket in order with people’s labels and shares', () => {
    const rows = ttlRows(fullResult);
    expect(rows.map((row) => row.bucket)).toEqual([...TTL_BUCKETS]);
    expect(rows[0]).toEqual({ bucket: 'none', label: 'no TTL', keys: 110, memoryBytes: 200_000, keysShare: 0.11, bytesShare: 0.05 });
    expect(rows.find((row) => row.bucket === '1-4h')).toMatchObject({ label: '1–4 h', keys: 0, keysShare: 0 });
  });
});

describe('withoutTtlSummary', () => {
  it('counts the keys that never expire', () => {
    expect(withoutTtlSummary(fullResult)).toEqual({ keys: 110, memoryBytes: 200_000, share: 0.11 });
    expect(withoutTtlSummary({ ...fullResult, ttlHistogram: [] })).toEqual({ keys: 0, memoryBytes: 0, share: 0 });
  });
});

describe('typeRows', () => {
  it('puts the types using the most memory first', () => {
    expect(typeRows(fullResult).map((row) => row.type)).toEqual(['hash', 'string']);
  });
});

describe('key texts', () => {
  it('tells a TTL left, or its absence', () => {
    expect(ttlLeftText(-1)).toBe('no TTL');
    expect(ttlLeftText(90_000)).toBe('1 min 30 s');
  });

  it('gives a string’s length in bytes and a collection’s in elements', () => {
    expect(keyLengthText({ type: 'string', length: 2048 })).toBe('2 KiB');
    expect(keyLengthText({ type: 'hash', length: 2000 })).toBe('2,000 elements');
    expect(keyLengthText({ type: 'set', length: 1 })).toBe('1 element');
    expect(keyLengthText({ type: 'ReJSON-RL', length: null })).toBe('—');
  });

  it('says why a key breaks the policy', () => {
    expect(violationText({ key: 'a', keyB64: 'YQ==', ttlMs: -1, reason: 'no-ttl' })).toBe('no TTL');
    expect(violationText({ key: 'a', keyB64: 'YQ==', ttlMs: 12 * 86_400_000, reason: 'ttl-too-long' })).toBe('TTL 12 d left, longer than allowed');
  });
});

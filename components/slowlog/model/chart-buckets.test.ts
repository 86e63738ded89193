import { describe, expect, it } from 'vitest';
import { countsPerBucket, formatBucketTick, formatStep, timeByFingerprintRows } from './chart-buckets';

describe('chart buckets', () => {
  const MIN = 60_000;

  it('says the width of a bucket in words', () => {
    expect(formatStep(5 * MIN)).toBe('5 min');
    expect(formatStep(120 * MIN)).toBe('2 h');
  });

  it('sums minutes into zero-filled buckets', () => {
    const window = { from: 10 * MIN + 30_000, to: 20 * MIN };
    const rows = countsPerBucket(
      [
        [10 * MIN, 2],
        [11 * MIN, 1],
        [14 * MIN, 4],
        [99 * MIN, 7],
      ],
      window,
      5 * MIN,
    );
    expect(rows).toEqual([
      { t: 10 * MIN, count: 7 },
      { t: 15 * MIN, count: 0 },
      { t: 20 * MIN, count: 0 },
    ]);
  });

  it('sums time by fingerprint under plain keys', () => {
    const { series, rows } = timeByFingerprintRows(
      {
        stepSeconds: 60,
        fingerprints: ['KEYS user.*', 'GET a'],
        points: [
          { ts: 0, micros: { 'KEYS user.*': 100 } },
          { ts: MIN, micros: { 'KEYS user.*': 50, 'GET a': 10, unknown: 99 } },
        ],
      },
      { from: 0, to: 2 * MIN },
      2 * MIN,
    );
    expect(series).toEqual([
      { key: 'f0', fingerprint: 'KEYS user.*' },
      { key: 'f1', fingerprint: 'GET a' },
    ]);
    expect(rows).toEqual([
      { t: 0, f0: 150, f1: 10 },
      { t: 2 * MIN, f0: 0, f1: 0 },
    ]);
  });

  it('labels ticks by time within a day and by date beyond', () => {
    const t = Date.UTC(2026, 10, 26, 14, 5);
    expect(formatBucketTick(t, 3_600_000, 'UTC')).toBe('14:05');
    expect(formatBucketTick(t, 7 * 24 * 3_600_000, 'UTC')).toBe('11-26 14:05');
  });
});

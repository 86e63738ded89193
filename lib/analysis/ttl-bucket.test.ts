import { describe, expect, it } from 'vitest';
import { ttlBucketOf } from './ttl-bucket';

const HOUR = 3_600_000;

describe('ttlBucketOf', () => {
  it.each([
    [-1, 'none'],
    [-2, 'none'],
    [0, '<1h'],
    [HOUR - 1, '<1h'],
    [HOUR, '1-4h'],
    [4 * HOUR - 1, '1-4h'],
    [4 * HOUR, '4-12h'],
    [12 * HOUR, '12-24h'],
    [24 * HOUR - 1, '12-24h'],
    [24 * HOUR, '1-7d'],
    [7 * 24 * HOUR - 1, '1-7d'],
    [7 * 24 * HOUR, '>7d'],
    [365 * 24 * HOUR, '>7d'],
  ])('puts %i ms in %s', (ttlMs, bucket) => {
    expect(ttlBucketOf(ttlMs)).toBe(bucket);
  });
});

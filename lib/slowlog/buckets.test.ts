import { describe, expect, it } from 'vitest';
import { bucketStepMs } from './buckets';

describe('chart buckets', () => {
  const MIN = 60_000;

  it('picks the smallest step that keeps a range under 360 buckets', () => {
    expect(bucketStepMs(3_600_000)).toBe(MIN);
    expect(bucketStepMs(24 * 3_600_000)).toBe(5 * MIN);
    expect(bucketStepMs(7 * 24 * 3_600_000)).toBe(30 * MIN);
    expect(bucketStepMs(30 * 24 * 3_600_000)).toBe(120 * MIN);
    expect(bucketStepMs(3_600_000, 15 * MIN)).toBe(15 * MIN);
  });
});

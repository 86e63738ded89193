// Which TTL_BUCKETS bucket a key's PTTL falls in. Each bucket holds its lower bound: a key with
// exactly 1 h left is in `1-4h`, with exactly 7 d in `>7d`. Pure.
import type { TtlBucket } from './types';

const HOUR_MS = 3_600_000;

/** Upper bounds (exclusive) of the buckets after `none`, in order. */
const BOUNDS: ReadonlyArray<[number, TtlBucket]> = [
  [HOUR_MS, '<1h'],
  [4 * HOUR_MS, '1-4h'],
  [12 * HOUR_MS, '4-12h'],
  [24 * HOUR_MS, '12-24h'],
  [7 * 24 * HOUR_MS, '1-7d'],
];

/** PTTL -1 (no TTL) is `none`; so is any other negative reply, which a live key never has. */
export function ttlBucketOf(ttlMs: number): TtlBucket {
  if (ttlMs < 0) return 'none';
  for (const [bound, bucket] of BOUNDS) if (ttlMs < bound) return bucket;
  return '>7d';
}

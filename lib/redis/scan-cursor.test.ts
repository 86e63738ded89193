import { describe, expect, it } from 'vitest';
import { scannedShare } from './scan-cursor';

/** Redis's dictScan cursor step for a table of 2^bits buckets (reverse-binary increment). */
function nextCursor(cursor: bigint, bits: number): bigint {
  const mask = (1n << BigInt(bits)) - 1n;
  const reverse = (value: bigint) => {
    let out = 0n;
    for (let i = 0; i < 64; i++) {
      out = (out << 1n) | (value & 1n);
      value >>= 1n;
    }
    return out;
  };
  let v = cursor | (~mask & ((1n << 64n) - 1n));
  v = reverse(v);
  v = (v + 1n) & ((1n << 64n) - 1n);
  return reverse(v);
}

describe('scannedShare', () => {
  it('is 0 at the start and grows by one bucket share per step, whatever the table size', () => {
    expect(scannedShare('0')).toBe(0);
    for (const bits of [2, 4, 10]) {
      const buckets = 2 ** bits;
      let cursor = 0n;
      for (let step = 1; step < buckets; step++) {
        cursor = nextCursor(cursor, bits);
        expect(scannedShare(cursor.toString()), `${bits} bits, step ${step}`).toBeCloseTo(step / buckets, 12);
      }
      // The last step wraps to 0: the walk is over.
      expect(nextCursor(cursor, bits)).toBe(0n);
    }
  });

  it('reads the largest cursor as almost all of it', () => {
    expect(scannedShare('18446744073709551615')).toBeCloseTo(1, 12);
  });
});

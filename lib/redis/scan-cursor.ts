// How far a SCAN has walked, read from its cursor. Redis hands out cursors in reverse-binary
// order (dictScan increments the reversed bits of the table mask), so reversing all 64 bits of a
// cursor gives the walked share of the table's buckets in the top bits, whatever the table's
// size: 0.5 after half of them. Pure; an estimate of the keys walked (buckets hold 0..n keys).

const BITS = 64n;
const TWO_TO_64 = 2 ** 64;

/** The share of the keyspace a SCAN returning `cursor` has walked, 0..1; '0' (the start, or the end) is 0. */
export function scannedShare(cursor: string): number {
  let rest = BigInt(cursor);
  let reversed = 0n;
  for (let bit = 0n; bit < BITS; bit += 1n) {
    reversed = (reversed << 1n) | (rest & 1n);
    rest >>= 1n;
  }
  return Number(reversed) / TWO_TO_64;
}

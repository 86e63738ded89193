// The cache hit ratio, defined once for the INFO card (since restart), the history rows (between
// two samples), the hit-ratio-low rule (over its window) and the overview's verdict. Pure, with
// no imports, so every layer and the browser can use it.

/**
 * hits / (hits + misses), or null with fewer than `minLookups` lookups (and always without any:
 * a ratio of nothing looked up says nothing).
 */
export function hitRatio(hits: number, misses: number, minLookups = 1): number | null {
  const lookups = hits + misses;
  return lookups > 0 && lookups >= minLookups ? hits / lookups : null;
}

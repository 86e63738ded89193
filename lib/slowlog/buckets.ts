// The width of one slow log chart bucket for a range: the archive's rollup query (rollup.ts) plans
// with it and the page draws with it, so both agree on the buckets.

/** Bucket widths the charts may use; the smallest that keeps a range under MAX_BUCKETS wins. */
const BUCKET_STEPS_MS = [1, 5, 15, 30, 60, 120, 360, 720, 1440].map((minutes) => minutes * 60_000);
export const MAX_BUCKETS = 360;

export function bucketStepMs(rangeMs: number, minStepMs = 60_000): number {
  const fits = BUCKET_STEPS_MS.find((step) => step >= minStepMs && rangeMs / step <= MAX_BUCKETS);
  return fits ?? Math.max(minStepMs, Math.ceil(rangeMs / MAX_BUCKETS / 60_000) * 60_000);
}

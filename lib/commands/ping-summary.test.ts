import { describe, expect, it } from 'vitest';
import { pingSummary } from './ping-summary';

describe('pingSummary', () => {
  it('takes nearest-rank percentiles of 100 round trips and judges p95 against the target', () => {
    // 0.01, 0.02, ... 1.00 ms
    const pings = Array.from({ length: 100 }, (_, i) => (i + 1) / 100);
    const summary = pingSummary(pings.reverse(), 1);
    expect(summary).toMatchObject({ count: 100, p50Ms: 0.5, p95Ms: 0.95, p99Ms: 0.99, maxMs: 1, verdict: 'ok', targetP95Ms: 1 });
    expect(summary.histogram.map((bucket) => bucket.count)).toEqual([25, 25, 50, 0, 0, 0, 0, 0]);
  });

  it('warns when p95 is above the target and puts the slowest in the open bucket', () => {
    const summary = pingSummary([0.2, 0.3, 0.4, 120, 3], 1);
    expect(summary.p95Ms).toBe(120);
    expect(summary.verdict).toBe('warn');
    expect(summary.histogram.at(-1)).toEqual({ upToMs: null, count: 1 });
    expect(summary.histogram.find((bucket) => bucket.upToMs === 5)?.count).toBe(1);
  });

  it('has no figures and no verdict without round trips', () => {
    expect(pingSummary([], 1)).toMatchObject({ count: 0, p50Ms: null, p95Ms: null, maxMs: null, verdict: 'unknown' });
  });
});

import { describe, expect, it } from 'vitest';
import type { SlowlogGap } from '@/lib/slowlog/types';
import { entry } from './fixtures';
import { gapSummary, placeGaps } from './gaps';

describe('gaps among archived entries', () => {
  const gap = (over: Partial<SlowlogGap>): SlowlogGap => ({ recordedAt: 0, runId: 'run-a', afterId: 0, missed: 5, ...over });
  const shape = (rows: ReturnType<typeof placeGaps>) =>
    rows.map((row) => (row.kind === 'entry' ? `${row.entry.runId}:${row.entry.id}` : `gap>${row.gap.afterId}`));

  it('sits just above the last entry read before the loss', () => {
    const entries = [entry({ id: 20 }), entry({ id: 12 }), entry({ id: 4 }), entry({ id: 3 })];
    expect(shape(placeGaps(entries, [gap({ afterId: 4 })]))).toEqual(['run-a:20', 'run-a:12', 'gap>4', 'run-a:4', 'run-a:3']);
  });

  it('goes below the oldest entry of its run when the earlier ones are out of range', () => {
    const entries = [entry({ id: 20 }), entry({ id: 12 }), entry({ id: 7, runId: 'run-old' })];
    expect(shape(placeGaps(entries, [gap({ afterId: 4 })]))).toEqual(['run-a:20', 'run-a:12', 'gap>4', 'run-old:7']);
  });

  it('falls back to the time it was noticed for a run with no entry listed, or the end', () => {
    const entries = [entry({ id: 2, timestamp: 300 }), entry({ id: 1, timestamp: 100 })];
    expect(shape(placeGaps(entries, [gap({ runId: 'x', recordedAt: 200_000, afterId: 9 })]))).toEqual([
      'run-a:2',
      'gap>9',
      'run-a:1',
    ]);
    expect(shape(placeGaps([], [gap({ afterId: 1 })]))).toEqual(['gap>1']);
  });

  it('says how many entries were lost', () => {
    expect(gapSummary(gap({ missed: 1 }))).toBe('About 1 entry rotated out unseen');
    expect(gapSummary(gap({ missed: 1200 }))).toBe('About 1,200 entries rotated out unseen');
  });
});

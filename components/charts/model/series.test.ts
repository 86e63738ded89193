import { describe, expect, it } from 'vitest';
import type { Point } from '@/lib/history/types';
import { hasAnyValue, latestPoint, seriesStats, toChartRows } from './series';

const T0 = Date.UTC(2026, 10, 26, 14, 0, 0);
const s = (seconds: number) => T0 + seconds * 1000;

describe('toChartRows', () => {
  it('merges series into one row per time, sorted, null where a metric has no point', () => {
    const rows = toChartRows(
      {
        usedMemory: [
          [s(10), 200],
          [s(0), 100],
        ],
        opsPerSec: [[s(10), 5]],
      },
      10,
    );
    expect(rows.map((row) => row.t)).toEqual([s(0), s(10)]);
    expect(rows[0]).toMatchObject({ usedMemory: 100, opsPerSec: null, hitRatio: null });
    expect(rows[1]).toMatchObject({ usedMemory: 200, opsPerSec: 5 });
  });

  it('keeps the API nulls as nulls and turns NaN or Infinity into null', () => {
    const rows = toChartRows(
      {
        hitRatio: [
          [s(0), 0.9],
          [s(10), null],
          [s(20), Number.NaN],
          [s(30), Number.POSITIVE_INFINITY],
        ],
      },
      10,
    );
    expect(rows.map((row) => row.hitRatio)).toEqual([0.9, null, null, null]);
  });

  it('breaks the line where the server sent no rows for more than two steps', () => {
    const rows = toChartRows(
      {
        usedMemory: [
          [s(0), 1],
          [s(10), 2],
          [s(20), 3],
          [s(80), 4],
        ],
      },
      10,
    );
    expect(rows.map((row) => [row.t, row.usedMemory])).toEqual([
      [s(0), 1],
      [s(10), 2],
      [s(20), 3],
      [s(30), null],
      [s(80), 4],
    ]);
  });

  it('does not invent a gap for one late sample', () => {
    const rows = toChartRows(
      {
        usedMemory: [
          [s(0), 1],
          [s(20), 2],
        ],
      },
      10,
    );
    expect(rows).toHaveLength(2);
  });

  it('returns no rows for no series', () => {
    expect(toChartRows({}, 10)).toEqual([]);
  });
});

describe('latestPoint and seriesStats', () => {
  const points: Point[] = [
    [s(0), 3],
    [s(10), 7],
    [s(20), 1],
    [s(30), null],
  ];

  it('finds the latest point with a value, skipping trailing gaps', () => {
    expect(latestPoint(points)).toEqual({ t: s(20), value: 1 });
    expect(latestPoint([[s(0), null]])).toBeNull();
    expect(latestPoint([])).toBeNull();
    expect(latestPoint(undefined)).toBeNull();
  });

  it('counts, min and max over values only', () => {
    expect(seriesStats(points)).toEqual({ count: 3, min: 1, max: 7, latest: { t: s(20), value: 1 } });
    expect(seriesStats([[s(0), null]])).toEqual({ count: 0, min: null, max: null, latest: null });
  });

  it('treats a zero as a value', () => {
    expect(latestPoint([[s(0), 0]])).toEqual({ t: s(0), value: 0 });
  });
});

describe('hasAnyValue', () => {
  it('is false when every point of every series is null', () => {
    expect(hasAnyValue({ usedMemory: [[s(0), null]], opsPerSec: [] })).toBe(false);
    expect(hasAnyValue({})).toBe(false);
  });

  it('is true with one value anywhere, or in the metrics asked about', () => {
    expect(hasAnyValue({ usedMemory: [[s(0), null]], opsPerSec: [[s(0), 0]] })).toBe(true);
    expect(hasAnyValue({ opsPerSec: [[s(0), 3]] }, ['usedMemory'])).toBe(false);
  });
});

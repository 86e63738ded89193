import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RANGE,
  byteTicks,
  timeTicks,
  findingBands,
  formatAxisValue,
  formatMetricValue,
  formatPointTime,
  formatTimeTick,
  hasAnyValue,
  latestPoint,
  parseRange,
  seriesStats,
  toChartRows,
} from './chart-data';
import type { FindingEvent, Point } from './types';

const T0 = Date.UTC(2026, 10, 26, 14, 0, 0);
const s = (seconds: number) => T0 + seconds * 1000;

describe('parseRange', () => {
  it('takes a known range and defaults everything else', () => {
    expect(parseRange('7d')).toBe('7d');
    expect(parseRange('15m')).toBe('15m');
    expect(parseRange(null)).toBe(DEFAULT_RANGE);
    expect(parseRange('')).toBe(DEFAULT_RANGE);
    expect(parseRange('2h')).toBe(DEFAULT_RANGE);
    expect(parseRange('7D')).toBe(DEFAULT_RANGE);
    expect(DEFAULT_RANGE).toBe('1h');
  });
});

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

describe('findingBands', () => {
  const from = s(0);
  const to = s(3600);
  const finding = (startedAt: number, endedAt: number | null, extra: Partial<FindingEvent> = {}): FindingEvent => ({
    id: 'hit-ratio-low',
    severity: 'warning',
    title: 'Hit ratio low',
    startedAt,
    endedAt,
    ...extra,
  });

  it('clips to the range and runs an active finding to the end', () => {
    const bands = findingBands([finding(s(-600), s(600)), finding(s(1800), null)], from, to);
    expect(bands).toHaveLength(2);
    expect(bands[0]).toMatchObject({ x1: from, x2: s(600), startsInRange: false });
    expect(bands[1]).toMatchObject({ x1: s(1800), x2: to, startsInRange: true, endedAt: null });
  });

  it('drops findings wholly outside the range', () => {
    expect(findingBands([finding(s(-900), s(-600)), finding(s(4000), null)], from, to)).toEqual([]);
  });

  it('gives each firing of the same rule its own key, oldest first', () => {
    const bands = findingBands([finding(s(900), s(1000)), finding(s(100), s(200))], from, to);
    expect(bands.map((band) => band.startedAt)).toEqual([s(100), s(900)]);
    expect(new Set(bands.map((band) => band.key)).size).toBe(2);
  });
});

describe('time formatting', () => {
  const at = Date.UTC(2026, 10, 26, 9, 5, 7);

  it('ticks by the clock up to a day, by the date beyond', () => {
    expect(formatTimeTick(at, '15m', 'UTC')).toBe('09:05');
    expect(formatTimeTick(at, '24h', 'UTC')).toBe('09:05');
    expect(formatTimeTick(at, '7d', 'UTC')).toBe('26 Nov');
    expect(formatTimeTick(at, '30d', 'UTC')).toBe('26 Nov');
  });

  it('uses the viewer time zone when given one', () => {
    expect(formatTimeTick(at, '1h', 'Asia/Kolkata')).toBe('14:35');
  });

  it('says seconds for short ranges and the date for long ones in tooltips', () => {
    expect(formatPointTime(at, '1h', 'UTC')).toBe('09:05:07');
    expect(formatPointTime(at, '24h', 'UTC')).toBe('26 Nov, 09:05');
    expect(formatPointTime(at, '30d', 'UTC')).toBe('26 Nov, 09:05');
  });

  it('says midnight as 00:00, not 24:00', () => {
    expect(formatTimeTick(Date.UTC(2026, 10, 26), '6h', 'UTC')).toBe('00:00');
  });
});

describe('value formatting', () => {
  it.each([
    ['bytes', 15.5 * 1024 * 1024, undefined, '15.5 MiB'],
    ['percent', 0.796, undefined, '79.6 %'],
    ['rate', 1234.56, 'ops/s', '1,235 ops/s'],
    ['rate', 12.345, 'keys/s', '12.3 keys/s'],
    ['rate', 0.5, 'keys/s', '0.5 keys/s'],
    ['count', 42, undefined, '42'],
    ['count', 41.5, undefined, '41.5'],
    ['ratio', 1.2345, undefined, '1.23'],
    ['ms', 0.2345, undefined, '0.235 ms'],
    ['ms', 3.456, undefined, '3.46 ms'],
    ['ms', 12.34, undefined, '12.3 ms'],
  ] as const)('%s %d -> %s', (kind, value, unit, expected) => {
    expect(formatMetricValue(kind, value, unit)).toBe(expected);
  });

  it('shows a missing value as a dash', () => {
    expect(formatMetricValue('bytes', null)).toBe('—');
    expect(formatMetricValue('ms', Number.NaN)).toBe('—');
  });

  it.each([
    ['bytes', 64 * 1024 * 1024, '64 MiB'],
    ['percent', 0.8, '80 %'],
    ['rate', 15_000, '15K/s'],
    ['count', 50, '50'],
    ['ratio', 1.5, '1.5'],
    ['ms', 0.5, '0.5 ms'],
  ] as const)('axis %s %d -> %s', (kind, value, expected) => {
    // No-break spaces: Recharts wraps tick labels at ordinary ones.
    expect(formatAxisValue(kind, value)).toBe(expected.replace(/ /g, '\u00a0'));
  });
});

describe('byteTicks', () => {
  const MiB = 1024 * 1024;

  it('steps in round binary units up to at least the maximum', () => {
    expect(byteTicks(64 * MiB)).toEqual([0, 16, 32, 48, 64].map((n) => n * MiB));
    expect(byteTicks(76.3 * MiB)).toEqual([0, 32, 64, 96].map((n) => n * MiB));
    expect(byteTicks(3 * 1024 ** 3)).toEqual([0, 1, 2, 3].map((n) => n * 1024 ** 3));
  });

  it('uses decimal steps below one unit and copes with nothing', () => {
    expect(byteTicks(1.5 * MiB)).toEqual([0, 0.5, 1, 1.5].map((n) => n * MiB));
    expect(byteTicks(600)).toEqual([0, 256, 512, 768]);
    expect(byteTicks(0)).toEqual([0]);
    expect(byteTicks(Number.NaN)).toEqual([0]);
  });
});

describe('timeTicks', () => {
  const MIN = 60_000;
  // Local-time properties, so the test holds in any time zone the suite runs in.
  it.each([
    ['15m', 15 * MIN, 5],
    ['1h', 60 * MIN, 10],
    ['6h', 360 * MIN, 60],
  ] as const)('%s: ticks inside the range on a %d-minute local grid', (range, span, step) => {
    const to = Date.UTC(2026, 10, 26, 14, 7, 31);
    const ticks = timeTicks(to - span, to, range);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(7);
    for (const tick of ticks) {
      const date = new Date(tick);
      expect(tick).toBeGreaterThanOrEqual(to - span);
      expect(tick).toBeLessThanOrEqual(to);
      expect(date.getSeconds()).toBe(0);
      expect((date.getHours() * 60 + date.getMinutes()) % step).toBe(0);
    }
  });

  it('puts 7-day ticks at local midnights, one a day', () => {
    const to = Date.UTC(2026, 10, 26, 14, 7, 31);
    const ticks = timeTicks(to - 7 * 1440 * MIN, to, '7d');
    expect(ticks).toHaveLength(7);
    for (const tick of ticks) expect(new Date(tick).getHours() * 60 + new Date(tick).getMinutes()).toBe(0);
  });

  it('returns nothing for an empty or reversed range', () => {
    expect(timeTicks(10, 10, '1h')).toEqual([]);
    expect(timeTicks(20, 10, '1h')).toEqual([]);
  });
});

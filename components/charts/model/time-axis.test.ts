import { describe, expect, it } from 'vitest';
import { formatPointTime, formatTimeTick, timeTicks } from './time-axis';

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

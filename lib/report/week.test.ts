import { describe, expect, it } from 'vitest';
import { DAY_MS, isoWeekOf, nextWeek, parseIsoWeek, previousWeek, weekDays, weeksInIsoYear } from './week';
import { reportQuerySchema } from './types';

describe('ISO weeks', () => {
  it('starts a week on Monday 00:00 UTC and ends it on the next Monday', () => {
    // Thursday 3 December 2026, 14:09 UTC.
    const week = isoWeekOf(Date.UTC(2026, 11, 3, 14, 9));
    expect(week).toEqual({ id: '2026-W49', from: Date.UTC(2026, 10, 30), to: Date.UTC(2026, 11, 7) });
    expect(isoWeekOf(Date.UTC(2026, 10, 30))).toEqual(week);
    expect(isoWeekOf(Date.UTC(2026, 11, 7) - 1)).toEqual(week);
    expect(isoWeekOf(Date.UTC(2026, 11, 7)).id).toBe('2026-W50');
  });

  it('gives the days around new year to the year of their Thursday', () => {
    // 1 January 2021 was a Friday: it belongs to 2020's week 53.
    expect(isoWeekOf(Date.UTC(2021, 0, 1)).id).toBe('2020-W53');
    // 31 December 2024 was a Tuesday: week 1 of 2025.
    expect(isoWeekOf(Date.UTC(2024, 11, 31)).id).toBe('2025-W01');
    expect(isoWeekOf(Date.UTC(2026, 0, 1)).id).toBe('2026-W01');
    expect(weeksInIsoYear(2020)).toBe(53);
    expect(weeksInIsoYear(2021)).toBe(52);
    expect(weeksInIsoYear(2026)).toBe(53);
  });

  it('parses YYYY-Www and refuses what is not a week', () => {
    expect(parseIsoWeek('2026-W49')).toEqual(isoWeekOf(Date.UTC(2026, 11, 3)));
    expect(parseIsoWeek('2020-W53')).toEqual({ id: '2020-W53', from: Date.UTC(2020, 11, 28), to: Date.UTC(2021, 0, 4) });
    for (const bad of ['2021-W53', '2026-W00', '2026-W54', '2026-w01', '2026-01', '26-W01', '2026-W1', ' 2026-W01', '1969-W10']) {
      expect(parseIsoWeek(bad)).toBeNull();
    }
  });

  it('walks to the week before and after across years', () => {
    const first = parseIsoWeek('2021-W01')!;
    expect(previousWeek(first).id).toBe('2020-W53');
    expect(nextWeek(previousWeek(first))).toEqual(first);
    expect(previousWeek(parseIsoWeek('2026-W01')!).id).toBe('2025-W52');
  });

  it('names the seven days Monday first', () => {
    const week = parseIsoWeek('2026-W49')!;
    expect(weekDays(week)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(week.to - week.from).toBe(7 * DAY_MS);
  });

  it('validates the query: a week, a format, nothing else', () => {
    expect(reportQuerySchema.parse({})).toEqual({ format: 'json' });
    expect(reportQuerySchema.parse({ week: '2026-W49', format: 'md' })).toEqual({ week: '2026-W49', format: 'md' });
    expect(reportQuerySchema.safeParse({ week: '2026-W54' }).success).toBe(false);
    expect(reportQuerySchema.safeParse({ format: 'pdf' }).success).toBe(false);
    expect(reportQuerySchema.safeParse({ week: '2026-W49', other: '1' }).success).toBe(false);
  });
});

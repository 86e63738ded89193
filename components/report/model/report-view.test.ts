import { describe, expect, it } from 'vitest';
import { parseIsoWeek } from '@/lib/report/week';
import { barHeights, lineLinks, pageWeek, pickerWeeks, rangeCovering, weekFromUrl, weekLabel } from './report-view';

// Thursday 3 December 2026, 14:00 UTC: week 2026-W49.
const NOW = Date.UTC(2026, 11, 3, 14);

describe('the report page', () => {
  it('reads the week from the URL, the current one when it is missing or not a week', () => {
    expect(weekFromUrl('2026-W40', NOW).id).toBe('2026-W40');
    expect(weekFromUrl(null, NOW).id).toBe('2026-W49');
    expect(weekFromUrl('2026-W99', NOW).id).toBe('2026-W49');
    expect(pageWeek(['2026-W40', '2026-W41'], NOW)).toEqual({ week: '2026-W49', now: NOW });
    expect(pageWeek('2026-W40', NOW)).toEqual({ week: '2026-W40', now: NOW });
  });

  it('offers this week, last week and every week back to the oldest history, newest first', () => {
    expect(pickerWeeks(NOW, undefined).map((w) => w.id)).toEqual(['2026-W49', '2026-W48']);
    expect(pickerWeeks(NOW, null).map((w) => w.id)).toEqual(['2026-W49', '2026-W48']);
    // History since Wednesday of week 46.
    const weeks = pickerWeeks(NOW, Date.UTC(2026, 10, 11, 8));
    expect(weeks.map((w) => w.id)).toEqual(['2026-W49', '2026-W48', '2026-W47', '2026-W46']);
    expect(pickerWeeks(NOW, Date.UTC(2020, 0, 1))).toHaveLength(104);
    expect(weekLabel(weeks[0]!, NOW)).toBe('This week (2026-W49)');
    expect(weekLabel(weeks[1]!, NOW)).toBe('Last week (2026-W48)');
    expect(weekLabel(weeks[2]!, NOW)).toBe('2026-W47 (from 2026-11-16)');
  });

  it('links each line to the figures behind it with the week\'s range', () => {
    const week = parseIsoWeek('2026-W48')!;
    expect(rangeCovering(week, NOW)).toBe('30d');
    expect(rangeCovering(parseIsoWeek('2026-W49')!, NOW)).toBe('7d');
    expect(rangeCovering(parseIsoWeek('2026-W40')!, NOW)).toBeNull();
    const slowlog = lineLinks('slowlog', 'a b', week, NOW);
    expect(slowlog).toEqual([
      { label: 'Slow log archive', href: `/instances/a%20b/slowlog?view=archive&range=30d&from=${week.from}&to=${week.to}` },
      { label: 'Archive of the week (CSV)', href: `/api/instances/a%20b/slowlog/archive?from=${week.from}&to=${week.to - 1}&limit=5000&format=csv` },
    ]);
    expect(lineLinks('hit-ratio', 'a', week, NOW).map((l) => l.href)).toEqual([
      `/instances/a?range=30d&from=${week.from}&to=${week.to}#history`,
      `/api/instances/a/events?from=${week.from}&to=${week.to - 1}&limit=1000`,
    ]);
    expect(lineLinks('expiration', 'a', week, NOW)).toEqual([{ label: 'Keyspace analysis', href: '/instances/a/analysis' }]);
  });

  it('draws a day without samples as a gap and ratios against 100 %', () => {
    expect(barHeights({ label: 'x', unit: 'ratio', values: [0.5, null, 1], target: { value: 0.8, kind: 'min' } })).toEqual([0.5, null, 1]);
    expect(barHeights({ label: 'x', unit: 'count', values: [2, 4, 0], target: null })).toEqual([0.5, 1, 0]);
    expect(barHeights({ label: 'x', unit: 'number', values: [1, 1.2], target: { value: 1.5, kind: 'max' } })).toEqual([1 / 1.5, 1.2 / 1.5]);
  });
});

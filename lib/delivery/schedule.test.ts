import { describe, expect, it } from 'vitest';
import { parseIsoWeek } from '@/lib/report/week';
import { dueAt, dueWeek } from './schedule';

const HOUR = 3_600_000;
// 2026-W49 starts Monday 30 November 2026.
const W49 = parseIsoWeek('2026-W49')!;

describe('dueWeek', () => {
  const wednesday9 = { weekday: 3, hour: 9 };

  it('is the week before from the configured weekday and hour (UTC) on, until the week ends', () => {
    expect(new Date(dueAt(W49.from + 5 * HOUR, wednesday9)).toISOString()).toBe('2026-12-02T09:00:00.000Z');
    expect(dueWeek(Date.parse('2026-12-02T08:59:59.999Z'), wednesday9)).toBeNull();
    expect(dueWeek(Date.parse('2026-12-02T09:00:00.000Z'), wednesday9)?.id).toBe('2026-W48');
    // Late (Redlens was stopped at that hour): still the week before, the same week.
    expect(dueWeek(Date.parse('2026-12-06T23:59:59.999Z'), wednesday9)?.id).toBe('2026-W48');
    // The next week: nothing before its own Wednesday 09:00.
    expect(dueWeek(Date.parse('2026-12-07T00:00:00.000Z'), wednesday9)).toBeNull();
  });

  it('handles the ends of the week and of the year', () => {
    expect(dueWeek(Date.parse('2026-11-30T00:00:00.000Z'), { weekday: 1, hour: 0 })?.id).toBe('2026-W48');
    expect(dueWeek(Date.parse('2026-12-06T22:59:59.999Z'), { weekday: 7, hour: 23 })).toBeNull();
    expect(dueWeek(Date.parse('2026-12-06T23:00:00.000Z'), { weekday: 7, hour: 23 })?.id).toBe('2026-W48');
    // Monday 4 January 2027 starts 2027-W01; the week before is 2026-W53.
    expect(dueWeek(Date.parse('2027-01-04T08:00:00.000Z'), { weekday: 1, hour: 8 })?.id).toBe('2026-W53');
  });
});

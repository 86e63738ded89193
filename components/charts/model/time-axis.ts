// How times read on the history charts: x-axis ticks at round local times, and tooltip times.
import { MISSING } from '@/lib/format';
import { isLongRange, type HistoryRange } from '@/lib/time-range';

function timeParts(ms: number, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): string {
  if (!Number.isFinite(ms)) return MISSING;
  return new Intl.DateTimeFormat('en-GB', { hourCycle: 'h23', timeZone, ...options }).format(new Date(ms));
}

const HOUR_MINUTE = { hour: '2-digit', minute: '2-digit' } as const;
const DAY_MONTH = { day: 'numeric', month: 'short' } as const;

/** An x-axis tick: "14:05" up to 24 h, "26 Nov" for 7 and 30 days. */
export function formatTimeTick(ms: number, range: HistoryRange, timeZone?: string): string {
  return timeParts(ms, timeZone, isLongRange(range) ? DAY_MONTH : HOUR_MINUTE);
}

/** The time of one point, in a tooltip: seconds where points are seconds apart, the date where a range spans days. */
export function formatPointTime(ms: number, range: HistoryRange, timeZone?: string): string {
  if (range === '15m' || range === '1h' || range === '6h') {
    return timeParts(ms, timeZone, { ...HOUR_MINUTE, second: '2-digit' });
  }
  return timeParts(ms, timeZone, { ...DAY_MONTH, ...HOUR_MINUTE });
}

/** X tick spacing of each range, in minutes: 3 to 7 ticks a chart. */
const TICK_MINUTES: Record<HistoryRange, number> = {
  '15m': 5,
  '1h': 10,
  '6h': 60,
  '24h': 240,
  '7d': 1440,
  '30d': 5 * 1440,
};

/**
 * X ticks at round local times (every 10 minutes on the hour's grid, every 4 hours from midnight,
 * every day at midnight) inside [from, to]. Steps use the calendar, so a DST change keeps them
 * on the grid.
 */
export function timeTicks(from: number, to: number, range: HistoryRange): number[] {
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return [];
  const minutes = TICK_MINUTES[range];
  const tick = new Date(from);
  tick.setSeconds(0, 0);
  if (minutes < 60) {
    tick.setMinutes(Math.floor(tick.getMinutes() / minutes) * minutes);
  } else if (minutes < 1440) {
    tick.setMinutes(0);
    tick.setHours(Math.floor(tick.getHours() / (minutes / 60)) * (minutes / 60));
  } else {
    tick.setHours(0, 0);
  }
  const advance = () => {
    if (minutes < 1440) tick.setMinutes(tick.getMinutes() + minutes);
    else tick.setDate(tick.getDate() + minutes / 1440);
  };
  while (tick.getTime() < from) advance();
  const ticks: number[] = [];
  while (tick.getTime() <= to) {
    ticks.push(tick.getTime());
    advance();
  }
  return ticks;
}

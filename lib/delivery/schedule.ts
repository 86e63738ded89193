// When the weekly report is due (SPEC section 13, the config's `reports`): from the configured
// weekday and hour (UTC) of each ISO week on, the week before it is due until it is sent. A
// Redlens that was stopped at that hour sends it when it runs again, the same week; a week
// whose own delivery week has passed is not sent late. Pure.
import { DAY_MS, isoWeekOf, previousWeek, type IsoWeek } from '@/lib/report/week';

const HOUR_MS = 3_600_000;

/** The moment, in the ISO week holding `now`, the report of the week before is due. */
export function dueAt(now: number, schedule: { weekday: number; hour: number }): number {
  return isoWeekOf(now).from + (schedule.weekday - 1) * DAY_MS + schedule.hour * HOUR_MS;
}

/** The week whose report is due at `now` (sent or not), or null before this week's delivery time. */
export function dueWeek(now: number, schedule: { weekday: number; hour: number }): IsoWeek | null {
  return now >= dueAt(now, schedule) ? previousWeek(isoWeekOf(now)) : null;
}

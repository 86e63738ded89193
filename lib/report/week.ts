// ISO weeks (ISO 8601: weeks start on Monday, week 1 holds the year's first Thursday), in UTC:
// the weekly report's unit of time (SPEC section 13). Pure and browser-shared: the page's week
// picker and the API's query schema read the same arithmetic.

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** `2026-W49`: the year (ISO week-numbering year), a dash, W and two digits. */
export const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

export interface IsoWeek {
  /** `2026-W49` */
  id: string;
  /** unix ms of Monday 00:00 UTC */
  from: number;
  /** unix ms of the next Monday 00:00 UTC: the week is [from, to) */
  to: number;
}

/** Monday 00:00 UTC of week 1 of an ISO year: the Monday of the week that holds 4 January. */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
  return jan4 - weekday * DAY_MS;
}

const idOf = (year: number, week: number) => `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;

/** The ISO week a moment falls in. */
export function isoWeekOf(ms: number): IsoWeek {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const monday = day - weekday * DAY_MS;
  // The week belongs to the year its Thursday is in.
  const year = new Date(monday + 3 * DAY_MS).getUTCFullYear();
  const week = Math.round((monday - week1Monday(year)) / WEEK_MS) + 1;
  return { id: idOf(year, week), from: monday, to: monday + WEEK_MS };
}

/** Weeks in an ISO year: 53 when 28 December (always in the year's last week) is in week 53. */
export function weeksInIsoYear(year: number): number {
  return isoWeekOf(Date.UTC(year, 11, 28)).id.endsWith('W53') ? 53 : 52;
}

/** `2026-W49` as its week, or null when it is not one (W00, W54, W53 of a 52-week year, a bad shape). */
export function parseIsoWeek(text: string): IsoWeek | null {
  const match = ISO_WEEK_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1970 || week < 1 || week > weeksInIsoYear(year)) return null;
  const from = week1Monday(year) + (week - 1) * WEEK_MS;
  return { id: idOf(year, week), from, to: from + WEEK_MS };
}

/** The week before (`2026-W01` -> `2025-W52` or `-W53`). */
export const previousWeek = (week: IsoWeek): IsoWeek => isoWeekOf(week.from - DAY_MS);

/** The week after. */
export const nextWeek = (week: IsoWeek): IsoWeek => isoWeekOf(week.to);

/** The seven days of a week as `YYYY-MM-DD` (UTC), Monday first. */
export function weekDays(week: Pick<IsoWeek, 'from'>): string[] {
  return Array.from({ length: 7 }, (_, i) => new Date(week.from + i * DAY_MS).toISOString().slice(0, 10));
}

// The report page's view logic, pure: the week in the URL, the weeks the picker offers, the
// links from a checklist line to the figures behind it (with the week's range in the URL), the
// verdict's tone, the height of a daily bar.
import type { Tone } from '@/components/ui/tone';
import type { ChecklistId, DailySeries, Verdict } from '@/lib/report/types';
import { isoWeekOf, parseIsoWeek, previousWeek, type IsoWeek } from '@/lib/report/week';
import { RANGE_MS, type TimeRange } from '@/lib/time-range';

export const VERDICT_TONE: Record<Verdict, Tone> = { ok: 'ok', attention: 'warn', action: 'bad' };
export const VERDICT_LABEL: Record<Verdict, string> = { ok: 'OK', attention: 'Attention', action: 'Action' };

/** `?week=` of the page: a valid ISO week, else the current one (a link may be old or mistyped). */
export function weekFromUrl(value: string | null | undefined, now: number): IsoWeek {
  return (value ? parseIsoWeek(value) : null) ?? isoWeekOf(now);
}

/**
 * What a report page shows, resolved once on the server when the page is asked for: the week of
 * `?week=` (or the current one) and the moment it was asked, so the browser's render agrees.
 */
export function pageWeek(value: string | string[] | undefined, now = Date.now()): { week: string; now: number } {
  return { week: weekFromUrl(typeof value === 'string' ? value : null, now).id, now };
}

/** Weeks the picker lists at most: two years of hour rollups is more than the default year kept. */
export const PICKER_WEEKS_MAX = 104;

/**
 * Weeks the picker lists, newest first: this week and last week always, then back to the week of
 * the oldest history kept (`dataSince`; unknown while the report loads: none more).
 */
export function pickerWeeks(now: number, dataSince: number | null | undefined): IsoWeek[] {
  const weeks = [isoWeekOf(now), previousWeek(isoWeekOf(now))];
  if (dataSince === null || dataSince === undefined) return weeks;
  const oldest = isoWeekOf(dataSince).from;
  for (let week = previousWeek(weeks[1]!); week.from >= oldest && weeks.length < PICKER_WEEKS_MAX; week = previousWeek(week)) weeks.push(week);
  return weeks;
}

/** "This week", "Last week", else the week's id with its Monday. */
export function weekLabel(week: IsoWeek, now: number): string {
  const current = isoWeekOf(now);
  if (week.id === current.id) return `This week (${week.id})`;
  if (week.id === previousWeek(current).id) return `Last week (${week.id})`;
  return `${week.id} (from ${new Date(week.from).toISOString().slice(0, 10)})`;
}

/** The charts' and the archive's preset ranges that reach back to the week's start, shortest first. */
const COVERING: readonly TimeRange[] = ['7d', '30d'];

/** The shortest preset range, ending now, that holds the whole week; null when the week is older than all. */
export function rangeCovering(week: Pick<IsoWeek, 'from'>, now: number): TimeRange | null {
  return COVERING.find((range) => now - RANGE_MS[range] <= week.from) ?? null;
}

export interface LineLink {
  label: string;
  href: string;
}

/**
 * Where the figures behind a line are: the dashboard's page (the preset range that holds the
 * week, with the week's bounds as `from`/`to` for when the page reads them) and, where the API
 * takes an exact range, the API's own answer for the week.
 */
export function lineLinks(line: ChecklistId, instanceId: string, week: IsoWeek, now: number): LineLink[] {
  const id = encodeURIComponent(instanceId);
  const range = rangeCovering(week, now);
  const bounds = `from=${week.from}&to=${week.to}`;
  const withRange = range ? `range=${range}&${bounds}` : bounds;
  const charts = { label: 'Charts', href: `/instances/${id}?${withRange}#history` };
  const events = { label: 'Events of the week (JSON)', href: `/api/instances/${id}/events?from=${week.from}&to=${week.to - 1}&limit=1000` };
  const analysis = { label: 'Keyspace analysis', href: `/instances/${id}/analysis` };
  switch (line) {
    case 'slowlog':
      return [
        { label: 'Slow log archive', href: `/instances/${id}/slowlog?view=archive&${withRange}` },
        { label: 'Archive of the week (CSV)', href: `/api/instances/${id}/slowlog/archive?from=${week.from}&to=${week.to - 1}&limit=5000&format=csv` },
      ];
    case 'expiration':
    case 'data-structures':
      return [analysis];
    case 'load-testing':
      return [charts, analysis];
    case 'connections':
      return [charts, { label: 'Clients now', href: `/instances/${id}/clients` }];
    default:
      return [charts, events];
  }
}

/** A daily bar's height as a share of the tallest (or the target, or 100 % for ratios); null days stay gaps. */
export function barHeights(daily: DailySeries): Array<number | null> {
  const values = daily.values.filter((v): v is number => v !== null);
  const top = Math.max(...values, daily.target?.value ?? 0, daily.unit === 'ratio' ? 1 : 0);
  return daily.values.map((v) => (v === null ? null : top > 0 ? v / top : 0));
}

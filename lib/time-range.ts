// The one vocabulary of time ranges ("last 1 h", "last 7 d"): their names, durations, labels and
// parsing from the URL. The history charts and their API (metricsQuerySchema) offer every range;
// the slow log archive offers four of them as presets. No server imports: pages and schemas share it.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Every range, shortest first. */
export const TIME_RANGES = ['15m', '1h', '6h', '24h', '7d', '30d'] as const;
export type TimeRange = (typeof TIME_RANGES)[number];

export const RANGE_MS: Record<TimeRange, number> = {
  '15m': 15 * MINUTE_MS,
  '1h': HOUR_MS,
  '6h': 6 * HOUR_MS,
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
};

export const RANGE_LABELS: Record<TimeRange, { short: string; long: string }> = {
  '15m': { short: '15 min', long: '15 minutes' },
  '1h': { short: '1 h', long: '1 hour' },
  '6h': { short: '6 h', long: '6 hours' },
  '24h': { short: '24 h', long: '24 hours' },
  '7d': { short: '7 d', long: '7 days' },
  '30d': { short: '30 d', long: '30 days' },
};

/** The history charts' ranges (all of them); the metrics API's default when the URL names none. */
export const HISTORY_RANGES = TIME_RANGES;
export type HistoryRange = TimeRange;
export const DEFAULT_HISTORY_RANGE: HistoryRange = '1h';

/** The slow log archive's presets. */
export const ARCHIVE_RANGES = ['1h', '24h', '7d', '30d'] as const satisfies readonly TimeRange[];
export type ArchiveRange = (typeof ARCHIVE_RANGES)[number];
export const DEFAULT_ARCHIVE_RANGE: ArchiveRange = '24h';

/** A `range` search parameter among `allowed`; anything else (missing, misspelt) is `fallback`. */
export function parseTimeRange<R extends TimeRange>(value: string | null | undefined, allowed: readonly R[], fallback: R): R {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as R) : fallback;
}

/** The history charts' `range` parameter. */
export const parseHistoryRange = (value: string | null | undefined): HistoryRange =>
  parseTimeRange(value, HISTORY_RANGES, DEFAULT_HISTORY_RANGE);

/** Ranges up to a day are read by the clock; longer ones by the calendar. */
export const isLongRange = (range: TimeRange) => RANGE_MS[range] > DAY_MS;

export interface TimeWindow {
  /** unix ms */
  from: number;
  to: number;
}

/** "The last `range`" as a window ending at `nowMs`. */
export function rangeWindow(range: TimeRange, nowMs: number): TimeWindow {
  return { from: nowMs - RANGE_MS[range], to: nowMs };
}

/** A chosen window (`?from=<unix ms>&to=<unix ms>` beside the presets): at least a minute ... */
export const CUSTOM_WINDOW_MIN_MS = MINUTE_MS;
/** ... and at most the longest preset, so a chosen window reads no more than a preset does. */
export const CUSTOM_WINDOW_MAX_MS = RANGE_MS['30d'];

/** Why a from/to pair is not a window Redlens reads, in words for a 400 or the form; null when it is. */
export function customWindowProblem(from: number, to: number): string | null {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to < 0) return 'from and to must be unix milliseconds';
  if (from >= to) return 'from must be before to';
  if (to - from < CUSTOM_WINDOW_MIN_MS) return 'the window must be at least a minute long';
  if (to - from > CUSTOM_WINDOW_MAX_MS) return `the window must be at most ${RANGE_LABELS['30d'].long} long`;
  return null;
}

/** `?from=&to=` of a URL as a window; anything else (one missing, not integers, out of bounds) is none. */
export function parseCustomWindow(from: string | null | undefined, to: string | null | undefined): TimeWindow | null {
  if (!from || !to || !/^\d{1,16}$/.test(from) || !/^\d{1,16}$/.test(to)) return null;
  const window = { from: Number(from), to: Number(to) };
  return customWindowProblem(window.from, window.to) === null ? window : null;
}

/** The shortest range at least `spanMs` long (the longest when none is): how a window's times read. */
export function coveringRange<R extends TimeRange>(spanMs: number, among: readonly R[]): R {
  return among.find((range) => RANGE_MS[range] >= spanMs) ?? among[among.length - 1]!;
}

/** A `datetime-local` input's value (local time, to the minute) for unix ms. */
export function toLocalInputValue(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Unix ms of a `datetime-local` input's value (read as local time), or null when it is not one. */
export function fromLocalInputValue(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

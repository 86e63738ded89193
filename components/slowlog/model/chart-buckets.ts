// Pure helpers of the slow log page: durations with units, cut arguments, the live filters and
// the archive view kept in the URL, sorting, gap placement and chart buckets. No React, no I/O.
import { MISSING, endSentence, formatNumber } from '@/lib/format';
import { ARCHIVE_CURSOR, type ArchivedEntry, type FingerprintStat, type SlowlogArchiveResponse, type SlowlogEntryView, type SlowlogGap } from './types';

// ---------------------------------------------------------------------------------------------
// Durations

function isFiniteNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A slow log duration: below 1 ms in whole µs ("850 µs"), from 1 ms in ms with 2 decimals ("12.35 ms"). */
export function formatMicros(micros: number | null | undefined): string {
  if (!isFiniteNumber(micros)) return MISSING;
  if (Math.abs(micros) < 1000) return `${formatNumber(Math.round(micros), 0)} µs`;
  const ms = (micros / 1000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${ms} ms`;
}

/** Shorter, for chart axes: "500 µs", "2.5 ms", "1.25 s". */
export function formatMicrosShort(micros: number): string {
  if (!Number.isFinite(micros)) return MISSING;
  if (Math.abs(micros) < 1000) return `${formatNumber(micros, 0)} µs`;
  if (Math.abs(micros) < 1_000_000) return `${formatNumber(micros / 1000, 1)} ms`;
  return `${formatNumber(micros / 1_000_000, 2)} s`;
}

/** `slowlog-log-slower-than` in words: negative disables the log, 0 logs every command. */
export function describeSlowerThan(micros: number | null): string {
  if (micros === null) return 'unknown';
  if (micros < 0) return `disabled (${micros})`;
  if (micros === 0) return '0 µs: every command is logged';
  return `${formatNumber(micros, 0)} µs`;
}

/** The sentence of the empty live table, with the threshold that nothing crossed. */
export function emptySlowlogText(slowerThanMicros: number | null): string {
  if (slowerThanMicros === null) return 'The slow log is empty.';
  if (slowerThanMicros < 0) return 'The slow log is empty: it is disabled (slowlog-log-slower-than is negative).';
  if (slowerThanMicros === 0) return 'The slow log is empty: no command ran since it was last reset.';
  return `The slow log is empty: no command took longer than ${formatNumber(slowerThanMicros, 0)} µs.`;
}

export const plural = (count: number, one: string, many: string) => `${formatNumber(count, 0)} ${count === 1 ? one : many}`;

// ---------------------------------------------------------------------------------------------
// Arguments

/** Arguments shown before "Show the full command" (the command name included). */
export const ARGS_SHOWN = 6;
/** Characters of one argument shown before it is cut. */
export const ARG_CHARS_SHOWN = 60;

export interface CutArgs {
  /** The arguments to show, each at most `maxChars` characters plus "…". */
  shown: string[];
  /** Arguments not shown at all. */
  hidden: number;
  /** True when anything (an argument, or part of one) is not shown. */
  cut: boolean;
}

/**
 * Cuts one argument to `maxChars` code points. An escape (`\xNN`, `\\`) is never split, so a cut
 * argument never shows a half escape that reads like different bytes.
 */
export function cutArg(arg: string, maxChars = ARG_CHARS_SHOWN): string {
  const chars = Array.from(arg);
  if (chars.length <= maxChars) return arg;
  let head = chars.slice(0, maxChars).join('');
  // Drop a trailing partial escape: "\", "\x" or "\x4".
  const partial = /\\(?:x[0-9a-fA-F]?)?$/.exec(head);
  if (partial && !isCompleteEscapeEnd(head, partial.index)) head = head.slice(0, partial.index);
  return `${head}…`;
}

/** "\\" (an escaped backslash) ending at `index` is complete; count the backslashes before it. */
function isCompleteEscapeEnd(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i -= 1) backslashes += 1;
  // An odd number of backslashes before: this one is the second half of "\\".
  return backslashes % 2 === 1;
}

export function cutArgs(args: readonly string[], maxArgs = ARGS_SHOWN, maxChars = ARG_CHARS_SHOWN): CutArgs {
  const shown = args.slice(0, maxArgs).map((arg) => cutArg(arg, maxChars));
  const hidden = Math.max(0, args.length - maxArgs);
  const cut = hidden > 0 || shown.some((arg, index) => arg !== args[index]);
  return { shown, hidden, cut };
}

// ---------------------------------------------------------------------------------------------
// The page's two views, kept in the URL: `?view=archive`, live without it

export const SLOWLOG_TABS = ['live', 'archive'] as const;
export type SlowlogTab = (typeof SLOWLOG_TABS)[number];

export const parseSlowlogTab = (params: Pick<URLSearchParams, 'get'>): SlowlogTab =>
  params.get('view') === 'archive' ? 'archive' : 'live';

// ---------------------------------------------------------------------------------------------
// Live filters, kept in the URL

export interface SlowlogFilters {
  /** A command name, matched whole and case-insensitively: "KEYS". */
  command?: string;
  /** Part of the client's address or name. */
  client?: string;
  /** Part of the command line (command and arguments). */
  text?: string;
}

export const FILTER_PARAMS = ['command', 'client', 'text'] as const;
export const FILTER_MAX_LENGTH = 200;

export function parseSlowlogFilters(params: Pick<URLSearchParams, 'get'>): SlowlogFilters {
  const filters: SlowlogFilters = {};
  for (const name of FILTER_PARAMS) {
    const value = params.get(name)?.trim().slice(0, FILTER_MAX_LENGTH);
    if (value) filters[name] = name === 'command' ? value.toUpperCase() : value;
  }
  return filters;
}

export const hasFilters = (filters: SlowlogFilters) => FILTER_PARAMS.some((name) => filters[name] !== undefined);

/** A stable string of the filters, to key the form that edits them. */
export const filtersKey = (filters: SlowlogFilters) => FILTER_PARAMS.map((name) => filters[name] ?? '').join('\u0000');

export function filterEntries<T extends SlowlogEntryView>(entries: readonly T[], filters: SlowlogFilters): T[] {
  const command = filters.command?.toUpperCase();
  const client = filters.client?.toLowerCase();
  const text = filters.text?.toLowerCase();
  return entries.filter((entry) => {
    if (command && (entry.args[0] ?? '').toUpperCase() !== command) return false;
    if (client && !`${entry.client}\n${entry.clientName}`.toLowerCase().includes(client)) return false;
    if (text && !entry.args.join(' ').toLowerCase().includes(text)) return false;
    return true;
  });
}

/** The command names present, sorted, for the command filter's choices. */
export function commandsIn(entries: readonly SlowlogEntryView[]): string[] {
  return [...new Set(entries.map((entry) => (entry.args[0] ?? '').toUpperCase()).filter(Boolean))].sort();
}

/**
 * The page's query string with `updates` applied: a blank or missing value removes the parameter,
 * every other parameter stays as it is (the live filters and the archive view share the URL).
 */
export function withParams(current: Pick<URLSearchParams, 'toString'>, updates: Record<string, string | undefined>): string {
  const params = new URLSearchParams(current.toString());
  for (const [name, value] of Object.entries(updates)) {
    if (value === undefined || value.trim() === '') params.delete(name);
    else params.set(name, value.trim());
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

// ---------------------------------------------------------------------------------------------
// Sorting

export type SortDir = 'asc' | 'desc';
export interface Sort<K extends string> {
  key: K;
  dir: SortDir;
}
export type EntrySortKey = 'time' | 'duration';
export type FingerprintSortKey = 'count' | 'total' | 'max';

export const DEFAULT_ENTRY_SORT: Sort<EntrySortKey> = { key: 'time', dir: 'desc' };
export const DEFAULT_FINGERPRINT_SORT: Sort<FingerprintSortKey> = { key: 'total', dir: 'desc' };

/** Clicking the sorted column flips it; another column starts at its largest (newest, slowest). */
export function nextSort<K extends string>(current: Sort<K>, key: K): Sort<K> {
  return current.key === key ? { key, dir: current.dir === 'desc' ? 'asc' : 'desc' } : { key, dir: 'desc' };
}

export function ariaSort<K extends string>(current: Sort<K>, key: K): 'ascending' | 'descending' | 'none' {
  if (current.key !== key) return 'none';
  return current.dir === 'asc' ? 'ascending' : 'descending';
}

/**
 * Entries arrive newest first; that order breaks ties (ids restart after a Redis restart, so they
 * cannot). Time ascending is exactly the reverse of time descending.
 */
export function sortEntries<T extends SlowlogEntryView>(entries: readonly T[], sort: Sort<EntrySortKey>): T[] {
  const indexed = entries.map((entry, index) => ({ entry, index }));
  const newestFirst = (a: (typeof indexed)[number], b: (typeof indexed)[number]) =>
    b.entry.timestamp - a.entry.timestamp || a.index - b.index;
  if (sort.key === 'time') {
    const sorted = indexed.sort(newestFirst).map(({ entry }) => entry);
    return sort.dir === 'desc' ? sorted : sorted.reverse();
  }
  const sign = sort.dir === 'desc' ? -1 : 1;
  return indexed
    .sort((a, b) => sign * (a.entry.durationMicros - b.entry.durationMicros) || newestFirst(a, b))
    .map(({ entry }) => entry);
}

const FINGERPRINT_FIELD: Record<FingerprintSortKey, keyof Pick<FingerprintStat, 'count' | 'totalMicros' | 'maxMicros'>> = {
  count: 'count',
  total: 'totalMicros',
  max: 'maxMicros',
};

export function sortFingerprints(stats: readonly FingerprintStat[], sort: Sort<FingerprintSortKey>): FingerprintStat[] {
  const field = FINGERPRINT_FIELD[sort.key];
  const sign = sort.dir === 'desc' ? -1 : 1;
  return [...stats].sort(
    (a, b) => sign * (a[field] - b[field]) || b.totalMicros - a.totalMicros || a.fingerprint.localeCompare(b.fingerprint),
  );
}

// ---------------------------------------------------------------------------------------------
// The archive view, kept in the URL

export const ARCHIVE_RANGES = ['1h', '24h', '7d', '30d'] as const;
export type ArchiveRange = (typeof ARCHIVE_RANGES)[number];
export const DEFAULT_ARCHIVE_RANGE: ArchiveRange = '24h';

const HOUR_MS = 3_600_000;
export const ARCHIVE_RANGE_MS: Record<ArchiveRange, number> = {
  '1h': HOUR_MS,
  '24h': 24 * HOUR_MS,
  '7d': 7 * 24 * HOUR_MS,
  '30d': 30 * 24 * HOUR_MS,
};

export const ARCHIVE_RANGE_LABELS: Record<ArchiveRange, { short: string; long: string }> = {
  '1h': { short: '1 h', long: 'hour' },
  '24h': { short: '24 h', long: '24 hours' },
  '7d': { short: '7 d', long: '7 days' },
  '30d': { short: '30 d', long: '30 days' },
};

/** The archive API's bound on `q` (slowlogArchiveQuerySchema). */
export const ARCHIVE_QUERY_MAX_LENGTH = 200;
/** Entries the page shows; the API's default. */
export const ARCHIVE_PAGE_LIMIT = 500;
/** Entries an export holds: the API's maximum. */
export const ARCHIVE_EXPORT_LIMIT = 5000;

export interface ArchiveView {
  range: ArchiveRange;
  q?: string;
  /** an older page: the API's nextCursor of the page before it */
  before?: string;
}

export function parseArchiveView(params: Pick<URLSearchParams, 'get'>): ArchiveView {
  const rawRange = params.get('range');
  const range = (ARCHIVE_RANGES as readonly string[]).includes(rawRange ?? '') ? (rawRange as ArchiveRange) : DEFAULT_ARCHIVE_RANGE;
  const q = params.get('q')?.trim().slice(0, ARCHIVE_QUERY_MAX_LENGTH);
  const before = params.get('before') ?? undefined;
  return { range, ...(q ? { q } : {}), ...(before && ARCHIVE_CURSOR.test(before) ? { before } : {}) };
}

export interface TimeWindow {
  /** unix ms */
  from: number;
  to: number;
}

export function archiveWindow(range: ArchiveRange, nowMs: number): TimeWindow {
  return { from: nowMs - ARCHIVE_RANGE_MS[range], to: nowMs };
}

/** Query string of the archive API: only parameters it knows (it refuses others), blanks left out. */
export function archiveApiParams(input: TimeWindow & { q?: string; before?: string; limit: number; format?: 'json' | 'csv' }): URLSearchParams {
  const params = new URLSearchParams({ from: String(Math.floor(input.from)), to: String(Math.ceil(input.to)) });
  if (input.q) params.set('q', input.q);
  if (input.before) params.set('before', input.before);
  params.set('limit', String(input.limit));
  if (input.format) params.set('format', input.format);
  return params;
}

// ---------------------------------------------------------------------------------------------
// Gaps

export type ArchiveRow = { kind: 'entry'; entry: ArchivedEntry } | { kind: 'gap'; gap: SlowlogGap };

/**
 * Places each gap among entries sorted newest first: just above the newest entry of its run at or
 * before `afterId` (the last one read before the loss); when that entry is outside the list, below
 * the oldest entry of its run; when the run has no entry listed, by the time it was noticed.
 */
export function placeGaps(entriesNewestFirst: readonly ArchivedEntry[], gaps: readonly SlowlogGap[]): ArchiveRow[] {
  const before = new Map<number, SlowlogGap[]>();
  const atEnd: SlowlogGap[] = [];
  const add = (index: number, gap: SlowlogGap) => {
    if (index < 0 || index >= entriesNewestFirst.length) atEnd.push(gap);
    else before.set(index, [...(before.get(index) ?? []), gap]);
  };
  for (const gap of [...gaps].sort((a, b) => b.recordedAt - a.recordedAt)) {
    const olderInRun = entriesNewestFirst.findIndex((entry) => entry.runId === gap.runId && entry.id <= gap.afterId);
    if (olderInRun !== -1) {
      add(olderInRun, gap);
      continue;
    }
    const lastInRun = entriesNewestFirst.findLastIndex((entry) => entry.runId === gap.runId);
    if (lastInRun !== -1) {
      add(lastInRun + 1, gap);
      continue;
    }
    add(
      entriesNewestFirst.findIndex((entry) => entry.timestamp * 1000 <= gap.recordedAt),
      gap,
    );
  }
  const rows: ArchiveRow[] = [];
  entriesNewestFirst.forEach((entry, index) => {
    for (const gap of before.get(index) ?? []) rows.push({ kind: 'gap', gap });
    rows.push({ kind: 'entry', entry });
  });
  for (const gap of atEnd) rows.push({ kind: 'gap', gap });
  return rows;
}

/** "About 12 entries rotated out unseen" (the time is added where it is shown). */
export const gapSummary = (gap: SlowlogGap) => `About ${plural(gap.missed, 'entry', 'entries')} rotated out unseen`;

// ---------------------------------------------------------------------------------------------
// Chart buckets

/** Bucket widths the charts may use; the smallest that keeps a range under MAX_BUCKETS wins. */
const BUCKET_STEPS_MS = [1, 5, 15, 30, 60, 120, 360, 720, 1440].map((minutes) => minutes * 60_000);
export const MAX_BUCKETS = 360;

export function bucketStepMs(rangeMs: number, minStepMs = 60_000): number {
  const fits = BUCKET_STEPS_MS.find((step) => step >= minStepMs && rangeMs / step <= MAX_BUCKETS);
  return fits ?? Math.max(minStepMs, Math.ceil(rangeMs / MAX_BUCKETS / 60_000) * 60_000);
}

/** "1 min", "5 min", "2 h": the width of a bucket in words. */
export function formatStep(stepMs: number): string {
  const minutes = Math.round(stepMs / 60_000);
  if (minutes < 60 || minutes % 60 !== 0) return `${minutes} min`;
  return `${minutes / 60} h`;
}

/** Start times of every bucket that overlaps the window, aligned to the step (in UTC). */
function bucketStarts(window: TimeWindow, stepMs: number): number[] {
  const first = Math.floor(window.from / stepMs) * stepMs;
  const last = Math.floor(window.to / stepMs) * stepMs;
  const starts: number[] = [];
  for (let t = first; t <= last && starts.length <= MAX_BUCKETS * 2; t += stepMs) starts.push(t);
  return starts;
}

export interface CountRow {
  t: number;
  count: number;
}

/** Entries per minute, summed into buckets of `stepMs`, zero where none were logged. */
export function countsPerBucket(perMinute: ReadonlyArray<readonly [number, number]>, window: TimeWindow, stepMs: number): CountRow[] {
  const rows = bucketStarts(window, stepMs).map((t) => ({ t, count: 0 }));
  const first = rows[0]?.t ?? 0;
  for (const [t, count] of perMinute) {
    const row = rows[Math.floor((t - first) / stepMs)];
    if (row && t >= first) row.count += count;
  }
  return rows;
}

export interface FingerprintSeries {
  /** A plain data key: fingerprints contain dots and brackets, which chart libraries read as paths. */
  key: string;
  fingerprint: string;
}

export type TimeRow = { t: number } & Record<string, number>;

/** Total time per fingerprint in buckets of `stepMs` (µs), zero-filled, one data key per fingerprint. */
export function timeByFingerprintRows(
  data: SlowlogArchiveResponse['analysis']['timeByFingerprint'],
  window: TimeWindow,
  stepMs: number,
): { series: FingerprintSeries[]; rows: TimeRow[] } {
  const series = data.fingerprints.map((fingerprint, index) => ({ key: `f${index}`, fingerprint }));
  const keyOf = new Map(series.map((s) => [s.fingerprint, s.key]));
  const rows: TimeRow[] = bucketStarts(window, stepMs).map((t) => {
    const row: TimeRow = { t } as TimeRow;
    for (const s of series) row[s.key] = 0;
    return row;
  });
  const first = rows[0]?.t ?? 0;
  for (const point of data.points) {
    const row = rows[Math.floor((point.ts - first) / stepMs)];
    if (!row || point.ts < first) continue;
    for (const [fingerprint, micros] of Object.entries(point.micros)) {
      const key = keyOf.get(fingerprint);
      if (key !== undefined && Number.isFinite(micros)) row[key] = (row[key] ?? 0) + micros;
    }
  }
  return { series, rows };
}

/** A tick on a chart's time axis: "14:05" within a day, "11-26 14:00" beyond. */
export function formatBucketTick(t: number, rangeMs: number, timeZone?: string): string {
  const date = new Date(t);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
  if (rangeMs <= ARCHIVE_RANGE_MS['24h']) return time;
  const day = new Intl.DateTimeFormat('en-CA', { month: '2-digit', day: '2-digit', timeZone }).format(date);
  return `${day} ${time}`;
}

// ---------------------------------------------------------------------------------------------
// Reset failures

/** What a failed reset means for the operator: above all, whether Redis was reset. */
/**
 * What a failed reset means for the operator. `redisReset` is the server's typed answer to "was
 * Redis's slow log emptied?" (lib/slowlog/reset-error.ts); undefined when the server could not say.
 */
export function describeResetFailure(code: string, message: string, redisReset?: boolean): { title: string; detail: string } {
  switch (code) {
    case 'FORBIDDEN':
      return {
        title: 'Not allowed',
        detail: 'Only an admin may reset the slow log, and not while Redlens is read-only. Nothing was reset.',
      };
    case 'REDIS_COMMAND_DENIED':
      return {
        title: 'Redis refused the reset',
        detail: `${endSentence(message)} Nothing was reset: SLOWLOG (or MULTI) is not allowed for Redlens' Redis user, or it is renamed.`,
      };
    case 'REDIS_UNAVAILABLE':
      return { title: 'Redis is unreachable', detail: 'Nothing was reset. Try again once Redis answers.' };
    case 'STORE_UNAVAILABLE':
      // The reset archives first and resets only once that write is on disk.
      return {
        title: "Redlens' data directory cannot be written",
        detail: `${endSentence(message)} Nothing was reset: free space or fix the permissions of the data directory, then try again.`,
      };
    case 'REDIS_TIMEOUT':
      return {
        title: 'Redis did not answer in time',
        detail: 'Redlens cannot tell whether the reset happened. Check the live entries and the archive before trying again.',
      };
    case 'INTERNAL':
      // The server says which side failed in `redisReset`; any other internal error says
      // neither, and then nobody knows.
      return {
        title: 'The reset failed on the Redlens server',
        detail: redisReset === true
          ? `${endSentence(message)} Redis's slow log WAS emptied; the entries Redlens could not archive are in its server log.`
          : redisReset === false
            ? `${endSentence(message)} Nothing was reset.`
            : `${endSentence(message)} Redlens cannot tell whether Redis was reset: check the live entries and the archive before trying again.`,
      };
    case 'NETWORK':
      return {
        title: 'The Redlens server is unreachable',
        detail: 'Redlens cannot tell whether the reset happened. Check the live entries once the server answers.',
      };
    default:
      return { title: 'The reset failed', detail: message };
  }
}
